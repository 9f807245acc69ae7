// Graph's deprecation notices (`Core.Revisions`, Kind Deprecated) reach the client as `@deprecated`, so editors
// strike through a deprecated entity set or singleton at the client root, navigation getter and bound
// operation, with Graph's note and removal date. A small CSDL for the whole modules, then the real metadata.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
import { generate } from "../../generator/index.js";
import { csdl, deprecatedAnnotation } from "../support/csdl-builder.js";
import { realMetadata } from "../support/output.js";

const work = mkdtempSync(join(tmpdir(), "graphgen-client-deprecation-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const deprecated = deprecatedAnnotation;

const METADATA = csdl({
  namespace: "microsoft.graph",
  body: `
      <EntityType Name="widget">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <NavigationProperty Name="parts" Type="Collection(microsoft.graph.part)" ContainsTarget="true">${deprecated("Use the widget's components instead.", "2024-05-01", "2026-05-01")}
        </NavigationProperty>
        <NavigationProperty Name="components" Type="Collection(microsoft.graph.part)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="part">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <Action Name="retire" IsBound="true">
        <Parameter Name="bindingParameter" Type="microsoft.graph.widget" />
        <Parameter Name="reason" Type="Edm.String" />${deprecated("Retired widgets are deleted instead.", "2024-06-01", "2026-06-01")}
      </Action>
      <Action Name="polish" IsBound="true">
        <Parameter Name="bindingParameter" Type="microsoft.graph.widget" />
      </Action>
      <EntityContainer Name="GraphService">
        <EntitySet Name="widgets" EntityType="microsoft.graph.widget" />
        <EntitySet Name="legacyWidgets" EntityType="microsoft.graph.widget">${deprecated("Use widgets.", "2023-01-15", "2025-01-15")}
        </EntitySet>
      </EntityContainer>`,
});

async function clientFiles(options: Parameters<typeof generate>[0]) {
  const result = await generate({ ...options, mock: false, out: mkdtempSync(join(work, "out-")) });
  return new Map(result.files.map((f) => [f.path, f.content]));
}

describe("deprecated request paths and operations in the client", () => {
  it("mark the entity set, the navigation getter and the bound action @deprecated, laid out as prettier prints them", async () => {
    const metadata = join(work, "widgets.xml");
    writeFileSync(metadata, METADATA);
    const files = await clientFiles({ metadata, includePaths: ["/widgets/**", "/legacyWidgets"], format: false });
    // /widgets and /widgets/{id} share one module (client/grouping.ts).
    const builder = files.get("src/client/paths/widgets.ts")!;
    const index = files.get("src/client/index.ts")!;
    await expect(builder).toMatchFileSnapshot("__snapshots__/deprecation/widgets.ts.snap");
    await expect(index).toMatchFileSnapshot("__snapshots__/deprecation/index.ts.snap");
    // The doc comments keep the template's layout prettier-stable (the format stage skips prettier for it).
    for (const text of [builder, index]) expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
  }, 60_000);

  it("mark Graph v1.0's deprecated function drive.recent and navigation privacy.subjectRightsRequests", async () => {
    const files = await clientFiles({ metadata: realMetadata, includePaths: ["/drives/*/recent", "/privacy/subjectRightsRequests"] });
    const drive = files.get("src/client/paths/drives.ts")!;
    expect(drive).toContain(
      "   * @deprecated This API is deprecated and will stop returning data after November, 2027. Deprecated since 2025-11-13; Graph may remove it after 2027-11-01.\n   */\n  recent(",
    );
    const privacy = files.get("src/client/paths/privacy.ts")!;
    expect(privacy).toMatch(/@deprecated The subject rights request API under Privacy is deprecated .*Graph may remove it after 2025-03-20\.\n {3}\*\/\n {2}readonly subjectRightsRequests: /);
  }, 120_000);
});
