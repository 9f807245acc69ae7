// Whole-file snapshots of the type and validator modules for the rules of issue 9, on a small
// document: @deprecated from Core.Revisions, instance annotations on root types, open types that
// take extension-shaped keys, dictionaries (no declared property) and overlay-marked types that
// take any key, and any-case enum members.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFromCsdl, type GeneratedPackage } from "../validators/support/generated-validators.js";
import { deprecatedAnnotation } from "../support/csdl-builder.js";

const deprecated = (what: string) => deprecatedAnnotation(`The ${what} is deprecated. Please use the new API.`);

const CSDL = `
      <EnumType Name="alertStatus">
        <Member Name="newAlert" Value="0" />
        <Member Name="resolved" Value="1">${deprecated("resolved status")}
        </Member>
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="alert" BaseType="graph.entity" OpenType="true">${deprecated("legacy alert API")}
        <Property Name="title" Type="Edm.String">${deprecated("title property")}
        </Property>
        <Property Name="status" Type="graph.alertStatus" />
        <Property Name="assignments" Type="graph.assignments" />
        <Property Name="thumbnails" Type="graph.sizes" />
      </EntityType>
      <ComplexType Name="assignments" OpenType="true" />
      <ComplexType Name="sizes" OpenType="true">
        <Property Name="small" Type="Edm.String" />
        <Annotation Term="graphgen.AnyDynamicPropertyName" Bool="true" />
      </ComplexType>`;

let pkg: GeneratedPackage;
beforeAll(async () => {
  pkg = await generateFromCsdl(CSDL);
}, 60_000);

const file = (path: string) => readFileSync(join(pkg.out, "src", path), "utf8");

describe("type and validator modules", () => {
  it.each(["models/Alert.ts", "models/AlertStatus.ts", "models/Assignments.ts", "models/Sizes.ts", "models/Entity.ts", "validators/Alert.ts", "validators/AlertStatus.ts", "validators/Assignments.ts"])(
    "%s",
    async (path) => {
      await expect(file(path)).toMatchFileSnapshot(`__snapshots__/${path}.snap`);
    },
  );
});
