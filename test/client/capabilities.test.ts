// The requests the Capabilities annotations allow or refuse (Read, Insert, Update and Delete restrictions), on a
// CSDL small enough to read, then on the real v1.0 metadata with its overlay: a drive reached by reference
// (`/me/drive`) updates and deletes its items by key as `/drives/{id}` does, and neither lists nor creates
// `drive/items`, which Graph does not serve (metadata/overlay.xml says where that is documented).
import { beforeAll, describe, expect, it } from "vitest";
import { parsePathPatterns } from "../../generator/client/include-paths.js";
import { nodeRequests, requestNodes } from "../../generator/client/request-tree.js";
import { buildRequestTree } from "../../generator/client/tree-walk.js";
import { loadModel } from "../../generator/load.js";
import type { Model } from "../../generator/model/types.js";
import { csdl, modelOf } from "../support/csdl-builder.js";
import { REPO } from "./support/generated-client.js";

const restriction = (term: string, property: string, value: boolean) =>
  `<Annotation Term="Org.OData.Capabilities.V1.${term}"><Record><PropertyValue Property="${property}" Bool="${value}" /></Record></Annotation>`;

const small = modelOf(
  csdl({
    namespace: "microsoft.graph",
    alias: "graph",
    body: `
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="place" BaseType="graph.entity" />
      <EntityType Name="room" BaseType="graph.place" />
      <EntityType Name="event" BaseType="graph.entity" />
      <EntityType Name="photo" BaseType="graph.entity" />
      <EntityType Name="user" BaseType="graph.entity">
        <NavigationProperty Name="calendarView" Type="Collection(graph.event)" ContainsTarget="true">
          ${restriction("InsertRestrictions", "Insertable", false)}
          ${restriction("UpdateRestrictions", "Updatable", false)}
          ${restriction("DeleteRestrictions", "Deletable", false)}
        </NavigationProperty>
        <NavigationProperty Name="photo" Type="graph.photo" ContainsTarget="true">${restriction("DeleteRestrictions", "Deletable", true)}</NavigationProperty>
        <NavigationProperty Name="drive" Type="graph.drive" />
      </EntityType>
      <EntityType Name="drive" BaseType="graph.entity">
        <NavigationProperty Name="items" Type="Collection(graph.driveItem)" ContainsTarget="true">
          ${restriction("ReadRestrictions", "Readable", false)}
          ${restriction("InsertRestrictions", "Insertable", false)}
        </NavigationProperty>
        <NavigationProperty Name="root" Type="graph.driveItem" />
      </EntityType>
      <EntityType Name="driveItem" BaseType="graph.entity">
        <NavigationProperty Name="children" Type="Collection(graph.driveItem)">${restriction("InsertRestrictions", "Insertable", true)}</NavigationProperty>
      </EntityType>
      <EntityContainer Name="GraphService">
        <EntitySet Name="places" EntityType="graph.place">
          ${restriction("ReadRestrictions", "Readable", false)}
          <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>microsoft.graph.room</String></Collection></Annotation>
        </EntitySet>
        <EntitySet Name="users" EntityType="graph.user" />
        <EntitySet Name="drives" EntityType="graph.drive" />
      </EntityContainer>`,
  }),
);

function requests(model: Model, ...patterns: string[]): string[] {
  const roots = buildRequestTree(model, parsePathPatterns(patterns), "microsoft.graph");
  return requestNodes(roots).flatMap((node) => nodeRequests(node).map((r) => `${r.method} ${r.template} ${r.role}`));
}

