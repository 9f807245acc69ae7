// The table of navigation Graph computes from another (generator/mock/derived-navigation.ts) is resolved
// against the metadata: a rule applies only where both navigation properties exist, fed by every type that
// declares the one written to, and a pair the metadata lacks is left out.
import { describe, expect, it } from "vitest";
import { derivedNavigations } from "../../generator/mock/derived-navigation.js";
import { csdl, modelOf } from "../support/csdl-builder.js";
import { DIRECTORY_CSDL } from "./support/directory-csdl.js";

const ENTITY = `<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>`;

describe("derived navigation", () => {
  it("resolves members -> memberOf for every type that declares members, and skips what the metadata lacks", () => {
    const model = modelOf(
      csdl({
        namespace: "microsoft.graph",
        alias: "graph",
        body: `${ENTITY}
          <EntityType Name="directoryObject" BaseType="graph.entity" />
          <EntityType Name="user" BaseType="graph.directoryObject">
            <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)" />
            <NavigationProperty Name="manager" Type="graph.directoryObject" />
          </EntityType>
          <EntityType Name="group" BaseType="graph.directoryObject">
            <NavigationProperty Name="members" Type="Collection(graph.directoryObject)" />
          </EntityType>
          <EntityType Name="administrativeUnit" BaseType="graph.directoryObject">
            <NavigationProperty Name="members" Type="Collection(graph.directoryObject)" />
          </EntityType>
          <EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="graph.user" /></EntityContainer>`,
      }),
    );
    const served = ["microsoft.graph.administrativeUnit", "microsoft.graph.group", "microsoft.graph.user"];
    // No directReports, transitiveMemberOf or owners in this metadata: those rules are left out.
    expect(derivedNavigations(model, served)).toEqual([
      {
        type: "microsoft.graph.user",
        navigation: "memberOf",
        via: "members",
        direction: "reverse",
        transitive: false,
        from: ["microsoft.graph.administrativeUnit", "microsoft.graph.group"],
      },
    ]);
    expect(derivedNavigations(model, ["microsoft.graph.user"])).toEqual([]);
  });

  it("finds the six rules of the trimmed directory metadata", () => {
    const served = ["microsoft.graph.group", "microsoft.graph.user"];
    const rules = derivedNavigations(modelOf(DIRECTORY_CSDL), served).map((r) => `${r.type.slice(16)}.${r.navigation} <- ${r.via}`);
    expect(rules).toEqual([
      "group.memberOf <- members",
      "user.memberOf <- members",
      "user.transitiveMemberOf <- members",
      "group.transitiveMembers <- members",
      "user.ownedObjects <- owners",
      "user.directReports <- manager",
    ]);
  });
});
