// Types with at most KEY_PASS_MAX_PROPERTIES properties check their members in one pass over the keys
// present; larger types read each declared property. The same rules must hold either way: each small
// type here has a twin with the same properties and a few more, and every value gets the same issues
// from both (issues come in key order from the one pass and in metadata order from the other).
import { beforeAll, describe, expect, it } from "vitest";
import { KEY_PASS_MAX_PROPERTIES } from "../../generator/validators/members.js";
import { generateFromCsdl, type GeneratedPackage, type Mode, type Validate } from "./support/generated-validators.js";

const padding = (n: number) => Array.from({ length: n }, (_, i) => `<Property Name="pad${i}" Type="Edm.String" />`).join("");

/** `small` and `big` share `body`; `big` has enough padding properties to be checked property by property. */
function twins(kind: "EntityType" | "ComplexType", name: string, body: string, count: number, attributes = ""): string {
  const base = kind === "EntityType" ? ` BaseType="graph.entity"` : "";
  return [
    `<${kind} Name="${name}Small"${base}${attributes}>${body}</${kind}>`,
    `<${kind} Name="${name}Big"${base}${attributes}>${body}${padding(KEY_PASS_MAX_PROPERTIES + 1 - count)}</${kind}>`,
  ].join("\n");
}

const required = (set: string, type: string) => `
  <EntitySet Name="${set}" EntityType="graph.${type}">
    <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions">
      <Record><PropertyValue Property="RequiredProperties"><Collection><PropertyPath>name</PropertyPath></Collection></PropertyValue></Record>
    </Annotation>
  </EntitySet>`;

const CSDL = `
  <EnumType Name="color"><Member Name="red" Value="0" /><Member Name="green" Value="1" /></EnumType>
  <ComplexType Name="shape" Abstract="true"><Property Name="label" Type="Edm.String" /></ComplexType>
  <ComplexType Name="circle" BaseType="graph.shape"><Property Name="radius" Type="Edm.Double" Nullable="false" /></ComplexType>
  <ComplexType Name="square" BaseType="graph.shape"><Property Name="side" Type="Edm.Int32" /></ComplexType>
  <EntityType Name="entity" Abstract="true">
    <Key><PropertyRef Name="id" /></Key>
    <Property Name="id" Type="Edm.String" Nullable="false" />
  </EntityType>
  ${twins(
    "EntityType",
    "checks",
    `<Property Name="created" Type="Edm.DateTimeOffset"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true" /></Property>
     <Property Name="code" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Immutable" Bool="true" /></Property>
     <Property Name="name" Type="Edm.String" Nullable="false" />
     <Property Name="shapes" Type="Collection(graph.shape)" />
     <Property Name="shape" Type="graph.shape" />
     <Property Name="fixed" Type="graph.circle" Nullable="false" />
     <Property Name="onlyCircle" Type="graph.shape">
       <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>microsoft.graph.circle</String></Collection></Annotation>
     </Property>`,
    8,
  )}
  ${twins(
    "EntityType",
    "values",
    `<Property Name="str" Type="Edm.String" MaxLength="5" />
     <Property Name="guid" Type="Edm.Guid" Nullable="false" />
     <Property Name="color" Type="graph.color" />
     <Property Name="tags" Type="Collection(Edm.String)" Nullable="false" />
     <Property Name="constructor" Type="Edm.String" />
     <NavigationProperty Name="owner" Type="graph.entity" />
     <NavigationProperty Name="parts" Type="Collection(graph.entity)" />`,
    8,
  )}
  ${twins("ComplexType", "bag", `<Property Name="name" Type="Edm.String" /><Property Name="size" Type="Edm.Int32" Nullable="false" />`, 2, ` OpenType="true"`)}
  <EntityContainer Name="service">${required("checksSmalls", "checksSmall")}${required("checksBigs", "checksBig")}</EntityContainer>`;

let pkg: GeneratedPackage;
beforeAll(async () => {
  pkg = await generateFromCsdl(CSDL);
}, 60_000);

