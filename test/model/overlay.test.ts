// Overlays: additions merge into the base metadata; contradictions are errors naming both files.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { parseOverlay } from "../../generator/model/description-map.js";
import { applyOverlay } from "../../generator/model/overlay.js";
import type { EnumType, StructuredType } from "../../generator/model/types.js";
import { csdl, errorText, parseText } from "../support/csdl-builder.js";

const base = parseText(
  csdl({
    namespace: "microsoft.graph",
    alias: "graph",
    body: `
      <EnumType Name="level">
        <Member Name="low" Value="0" />
      </EnumType>
      <ComplexType Name="identity" OpenType="true">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="id" Type="Edm.String" />
      </ComplexType>
      <EntityType Name="thumbnailSet" />`,
  }),
  "base.xml",
);

const overlay = (body: string) => parseText(csdl({ namespace: "microsoft.graph", alias: "graph", body }), "overlay.xml");

describe("applyOverlay", () => {
  it("adds new properties, enum members, types and annotations", () => {
    const merged = applyOverlay(
      base,
      overlay(`
      <EnumType Name="level"><Member Name="high" Value="1" /></EnumType>
      <ComplexType Name="identity">
        <Property Name="tenantId" Type="Edm.String" />
        <Property Name="thumbnails" Type="graph.thumbnailSet" />
      </ComplexType>
      <ComplexType Name="extra" />
      <Annotations Target="microsoft.graph.identity/id">
        <Annotation Term="Org.OData.Core.V1.Description" String="Unique identifier." />
      </Annotations>`),
    );
    const model = buildModel([merged]);
    const identity = model.types.get("microsoft.graph.identity") as StructuredType;
    expect(identity.properties.map((p) => `${p.name}: ${p.type.name}`)).toEqual([
      "displayName: Edm.String",
      "id: Edm.String",
      "tenantId: Edm.String",
      "thumbnails: microsoft.graph.thumbnailSet",
    ]);
    expect(identity.openType).toBe(true);
    expect(identity.properties[1]!.description).toBe("Unique identifier.");
    expect((model.types.get("microsoft.graph.level") as EnumType).members.map((m) => m.name)).toEqual(["low", "high"]);
    expect(model.types.has("microsoft.graph.extra")).toBe(true);
  });

  it("accepts a property repeated with the same type", () => {
    const merged = applyOverlay(base, overlay(`<ComplexType Name="identity"><Property Name="id" Type="Edm.String" /></ComplexType>`));
    expect((buildModel([merged]).types.get("microsoft.graph.identity") as StructuredType).properties).toHaveLength(2);
  });

  it("rejects a property redefined with another type, naming both places", () => {
    const contradicting = overlay(`
      <ComplexType Name="identity">
        <Property Name="id" Type="Edm.Int32" />
      </ComplexType>`);
    expect(errorText(() => applyOverlay(base, contradicting))).toBe(
      "overlay.xml:7:9: the overlay redefines microsoft.graph.identity/id with type Edm.Int32, but the base metadata has type Edm.String\n" +
        "  other definition: base.xml:11:9\n" +
        "  fix: an overlay may add properties, not change existing ones; remove it from the overlay or make it match",
    );
  });

  it("rejects a type redefined as another kind", () => {
    expect(errorText(() => applyOverlay(base, overlay(`<EntityType Name="identity" />`)))).toBe(
      "overlay.xml:5:1: the overlay redefines microsoft.graph.identity as an entity type, but the base metadata defines it as a complex type\n" +
        "  other definition: base.xml:9:7\n" +
        "  fix: an overlay may add to a type, never change its kind",
    );
  });

  it("rejects an annotation that contradicts the base", () => {
    const first = applyOverlay(
      base,
      overlay(`<Annotations Target="microsoft.graph.identity/id"><Annotation Term="Org.OData.Core.V1.Description" String="One." /></Annotations>`),
    );
    const second = overlay(
      `<Annotations Target="microsoft.graph.identity/id"><Annotation Term="Org.OData.Core.V1.Description" String="Two." /></Annotations>`,
    );
    expect(errorText(() => applyOverlay(first, second))).toMatch(
      /^overlay.xml:5:51: the overlay sets Org.OData.Core.V1.Description on microsoft.graph.identity\/id to a different value than the base metadata\n  other definition: overlay.xml:5:51\n/,
    );
  });

  it("moves a derived type's identical declaration of an added property up to the base", () => {
    const withSubtypes = parseText(
      csdl({
        namespace: "microsoft.graph",
        alias: "graph",
        body: `
      <ComplexType Name="identity" />
      <ComplexType Name="userIdentity" BaseType="graph.identity">
        <Property Name="tenantId" Type="Edm.String" />
        <Property Name="ip" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="guestIdentity" BaseType="graph.userIdentity">
        <Property Name="tenantId" Type="Edm.Guid" />
      </ComplexType>`,
      }),
      "sub.xml",
    );
    const sameType = overlay(`<ComplexType Name="identity"><Property Name="tenantId" Type="Edm.String" /></ComplexType>`);
    const contradicting = applyOverlay(
      parseText(
        csdl({
          namespace: "microsoft.graph",
          alias: "graph",
          body: `
      <ComplexType Name="identity" />
      <ComplexType Name="userIdentity" BaseType="graph.identity">
        <Property Name="tenantId" Type="Edm.String" />
      </ComplexType>`,
        }),
        "ok.xml",
      ),
      sameType,
    );
    const model = buildModel([contradicting]);
    expect((model.types.get("microsoft.graph.identity") as StructuredType).properties.map((p) => p.name)).toEqual(["tenantId"]);
    expect((model.types.get("microsoft.graph.userIdentity") as StructuredType).properties).toEqual([]);
    expect(errorText(() => applyOverlay(withSubtypes, sameType))).toBe(
      "overlay.xml:5:30: the overlay redefines microsoft.graph.guestIdentity/tenantId with type Edm.String, but the base metadata has type Edm.Guid\n" +
        "  other definition: sub.xml:12:9\n" +
        "  fix: an overlay may add properties, not change existing ones; remove it from the overlay or make it match",
    );
  });
});

