// The default config's docs in real headless Chromium, opened from file:// as a user would open the
// written site: the seed permission's page, the identity type's properties, the offline search, and a
// screenshot kept as a test artifact (test-artifacts/docs/).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocsResult } from "../../generator/docs/generate-docs.js";
import { repoRoot } from "../support/output.js";
import { launchChromium, type OpenBrowser } from "./support/browser.js";
import { generateDocs } from "../../generator/docs/generate-docs.js";
import { tempDir } from "../support/output.js";
import { HOSTILE_DESCRIPTION, hostileOptions } from "./support/hostile.js";
import { writeDefaultDocs } from "./support/site.js";

const ARTIFACTS = join(repoRoot, "test-artifacts/docs");
let site: DocsResult;
let chromium: OpenBrowser;
let page: Page;
/** Every request the pages made that was not for a file: there must be none. */
const offSite: string[] = [];

beforeAll(async () => {
  site = await writeDefaultDocs();
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.setViewport({ width: 1200, height: 1400 });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url().startsWith("file://")) return void request.continue();
    offSite.push(request.url());
    void request.abort();
  });
});

afterAll(async () => {
  await chromium?.close();
});

/** Opens a page of a written site; `query` as in `index.html?q=...`. */
const open = (path: string, root = site.outDir, query = "") => page.goto(`${pathToFileURL(join(root, path)).href}${query}`, { waitUntil: "load" });

/** The cells of each row of the first table under the heading with this id, as the user reads them. */
function tableRows(sectionId: string): Promise<string[][]> {
  return page.evaluate((id) => {
    const heading = document.getElementById(id);
    let table = heading?.nextElementSibling;
    while (table && table.tagName !== "TABLE") table = table.nextElementSibling;
    return [...(table?.querySelectorAll("tbody tr") ?? [])].map((row) => [...row.querySelectorAll("td")].map((cell) => (cell as HTMLElement).innerText.trim()));
  }, sectionId);
}

describe("the default config's docs in Chromium", () => {
  it("shows APIConnectors.ReadWrite.All with both ids from the seed, and keeps a screenshot", async () => {
    await open("permissions/APIConnectors.ReadWrite.All.html");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("APIConnectors.ReadWrite.All");
    const schemes = await page.$$eval(".scheme", (sections) =>
      sections.map((section) => ({
        scheme: section.querySelector("h3")?.textContent,
        id: section.querySelector(".id")?.textContent,
        description: section.querySelector(".description")?.textContent,
        consent: section.querySelector(".consent")?.textContent,
      })),
    );
    expect(schemes).toEqual([
      {
        scheme: "Delegated (work or school account)",
        id: "c67b52c5-7c69-48b6-9d48-7b3af3ded914",
        description: "Allows the app to read, create and manage the API connectors used in user authentication flows, on behalf of the signed-in user.",
        consent: "Yes",
      },
      {
        scheme: "Application",
        id: "1dfe531a-24a6-4f1b-80f4-7a0dc5a0a171",
        description: "Allows the app to read, create and manage the API connectors used in user authentication flows, without a signed-in user.",
        consent: "Yes",
      },
    ]);
    const methods = await tableRows("methods");
    expect(methods).toContainEqual(["POST", "/identity/apiConnectors", "delegated least privileged, application least privileged"]);
    expect(await page.$eval("#app-registration ~ pre", (pre) => JSON.parse(pre.textContent ?? ""))).toEqual({
      requiredResourceAccess: [
        {
          resourceAppId: "00000003-0000-0000-c000-000000000000",
          resourceAccess: [
            { id: "c67b52c5-7c69-48b6-9d48-7b3af3ded914", type: "Scope" },
            { id: "1dfe531a-24a6-4f1b-80f4-7a0dc5a0a171", type: "Role" },
          ],
        },
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "permission-APIConnectors.ReadWrite.All.png") });
    expect(offSite).toEqual([]);
  });

  it("lists identity's properties with the seed's names, types and descriptions (from the overlay)", async () => {
    await open("types/microsoft.graph.identity.html");
    const rows = await tableRows("properties");
    expect(rows).toEqual([
      ["displayName", "String nullable", "The display name of the identity. For drive items, the display name might not always be available or up to date. For example, if a user changes their display name the API might show the new value in a future response, but the items associated with the user don't show up as changed when using delta."],
      ["id", "String nullable", "Unique identifier for the identity or actor. For example, in the access reviews decisions API, this property might record the id of the principal, that is, the group, user, or application that's subject to review."],
      ["tenantId", "String nullable", "Unique identity of the tenant. Optional."],
      ["thumbnails", "thumbnailSet nullable", "Keyed collection of thumbnail resources. Optional. Applies to drive items, for example."],
    ]);
    // The type link leads to the thumbnailSet page.
    await Promise.all([page.waitForNavigation(), page.click("#property-thumbnails a")]);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("thumbnailSet");
    await page.screenshot({ path: join(ARTIFACTS, "type-thumbnailSet.png") });
  });

  it("finds the permission when searching \"apiconnectors\", offline, and opens it", async () => {
    await open("index.html");
    await page.type("#search", "apiconnectors");
    const results = await page.$$eval("#results li a", (links) => links.map((a) => a.textContent));
    expect(results[0]).toBe("APIConnectors.ReadWrite.All");
    expect(results).toContain("/identity/apiConnectors");
    await page.screenshot({ path: join(ARTIFACTS, "search-apiconnectors.png") });
    await Promise.all([page.waitForNavigation(), page.click("#results li a")]);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("APIConnectors.ReadWrite.All");
  });

  it("takes a search from any page's header form (index.html?q=)", async () => {
    await open("types/microsoft.graph.identity.html");
    await page.type("header form input", "thumbnail");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    const results = await page.$$eval("#results li a", (links) => links.map((a) => a.textContent));
    expect(results.slice(0, 2)).toEqual(["thumbnail", "thumbnailSet"]);
    expect(offSite).toEqual([]);
  });
});

describe("hostile descriptions in Chromium", () => {
  it("shows them as text: no script runs, no element is injected", async () => {
    const hostile = await generateDocs(hostileOptions(tempDir("docs-hostile")));
    await open("types/contoso.thing.html", hostile.outDir);
    expect(await page.$eval(".summary", (p) => p.textContent)).toBe(HOSTILE_DESCRIPTION);
    expect(await page.$eval("#property-note .description", (cell) => cell.textContent)).toBe(HOSTILE_DESCRIPTION);
    expect(await page.evaluate(() => ({ pwned: (window as { pwned?: number }).pwned, images: document.images.length }))).toEqual({ pwned: undefined, images: 0 });
    await open("index.html", hostile.outDir, "?q=thing");
    expect(await page.$$eval("#results li a", (links) => links.map((a) => a.textContent))).toEqual(["thing", "/things", "/things/$count", "/things/{thing-id}"]);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });
});