describe("Read, Insert, Update and Delete restrictions", () => {
  it("Readable false on an entity set: no list and no $count there, while a cast still lists", () => {
    expect(requests(small, "/places", "/places/*")).toEqual([
      "POST /places create",
      "GET /places/microsoft.graph.room list",
      "GET /places/microsoft.graph.room/$count count",
      "GET /places/{place-id} get",
      "PATCH /places/{place-id} update",
      "DELETE /places/{place-id} delete",
    ]);
  });

  it("false on a contained navigation refuses create, and update and delete of its items", () => {
    expect(requests(small, "/users/*/calendarView/**")).toEqual([
      "GET /users/{user-id}/calendarView list",
      "GET /users/{user-id}/calendarView/$count count",
      "GET /users/{user-id}/calendarView/{event-id} get",
    ]);
  });

  it("true allows what the kind alone would not: create in a non-contained collection, delete of a single-valued navigation", () => {
    expect(requests(small, "/drives/*/items/*/children", "/users/*/photo")).toEqual([
      "GET /drives/{drive-id}/items/{driveItem-id}/children list",
      "POST /drives/{drive-id}/items/{driveItem-id}/children create",
      "GET /drives/{drive-id}/items/{driveItem-id}/children/$count count",
      "GET /users/{user-id}/photo get",
      "PATCH /users/{user-id}/photo update",
      "DELETE /users/{user-id}/photo delete",
    ]);
  });

  it("a drive reached by reference keeps its navigation's containment and annotations: items by key change, root is read, both list children", () => {
    const viaUser = requests(small, "/users/*/drive/**");
    const children = (item: string) => [
      `GET ${item}/children list`,
      `POST ${item}/children create`,
      `GET ${item}/children/$count count`,
      `GET ${item}/children/{driveItem-id} get`,
      `GET ${item}/children/{driveItem-id}:/{item-path}: get`,
      `PATCH ${item}/children/{driveItem-id}:/{item-path}: update`,
      `DELETE ${item}/children/{driveItem-id}:/{item-path}: delete`,
    ];
    expect(viaUser).toEqual([
      "GET /users/{user-id}/drive get",
      "GET /users/{user-id}/drive/root get",
      ...children("/users/{user-id}/drive/root"),
      "GET /users/{user-id}/drive/root:/{item-path}: get",
      "PATCH /users/{user-id}/drive/root:/{item-path}: update",
      "DELETE /users/{user-id}/drive/root:/{item-path}: delete",
      "GET /users/{user-id}/drive/items/{driveItem-id} get",
      "PATCH /users/{user-id}/drive/items/{driveItem-id} update",
      "DELETE /users/{user-id}/drive/items/{driveItem-id} delete",
      ...children("/users/{user-id}/drive/items/{driveItem-id}"),
      "GET /users/{user-id}/drive/items/{driveItem-id}:/{item-path}: get",
      "PATCH /users/{user-id}/drive/items/{driveItem-id}:/{item-path}: update",
      "DELETE /users/{user-id}/drive/items/{driveItem-id}:/{item-path}: delete",
    ]);
    // The same item requests as under the drive's own entity set.
    const direct = requests(small, "/drives/*/items/*").map((r) => r.replace("/drives/{drive-id}", "/users/{user-id}/drive"));
    expect(viaUser.filter((r) => r.includes("/items/{driveItem-id} "))).toEqual(direct);
  });
});

describe("on the real v1.0 metadata with its overlay", () => {
  let real: Model;
  beforeAll(() => {
    real = loadModel(`${REPO}/metadata/v1.0-cleanMetadata.xml`, [`${REPO}/metadata/overlay.xml`], REPO).model;
  }, 60_000);

  it.each(["/me/drive", "/users/{user-id}/drive", "/groups/{group-id}/drive", "/sites/{site-id}/drive", "/drives/{drive-id}"])(
    "%s/items/{id}: get, update and delete, as Graph's driveItem update and delete pages list them",
    (drive) => {
      const item = `${drive}/items/{driveItem-id}`;
      const own = requests(real, item.replace(/\{[^}]+\}/g, "*")).filter((r) => r.split(" ")[1] === item);
      expect(own).toEqual([`GET ${item} get`, `PATCH ${item} update`, `DELETE ${item} delete`]);
    },
  );

  it("no drive's items are listed, counted or created as a whole; a folder's children are", () => {
    const items = requests(real, "/me/drive/items", "/drives/*/items", "/drives/*/items/*/children");
    expect(items).toEqual([
      "GET /drives/{drive-id}/items/{driveItem-id}/children list",
      "POST /drives/{drive-id}/items/{driveItem-id}/children create",
      "GET /drives/{drive-id}/items/{driveItem-id}/children/$count count",
    ]);
  });

  it("Graph v1.0's own annotations: no GET /places, no new calendarView event nor one read by key, no PATCH of an attachment, DELETE /me/photo", () => {
    const all = requests(real, "/places", "/users/*/calendarView", "/users/*/calendarView/*", "/me/messages/*/attachments/*", "/me/photo");
    expect(all).not.toContain("GET /places list");
    expect(all).toContain("POST /places create");
    expect(all.filter((r) => r.includes("calendarView") && !r.includes("/calendarView/delta"))).toEqual([
      "GET /users/{user-id}/calendarView list",
      "GET /users/{user-id}/calendarView/$count count",
    ]);
    expect(all.filter((r) => r.startsWith("PATCH /me/messages") || r.startsWith("DELETE /me/messages"))).toEqual([
      "DELETE /me/messages/{message-id}/attachments/{attachment-id} delete",
    ]);
    expect(all).toContain("DELETE /me/photo delete");
  });

  it("ReadByKeyRestrictions on an entity type: a work plan occurrence is not read by key, yet updated and deleted", () => {
    const occurrence = "/me/settings/workHoursAndLocations/occurrences/{workPlanOccurrence-id}";
    const own = requests(real, occurrence.replace(/\{[^}]+\}/g, "*")).filter((r) => r.split(" ")[1] === occurrence);
    expect(own).toEqual([`PATCH ${occurrence} update`, `DELETE ${occurrence} delete`]);
    // Where nothing refuses it, an event is read by key: /me/events/{id}, unlike /me/calendarView/{id}.
    expect(requests(real, "/me/events/*")).toContain("GET /me/events/{event-id} get");
  });
});