describe("a gap-filling overlay (graphgen.OverlayFillsGaps, as graphgen's own)", () => {
  const FILLS_GAPS = `<Annotations Target="microsoft.graph"><Annotation Term="graphgen.OverlayFillsGaps" Bool="true" /></Annotations>`;
  const described = parseText(
    csdl({
      namespace: "microsoft.graph",
      alias: "graph",
      body: `
      <ComplexType Name="identity" OpenType="true">
        <Property Name="displayName" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Description" String="Microsoft's words." />
        </Property>
        <Property Name="tenantId" Type="Edm.Guid" Nullable="false" />
      </ComplexType>
      <EnumType Name="level"><Member Name="low" Value="0" /></EnumType>`,
    }),
    "described.xml",
  );
  const ours = `
      ${FILLS_GAPS}
      <ComplexType Name="identity">
        <Property Name="tenantId" Type="Edm.String" />
        <Property Name="thumbnails" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Description" String="Filled in." />
        </Property>
      </ComplexType>
      <EnumType Name="level"><Member Name="low" Value="7" /><Member Name="high" Value="1" /></EnumType>
      <Annotations Target="microsoft.graph.identity/displayName">
        <Annotation Term="Org.OData.Core.V1.Description" String="Our words." />
      </Annotations>
      <Annotations Target="microsoft.graph.identity/id">
        <Annotation Term="Org.OData.Core.V1.Description" String="Filled in too." />
      </Annotations>`;

  it("fills what the base lacks and defers to it everywhere else, without an error", () => {
    const model = buildModel([applyOverlay(described, overlay(ours))]);
    const identity = model.types.get("microsoft.graph.identity") as StructuredType;
    const property = (name: string) => identity.properties.find((p) => p.name === name);
    expect(property("displayName")?.description).toBe("Microsoft's words.");
    expect(property("tenantId")).toMatchObject({ type: { name: "Edm.Guid" }, nullable: false });
    expect(property("thumbnails")?.description).toBe("Filled in.");
    const level = model.types.get("microsoft.graph.level") as EnumType;
    expect(level.members.map((m) => [m.name, m.value])).toEqual([["low", 0], ["high", 1]]);
    // The mode marker itself never reaches the model (no "matches no element" warning for it).
    expect(model.warnings.map((w) => w.message).filter((m) => m.includes('"microsoft.graph"'))).toEqual([]);
  });

  it("where the base has no word, its annotation block applies", () => {
    const model = buildModel([applyOverlay(base, overlay(ours))]);
    const identity = model.types.get("microsoft.graph.identity") as StructuredType;
    expect(identity.properties.find((p) => p.name === "displayName")?.description).toBe("Our words.");
    expect(identity.properties.find((p) => p.name === "id")?.description).toBe("Filled in too.");
  });

  it("the same overlay without the marker is a user's: the conflict is still an error naming both places", () => {
    expect(errorText(() => applyOverlay(described, overlay(ours.replace(FILLS_GAPS, ""))))).toMatch(
      /^overlay.xml:\d+:\d+: the overlay redefines microsoft.graph.identity\/tenantId with type Edm.String, but the base metadata has type Edm.Guid\n  other definition: described.xml:\d+:\d+\n/,
    );
  });

  it("yields to a subtype that declares an added property otherwise, instead of failing", () => {
    const withSubtype = parseText(
      csdl({
        namespace: "microsoft.graph",
        alias: "graph",
        body: `
      <ComplexType Name="identity" />
      <ComplexType Name="userIdentity" BaseType="graph.identity"><Property Name="tenantId" Type="Edm.Guid" /></ComplexType>`,
      }),
      "sub.xml",
    );
    const model = buildModel([applyOverlay(withSubtype, overlay(`${FILLS_GAPS}<ComplexType Name="identity"><Property Name="tenantId" Type="Edm.String" /></ComplexType>`))]);
    expect((model.types.get("microsoft.graph.identity") as StructuredType).properties).toEqual([]);
    expect((model.types.get("microsoft.graph.userIdentity") as StructuredType).properties.map((p) => p.type.name)).toEqual(["Edm.Guid"]);
  });
});

