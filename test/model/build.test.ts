// The resolved model on small documents: names kept apart by namespace, annotations on their
// targets, derived types and concrete unions, and the errors for broken references.
import { describe, expect, it } from "vitest";
import { allProperties, concreteTypes, descendants } from "../../generator/model/queries.js";
import type { StructuredType } from "../../generator/model/types.js";
import { csdl, errorText, modelOf } from "../support/csdl-builder.js";

const twoNamespaces = csdl(
  {
    namespace: "microsoft.graph",
    alias: "graph",
    body: `
      <ComplexType Name="identity" OpenType="true">
        <Property Name="displayName" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="authBase" Abstract="true" />
      <ComplexType Name="basicAuth" BaseType="graph.authBase">
        <Property Name="username" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="certAuth" BaseType="graph.authBase" />
      <ComplexType Name="certAuthV2" BaseType="graph.certAuth" />
      <EntityType Name="connector">
        <Property Name="auth" Type="graph.authBase" />
        <Property Name="onlyBasic" Type="graph.authBase">
          <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">
            <Collection><String>microsoft.graph.basicAuth</String></Collection>
          </Annotation>
        </Property>
      </EntityType>
      <Action Name="upload" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.connector" />
        <Parameter Name="value" Type="Edm.String" />
      </Action>
      <EntityContainer Name="svc">
        <Singleton Name="identity" Type="graph.connector" />
      </EntityContainer>
      <Annotations Target="microsoft.graph.connector/auth">
        <Annotation Term="Org.OData.Core.V1.Description" String="How to call it." />
        <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
      </Annotations>
      <Annotations Target="microsoft.graph.upload(microsoft.graph.connector, Edm.String)">
        <Annotation Term="Org.OData.Core.V1.Description" String="Uploads." />
      </Annotations>
      <Annotations Target="microsoft.graph.svc/identity">
        <Annotation Term="Org.OData.Core.V1.Description" String="The singleton." />
      </Annotations>
      <Annotations Target="microsoft.graph.nothing/here">
        <Annotation Term="Org.OData.Core.V1.Description" String="Dangling." />
      </Annotations>
      <Annotations Target="microsoft.graph.upload(microsoft.graph.connector, Edm.String)/value">
        <Annotation Term="Org.OData.Core.V1.Description" String="The bytes." />
      </Annotations>
      <Annotations Target="microsoft.graph.upload(microsoft.graph.connector)/ value">
        <Annotation Term="Org.OData.Core.V1.OptionalParameter"><Record /></Annotation>
      </Annotations>`,
  },
  {
    namespace: "microsoft.graph.search",
    body: `
      <ComplexType Name="identity">
        <Property Name="rank" Type="Edm.Int32" Nullable="false" />
      </ComplexType>`,
  },
);

