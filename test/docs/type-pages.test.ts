// Type pages from a small CSDL written here: what each column and section says for base and derived
// types, nullability, collections, read-only and immutable properties, deprecation, enums and the JSON
// representation. Whole-file snapshots of the Markdown.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csdl, deprecatedAnnotation } from "../support/csdl-builder.js";
import { tempDir } from "../support/output.js";
import { renderSite } from "./support/site.js";

const work = tempDir("docs-types");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const metadata = csdl({
  namespace: "contoso",
  alias: "c",
  body: `
      <EnumType Name="color">
        <Member Name="red" Value="0"><Annotation Term="Org.OData.Core.V1.Description" String="Like a stop sign." /></Member>
        <Member Name="green" Value="1" />
      </EnumType>
      <EntityType Name="base" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false">
          <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
        </Property>
      </EntityType>
      <EntityType Name="widget" BaseType="c.base">
        <Annotation Term="Org.OData.Core.V1.Description" String="A thing with parts." />
        <Property Name="createdAt" Type="Edm.DateTimeOffset" Nullable="false">
          <Annotation Term="Org.OData.Core.V1.Immutable" Bool="true" />
        </Property>
        <Property Name="tags" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="color" Type="c.color" />
        <Property Name="legacyCode" Type="Edm.Int32">${deprecatedAnnotation("Use color instead.")}
        </Property>
        <NavigationProperty Name="parts" Type="Collection(c.part)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="part" BaseType="c.base">
        <Property Name="size" Type="Edm.Double" />
      </EntityType>
      <EntityContainer Name="service">
        <EntitySet Name="widgets" EntityType="c.widget" />
      </EntityContainer>`,
});

describe("type pages", () => {
  writeFileSync(join(work, "metadata.xml"), metadata);
  const files = new Map(
    renderSite({ metadata: join(work, "metadata.xml"), all: true, includePaths: ["/widgets/**"], rootNamespace: "contoso", cwd: work }).map((f) => [f.path, f.content]),
  );

  for (const type of ["widget", "base", "color"]) {
    it(`says what the model says about ${type}`, async () => {
      await expect(files.get(`types/contoso.${type}.md`)).toMatchFileSnapshot(`__snapshots__/small/contoso.${type}.md`);
    });
  }

  it("gives the contained collection its own path pages, linked from the parent", async () => {
    await expect(files.get("paths/widgets/{id}/parts.md")).toMatchFileSnapshot("__snapshots__/small/widgets-id-parts.md");
  });
});
