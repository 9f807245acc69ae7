// Descriptions are text in every output: HTML escapes them, Markdown escapes its markup and any HTML,
// the search index cannot close a script element, and a property called __proto__ is documented.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/output.js";
import { hostileOptions } from "./support/hostile.js";
import { renderSite } from "./support/site.js";

const work = tempDir("docs-hostile");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("hostile descriptions in the docs", () => {
  const files = new Map(renderSite(hostileOptions(work)).map((f) => [f.path, f.content]));
  const page = (path: string) => files.get(path) ?? "";

  it("escapes them in HTML, so no markup from the metadata reaches the page", () => {
    const html = page("types/contoso.thing.html");
    expect(html).toContain(
      "Ends */ here | cell &#x60;tick&#x60; ${x} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;window.pwned&#x3D;1&quot;&gt; &amp; [link](javascript:alert(1))",
    );
    for (const [path, content] of files) {
      if (path.endsWith(".html")) expect(content, path).not.toMatch(/<script>alert|<img src=x/);
    }
  });

  it("escapes Markdown markup and HTML in Markdown, keeping a table row on one line", () => {
    const row = page("types/contoso.thing.md").split("\n").find((line) => line.startsWith("| `note`"));
    expect(row).toBe(
      "| `note` | String, nullable | Ends \\*/ here \\| cell \\`tick\\` ${x} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=\"window.pwned=1\"&gt; &amp; \\[link\\](javascript:alert(1)) |",
    );
  });

  it("keeps the search index from closing a script element", () => {
    const index = page("search-index.js");
    expect(index).not.toContain("</script");
    expect(index).toContain("\\u003c/script>");
  });

  it("documents a property named __proto__ like any other, in the table and the JSON representation", () => {
    const md = page("types/contoso.thing.md");
    expect(md).toContain("| `__proto__` | String, nullable |");
    expect(md).toContain('"__proto__": "String"');
  });
});