describe("a description map (a .json overlay, as graphgen's metadata/descriptions.json)", () => {
  const map = (json: object) => parseOverlay(Buffer.from(JSON.stringify(json, null, 2)), "descriptions.json");

  it("fills descriptions where the base has none, and never replaces one", () => {
    const described = applyOverlay(base, overlay(`<Annotations Target="microsoft.graph.identity/id"><Annotation Term="Org.OData.Core.V1.Description" String="The base's." /></Annotations>`));
    const merged = applyOverlay(described, map({ descriptions: { "microsoft.graph.identity/displayName": "Filled.", "microsoft.graph.identity/id": "Not taken.", "microsoft.graph.level": "An enum." } }));
    const model = buildModel([merged]);
    const identity = model.types.get("microsoft.graph.identity") as StructuredType;
    expect(identity.properties.map((p) => [p.name, p.description])).toEqual([["displayName", "Filled."], ["id", "The base's."]]);
    expect(model.types.get("microsoft.graph.level")?.description).toBe("An enum.");
  });

  it("names the file, line and JSON path of a bad entry", () => {
    expect(errorText(() => map({ descriptions: { "microsoft.graph.identity/id": 7 } }))).toBe(
      'descriptions.json:3:5: $.descriptions["microsoft.graph.identity/id"] must be a string, not 7\n  fix: give the text of the description',
    );
    expect(errorText(() => parseOverlay(Buffer.from("{ nope"), "descriptions.json"))).toMatch(/^descriptions.json is not valid JSON: /);
  });
});
