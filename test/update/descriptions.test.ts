// Descriptions for the shipped metadata (issue 22): metadata/descriptions.json is what the code makes
// from Microsoft's described 2023-05 file (the test fixture), and doc comments and the docs site's
// property tables show its words where the shipped metadata has none.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { generateDocs } from "../../generator/docs/generate-docs.js";
import { generate } from "../../generator/generate.js";
import { buildModel } from "../../generator/model/build.js";
import { borrowedDescriptions, descriptionMap, shippedDescriptionsHeader } from "../../generator/update/descriptions.js";
import { realMetadata, repoRoot, tempDir } from "../support/output.js";
import { describedBytes } from "./support/described.js";

const work = tempDir("descriptions");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const USER_DISPLAY_NAME =
  "The name displayed in the address book for the user. This is usually the combination of the user's first name, middle initial and last name. This property is required when a user is created and it cannot be cleared during updates. Maximum length is 256 characters. Returned by default. Supports $filter (eq, ne, not , ge, le, in, startsWith, and eq on null values), $orderBy, and $search.";

describe("the shipped descriptions", () => {
  it("metadata/descriptions.json is the 2023-05 file's words for the shipped metadata's undescribed elements (npm run descriptions)", () => {
    const shipped = buildModel([parseCsdl(readFileSync(realMetadata), "v1.0-cleanMetadata.xml")]);
    const described = buildModel([parseCsdl(describedBytes(), "described.xml")]);
    const elements = borrowedDescriptions(shipped, described);
    expect(elements.find((e) => e.target === "microsoft.graph.user/displayName")).toEqual({ target: "microsoft.graph.user/displayName", description: USER_DISPLAY_NAME });
    // Every element named exists in the shipped metadata and has no description of its own there.
    const own = (target: string) => {
      const [typeName = "", member] = target.split("/");
      const type = shipped.types.get(typeName);
      if (!type || member === undefined) return type;
      const members = type.kind === "enum" ? type.members : "properties" in type ? [...type.properties, ...type.navigationProperties] : [];
      return members.find((m: { name: string }) => m.name === member);
    };
    expect(elements.filter((e) => own(e.target) === undefined || own(e.target)?.description !== undefined)).toEqual([]);
    expect(elements.length).toBeGreaterThan(4000);
    expect(readFileSync(join(repoRoot, "metadata/descriptions.json"), "utf8")).toBe(descriptionMap(elements, shippedDescriptionsHeader(elements.length)));
  }, 60_000);

  it("user.displayName's doc comment carries Microsoft's description", async () => {
    const result = await generate({ include: ["user"], format: false, mock: false, out: join(work, "user"), cwd: work }, { check: true });
    const user = result.files.find((f) => f.path === "src/models/User.ts")?.content ?? "";
    expect(user).toContain(`  /**\n   * ${USER_DISPLAY_NAME}\n   */\n  displayName?: string | null;`);
  }, 120_000);

  it("the docs site's property tables show them", async () => {
    await generateDocs({ include: ["thumbnailSet"], docsOut: join(work, "docs-site"), cwd: work });
    const page = readFileSync(join(work, "docs-site/types/microsoft.graph.thumbnail.md"), "utf8");
    expect(page).toContain("| `height` | Int32, nullable | The height of the thumbnail, in pixels. |\n");
  }, 60_000);
});