describe("buildModel", () => {
  const model = modelOf(twoNamespaces, "two.xml");

  it("keeps same-named types of different namespaces apart, keyed by full name", () => {
    expect([...model.types.keys()].filter((k) => k.endsWith(".identity"))).toEqual([
      "microsoft.graph.identity",
      "microsoft.graph.search.identity",
    ]);
    const search = model.types.get("microsoft.graph.search.identity") as StructuredType;
    expect(search.properties[0]).toMatchObject({ name: "rank", nullable: false, type: { name: "Edm.Int32", collection: false } });
  });

  it("applies annotations from <Annotations> blocks to properties, operations and container children", () => {
    const connector = model.types.get("microsoft.graph.connector") as StructuredType;
    expect(connector.properties[0]).toMatchObject({ description: "How to call it.", readOnly: true });
    expect(model.operations[0]).toMatchObject({ fullName: "microsoft.graph.upload", description: "Uploads." });
    expect(model.operations[0]!.binding?.type.name).toBe("microsoft.graph.connector");
    expect(model.operations[0]!.parameters.map((p) => p.name)).toEqual(["value"]);
    // A parameter's blocks, by the overload's full signature and by its binding type alone, merged.
    expect(model.operations[0]!.parameters[0]).toMatchObject({ description: "The bytes.", optional: true });
    expect(model.containers[0]!.singletons[0]).toMatchObject({ name: "identity", description: "The singleton." });
  });

  it("reports annotation targets that match nothing as warnings", () => {
    expect(model.warnings).toEqual([
      {
        message: 'annotation target "microsoft.graph.nothing/here" matches no element; its annotations are ignored',
        location: { file: "two.xml", line: 40, column: 7 },
      },
    ]);
  });

  it("links derived types and lists the concrete types a reference can hold", () => {
    expect(descendants(model, "microsoft.graph.authBase")).toEqual([
      "microsoft.graph.basicAuth",
      "microsoft.graph.certAuth",
      "microsoft.graph.certAuthV2",
    ]);
    expect(concreteTypes(model, "microsoft.graph.authBase")).toEqual([
      "microsoft.graph.basicAuth",
      "microsoft.graph.certAuth",
      "microsoft.graph.certAuthV2",
    ]);
    const connector = model.types.get("microsoft.graph.connector") as StructuredType;
    expect(concreteTypes(model, "microsoft.graph.authBase", connector.properties[1]!.derivedTypeConstraint)).toEqual([
      "microsoft.graph.basicAuth",
    ]);
    const basic = model.types.get("microsoft.graph.basicAuth") as StructuredType;
    expect(allProperties(model, basic).properties.map((p) => p.name)).toEqual(["username"]);
  });
});

describe("buildModel errors", () => {
  const one = (body: string) => csdl({ namespace: "ns", alias: "n", body });

  it("names the referring property of an unknown type", () => {
    const text = one(`<ComplexType Name="a">\n<Property Name="b" Type="n.missing" />\n</ComplexType>`);
    expect(errorText(() => modelOf(text, "unknown.xml"))).toBe(
      'unknown.xml:6:1: unknown type "ns.missing" referenced by property ns.a/b\n' +
        "  fix: fix the type name, define the type, or add it in an overlay (--overlay)",
    );
  });

  it("rejects base-type cycles", () => {
    const text = one(`<ComplexType Name="a" BaseType="n.b" />\n<ComplexType Name="b" BaseType="n.a" />`);
    expect(errorText(() => modelOf(text, "cycle.xml"))).toBe(
      "cycle.xml:5:1: base type cycle: ns.a -> ns.b -> ns.a\n" +
        "  fix: a type cannot derive from itself, directly or through other types; fix one BaseType",
    );
  });

  it("rejects a type defined twice in one namespace, naming both places", () => {
    const text = one(`<ComplexType Name="a" />\n<EnumType Name="a" />`);
    expect(errorText(() => modelOf(text, "dup.xml"))).toBe(
      "dup.xml:6:1: the type ns.a is defined twice\n" +
        "  other definition: dup.xml:5:1\n" +
        "  fix: type names must be unique within a namespace; remove or rename one definition",
    );
  });

  it("rejects a property that redeclares an inherited one", () => {
    const text = one(`<ComplexType Name="a">\n<Property Name="p" Type="Edm.String" />\n</ComplexType>\n<ComplexType Name="b" BaseType="n.a">\n<Property Name="p" Type="Edm.Int32" />\n</ComplexType>`);
    expect(errorText(() => modelOf(text, "inherit.xml"))).toBe(
      "inherit.xml:9:1: property ns.b/p redeclares ns.a/p, which it inherits\n" +
        "  other definition: inherit.xml:6:1\n" +
        "  fix: a derived type inherits its base type's properties; remove or rename the redeclared one",
    );
  });

  it("rejects a property declared twice in one type", () => {
    const text = one(`<EntityType Name="a">\n<Property Name="p" Type="Edm.String" />\n<NavigationProperty Name="p" Type="n.a" />\n</EntityType>`);
    expect(errorText(() => modelOf(text, "twice.xml"))).toBe(
      "twice.xml:7:1: ns.a declares the property p twice\n" +
        "  other definition: twice.xml:6:1\n" +
        "  fix: property and navigation property names must be unique within a type; remove or rename one",
    );
  });
});