/** Issues as [path, received, message], sorted, with the type's own name made the same for both twins. */
async function issues(type: string, variant: "Small" | "Big", value: unknown, mode: Mode): Promise<string[][]> {
  const validate: Validate = await pkg.validator(`validators/${type[0]!.toUpperCase()}${type.slice(1)}${variant}`, `${type[0]!.toUpperCase()}${type.slice(1)}${variant}`);
  const result = validate(value, { mode });
  const own = new RegExp(`microsoft\\.graph\\.${type}${variant}`, "g");
  return result.ok ? [] : result.errors.map((e) => [e.path, e.received, e.message.replace(own, `microsoft.graph.${type}`)]).sort();
}

const cases: [string, string, Mode, unknown][] = [
  ["valid body", "checks", "create", { name: "n", shape: { "@odata.type": "#microsoft.graph.square", side: 1 }, fixed: { radius: 2 } }],
  ["read-only property in a body", "checks", "create", { name: "n", created: "2024-01-01T00:00:00Z" }],
  ["read-only property passes in a response", "checks", "read", { created: "2024-01-01T00:00:00Z" }],
  ["immutable property in an update", "checks", "update", { code: "a" }],
  ["immutable property passes on create", "checks", "create", { name: "n", code: "a" }],
  ["required property missing", "checks", "create", { code: "a" }],
  ["required property present but undefined", "checks", "create", { name: undefined }],
  ["collection of an abstract type", "checks", "update", { shapes: [{ "@odata.type": "#microsoft.graph.circle", radius: "big" }, null, { label: 1 }, 5] }],
  ["collection that is not an array", "checks", "update", { shapes: { radius: 1 } }],
  ["nullable complex: null passes, wrong type fails", "checks", "update", { shape: null, fixed: { radius: 1, extra: true } }],
  ["non-nullable complex: null fails", "checks", "update", { fixed: null }],
  ["any-case type name", "checks", "update", { shape: { "@odata.type": "Microsoft.Graph.Circle", radius: "x" } }],
  ["derived-type constraint", "checks", "update", { onlyCircle: { "@odata.type": "#microsoft.graph.square", side: 1 } }],
  ["undeclared keys, annotations and explicit undefined", "checks", "update", { colour: "red", "name@odata.bind": "x", "@odata.etag": "e", code: undefined, other: undefined }],
  ["undeclared keys pass in a response", "checks", "read", { colour: "red" }],
  ["primitive facets and enums", "values", "update", { str: "too long", guid: "nope", color: "RED", tags: ["a", 1, null] }],
  ["non-nullable primitive", "values", "update", { guid: null, tags: null }],
  ["a key named like a prototype member", "values", "update", { constructor: 5, toString: "x" }],
  ["navigation properties: shape only", "values", "update", { owner: { anything: 1 }, parts: [{}, 3] }],
  ["navigation properties: not objects", "values", "update", { owner: [], parts: {} }],
  ["open type: extension-shaped keys pass, others fail", "bag", "update", { name: "b", ext_colour: "red", colour: "red", size: null }],
  ["open type in a response", "bag", "read", { size: "x", colour: "red" }],
  ["not an object", "bag", "update", [1, 2]],
];

describe("one pass over the keys and property by property agree", () => {
  it(`checks types of up to ${KEY_PASS_MAX_PROPERTIES} properties in one pass, larger ones property by property`, async () => {
    const { readFileSync } = await import("node:fs");
    const source = (name: string) => readFileSync(`${pkg.out}/src/validators/${name}.ts`, "utf8");
    for (const name of ["ChecksSmall", "ValuesSmall", "BagSmall"]) expect(source(name)).toContain("for (const key in value) {\n    const x = value[key];");
    for (const name of ["ChecksBig", "ValuesBig", "BagBig"]) expect(source(name)).not.toContain("const x = value[key];");
  });

  it.each(cases)("%s", async (_, type, mode, value) => {
    const small = await issues(type, "Small", value, mode);
    expect(small).toEqual(await issues(type, "Big", value, mode));
    // Every case but the valid ones reports something, so that agreeing is not agreeing on nothing.
    if (!/^valid|pass(es)? (in|on) /.test(_)) expect(small.length).toBeGreaterThan(0);
  });
});
