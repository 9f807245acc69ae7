// The request tree's rules on a CSDL small enough to read: non-contained navigation one step, references on
// directory relationships, casts from DerivedTypeConstraint, $count unless CountRestrictions says no, streams,
// complex properties with restrictions, a navigation property followed once per path.
import { describe, expect, it } from "vitest";
import { parsePathPatterns } from "../../generator/client/include-paths.js";
import { nodeRequests, requestNodes } from "../../generator/client/request-tree.js";
import { buildRequestTree } from "../../generator/client/tree-walk.js";
import { csdl, modelOf } from "../support/csdl-builder.js";

const model = modelOf(
  csdl({
    namespace: "microsoft.graph",
    alias: "graph",
    body: `
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity" />
      <EntityType Name="user" BaseType="graph.directoryObject">
        <Property Name="settings" Type="graph.settings">
          <Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions"><Record /></Annotation>
        </Property>
        <Property Name="address" Type="graph.settings" />
        <NavigationProperty Name="manager" Type="graph.directoryObject" />
        <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)">
          <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>microsoft.graph.group</String></Collection></Annotation>
        </NavigationProperty>
        <NavigationProperty Name="folders" Type="Collection(graph.folder)" ContainsTarget="true" />
        <NavigationProperty Name="photo" Type="graph.photo" ContainsTarget="true" />
        <NavigationProperty Name="drive" Type="graph.drive" />
      </EntityType>
      <EntityType Name="group" BaseType="graph.directoryObject">
        <NavigationProperty Name="members" Type="Collection(graph.directoryObject)">
          <Annotation Term="Org.OData.Capabilities.V1.CountRestrictions"><Record><PropertyValue Property="Countable" Bool="false" /></Record></Annotation>
        </NavigationProperty>
      </EntityType>
      <EntityType Name="folder" BaseType="graph.entity">
        <NavigationProperty Name="childFolders" Type="Collection(graph.folder)" ContainsTarget="true" />
        <NavigationProperty Name="owner" Type="graph.user" />
      </EntityType>
      <EntityType Name="photo" BaseType="graph.entity" HasStream="true" />
      <EntityType Name="drive" BaseType="graph.entity">
        <Property Name="logo" Type="Edm.Stream" />
        <NavigationProperty Name="items" Type="Collection(graph.folder)" ContainsTarget="true" />
      </EntityType>
      <ComplexType Name="settings"><Property Name="language" Type="Edm.String" /></ComplexType>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user" />
        <EntitySet Name="groups" EntityType="graph.group" />
        <EntitySet Name="directoryObjects" EntityType="graph.directoryObject" />
        <EntitySet Name="drives" EntityType="graph.drive" />
      </EntityContainer>`,
  }),
);

function requests(pattern: string): string[] {
  const roots = buildRequestTree(model, parsePathPatterns([pattern]), "microsoft.graph");
  return requestNodes(roots).flatMap((node) => nodeRequests(node).map((r) => `${r.method} ${r.template} ${r.role}`));
}

describe("request tree rules", () => {
  it("walks a user: contained navigation down, each navigation property once per path, non-contained one step", () => {
    expect(requests("/users/{id}/**")).toEqual([
      "GET /users/{user-id} get",
      "PATCH /users/{user-id} update",
      "DELETE /users/{user-id} delete",
      "GET /users/{user-id}/drive get",
      "GET /users/{user-id}/drive/logo download",
      "PUT /users/{user-id}/drive/logo upload",
      "GET /users/{user-id}/folders list",
      "POST /users/{user-id}/folders create",
      "GET /users/{user-id}/folders/$count count",
      "GET /users/{user-id}/folders/{folder-id} get",
      "PATCH /users/{user-id}/folders/{folder-id} update",
      "DELETE /users/{user-id}/folders/{folder-id} delete",
      "GET /users/{user-id}/folders/{folder-id}/childFolders list",
      "POST /users/{user-id}/folders/{folder-id}/childFolders create",
      "GET /users/{user-id}/folders/{folder-id}/childFolders/$count count",
      "GET /users/{user-id}/folders/{folder-id}/childFolders/{folder-id} get",
      "PATCH /users/{user-id}/folders/{folder-id}/childFolders/{folder-id} update",
      "DELETE /users/{user-id}/folders/{folder-id}/childFolders/{folder-id} delete",
      "GET /users/{user-id}/folders/{folder-id}/childFolders/{folder-id}/owner get",
      "GET /users/{user-id}/folders/{folder-id}/childFolders/{folder-id}/owner/settings get",
      "PATCH /users/{user-id}/folders/{folder-id}/childFolders/{folder-id}/owner/settings update",
      "GET /users/{user-id}/folders/{folder-id}/owner get",
      "GET /users/{user-id}/folders/{folder-id}/owner/settings get",
      "PATCH /users/{user-id}/folders/{folder-id}/owner/settings update",
      "GET /users/{user-id}/manager get",
      "PUT /users/{user-id}/manager/$ref setRef",
      "DELETE /users/{user-id}/manager/$ref removeRef",
      "GET /users/{user-id}/memberOf list",
      "GET /users/{user-id}/memberOf/$count count",
      "POST /users/{user-id}/memberOf/$ref addRef",
      "DELETE /users/{user-id}/memberOf/{directoryObject-id}/$ref removeRef",
      "GET /users/{user-id}/memberOf/microsoft.graph.group list",
      "GET /users/{user-id}/memberOf/microsoft.graph.group/$count count",
      "GET /users/{user-id}/memberOf/{directoryObject-id} get",
      "GET /users/{user-id}/memberOf/{directoryObject-id}/microsoft.graph.group get",
      "GET /users/{user-id}/photo get",
      "PATCH /users/{user-id}/photo update",
      "GET /users/{user-id}/photo/$value download",
      "PUT /users/{user-id}/photo/$value upload",
      "GET /users/{user-id}/settings get",
      "PATCH /users/{user-id}/settings update",
    ]);
  });

  it("has no $count where CountRestrictions says so, and references into the target's entity set", () => {
    const roots = buildRequestTree(model, parsePathPatterns(["/groups/*/members"]), "microsoft.graph");
    const members = requestNodes(roots).find((n) => n.template === "/groups/{group-id}/members");
    expect(members).toMatchObject({ countable: false, contained: false, references: { entitySet: "directoryObjects" }, eventualConsistency: true });
    expect(nodeRequests(members!).map((r) => r.role)).toEqual(["list", "addRef", "removeRef"]);
  });
});
