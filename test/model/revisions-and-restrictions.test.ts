// Two annotations the model digests: Core.Revisions (deprecation, on every kind of element, as
// Graph writes it) and Capabilities.InsertRestrictions/RequiredProperties (required on create).
import { describe, expect, it } from "vitest";
import type { EnumType, StructuredType } from "../../generator/model/types.js";
import { csdl, modelOf } from "../support/csdl-builder.js";

const revisions = (removal: string, kind = "Deprecated") => `
        <Annotation Term="Org.OData.Core.V1.Revisions">
          <Collection>
            <Record>
              <PropertyValue Property="Date" Date="2024-04-10" />
              <PropertyValue Property="Description" String="Use the new API." />
              <PropertyValue Property="Kind"><EnumMember>Org.OData.Core.V1.RevisionKind/${kind}</EnumMember></PropertyValue>
              <PropertyValue Property="RemovalDate" Date="${removal}" />
              <PropertyValue Property="Version" String="2024-01/Deprecation" />
            </Record>
          </Collection>
        </Annotation>`;

const requiredOn = (...names: string[]) => `
          <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions">
            <Record>
              <PropertyValue Property="RequiredProperties">
                <Collection>${names.map((n) => `<PropertyPath>${n}</PropertyPath>`).join("")}</Collection>
              </PropertyValue>
            </Record>
          </Annotation>`;

const model = modelOf(
  csdl({
    namespace: "microsoft.graph",
    alias: "graph",
    body: `
      <EnumType Name="level"><Member Name="low" Value="0" /><Member Name="high" Value="1" /></EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="alert" BaseType="graph.entity">
        <Property Name="title" Type="Edm.String" />
        <Property Name="level" Type="graph.level" Nullable="false" />
        <NavigationProperty Name="related" Type="Collection(graph.alert)" />
      </EntityType>
      <EntityType Name="connector" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="targetUrl" Type="Edm.String" />
        <Property Name="note" Type="Edm.String" />
      </EntityType>
      <EntityType Name="container" BaseType="graph.entity">
        <NavigationProperty Name="connectors" Type="Collection(graph.connector)" ContainsTarget="true">${requiredOn("displayName", "targetUrl", "missing")}
        </NavigationProperty>
      </EntityType>
      <Action Name="dismiss" IsBound="true"><Parameter Name="bindingParameter" Type="graph.alert" /></Action>
      <EntityContainer Name="service">
        <EntitySet Name="alerts" EntityType="graph.alert" />
        <EntitySet Name="connectors" EntityType="graph.connector">${requiredOn("displayName", "note", "id")}
        </EntitySet>
      </EntityContainer>
      <Annotations Target="microsoft.graph.alert">${revisions("2026-04-10")}
      </Annotations>
      <Annotations Target="microsoft.graph.alert/title">${revisions("2026-04-10")}
      </Annotations>
      <Annotations Target="microsoft.graph.alert/related">${revisions("2026-04-10")}
      </Annotations>
      <Annotations Target="microsoft.graph.level/low">${revisions("2026-04-10")}
      </Annotations>
      <Annotations Target="microsoft.graph.dismiss(microsoft.graph.alert)">${revisions("2026-04-10")}
      </Annotations>
      <Annotations Target="microsoft.graph.service/alerts">${revisions("2026-04-10")}
      </Annotations>
      <Annotations Target="microsoft.graph.connector/note">${revisions("2030-01-01", "Added")}
      </Annotations>`,
  }),
);

const structured = (name: string) => model.types.get(`microsoft.graph.${name}`) as StructuredType;
const deprecation = { description: "Use the new API.", date: "2024-04-10", removalDate: "2026-04-10", version: "2024-01/Deprecation" };

describe("Core.Revisions", () => {
  it("marks deprecated types, properties, navigation properties, enum members, operations and entity sets", () => {
    const alert = structured("alert");
    expect(alert.deprecation).toEqual(deprecation);
    expect(alert.properties.find((p) => p.name === "title")?.deprecation).toEqual(deprecation);
    expect(alert.navigationProperties[0]?.deprecation).toEqual(deprecation);
    expect((model.types.get("microsoft.graph.level") as EnumType).members.map((m) => m.deprecation)).toEqual([deprecation, undefined]);
    expect(model.operations.find((o) => o.name === "dismiss")?.deprecation).toEqual(deprecation);
    expect(model.containers[0]?.entitySets.map((s) => [s.name, s.deprecation])).toEqual([["alerts", deprecation], ["connectors", undefined]]);
  });

  it("ignores revisions of other kinds, and leaves undeprecated elements without the field", () => {
    const connector = structured("connector");
    expect(connector.properties.map((p) => "deprecation" in p)).toEqual([false, false, false]);
    expect("deprecation" in connector).toBe(false);
  });
});

describe("Capabilities.InsertRestrictions/RequiredProperties", () => {
  it("requires on create what every annotated collection of the type requires, and nothing for Nullable=\"false\" alone", () => {
    expect(structured("connector").requiredOnCreate).toEqual(["displayName"]);
    expect(structured("alert").requiredOnCreate).toEqual([]);
  });

  it("warns about listed names the type does not have", () => {
    expect(model.warnings.map((w) => w.message)).toEqual([
      "InsertRestrictions/RequiredProperties on microsoft.graph.container/connectors names missing, not properties of microsoft.graph.connector; ignored",
    ]);
  });
});
