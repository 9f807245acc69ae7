// The client beyond containment: non-contained navigation (members, memberOf, manager), `$ref`, `$count` with
// and without ConsistencyLevel, type casts and a photo's bytes against the generated fake Graph on a socket;
// drive items by path and downloads that Graph redirects to another URL (sent without the token) against the
// hand-written server, which redirects as Graph does. The client is generated for these paths and imported as
// the user would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type GraphServer, startGraphServer } from "../support/graph-server.js";
import { startMockGraph, type ListeningMock } from "./support/mock-server.js";

const INCLUDE_PATHS = [
  "/users",
  "/groups/*/members/**",
  "/users/*/manager/**",
  "/users/*/memberOf/**",
  "/users/*/photo",
  "/drives/*/items/*",
  "/drives/*/root/*",
  "/users/*/mailboxSettings",
  "/sites/*/getByPath",
  "/reports/getOffice365ActivationCounts",
  "/deviceManagement/reports/getCachedReport",
  "/me/drive/root/*",
  "/me/drive/items/**",
];
/** Bytes that are not valid UTF-8 (a lone continuation byte, 0xFF, 0xFE, NUL): any text decoding would change them. */
const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x0d, 0x0a, 0x1a]);

let mockServer: ListeningMock;
let generated: ListeningMock["generated"];
let mock: any;
let client: any;

beforeAll(async () => {
  mockServer = await startMockGraph({}, INCLUDE_PATHS);
  ({ generated, mock } = mockServer);
}, 120_000);
afterAll(() => mockServer?.close());
beforeEach(() => {
  mock.reset();
  client = mockServer.client({ retry: false });
  mock.seed("/users", [
    { id: "u1", displayName: "Adele" },
    { id: "u2", displayName: "Alex" },
    { id: "boss", displayName: "Megan" },
  ]);
  mock.seed("/groups", [
    { id: "g1", displayName: "Sales" },
    { id: "g2", displayName: "Marketing" },
  ]);
  // servicePrincipals are not among the paths: sp1 lives only as g1's member.
  mock.seed("/groups/g1/members", [{ id: "u1" }, { "@odata.type": "#microsoft.graph.servicePrincipal", id: "sp1", displayName: "Robot" }]);
  mock.seed("/groups/g2/members", [{ id: "u1" }, { "@odata.type": "#microsoft.graph.group", id: "g1" }]);
});
const last = () => mock.requests.at(-1)!;
const memberIds = (group: string) => mock.read(`/groups/${group}/members`).map((m: { id: string }) => m.id);

describe("non-contained navigation and references", () => {
  it("lists a group's members", async () => {
    const page = await client.groups.byId("g1").members.list();
    expect(page.value.map((m: { id: string }) => m.id)).toEqual(["u1", "sp1"]);
    expect(last().path).toBe("/groups/g1/members");
  });

  it("adds a member by $ref from an id or a typed object, and removes one", async () => {
    const members = client.groups.byId("g1").members;
    await members.addRef("u2");
    expect(last()).toMatchObject({ method: "POST", path: "/groups/g1/members/$ref", status: 204, body: { "@odata.id": `${mockServer.baseUrl}/directoryObjects/u2` } });
    expect(last().headers["content-type"]).toBe("application/json");
    await members.addRef({ id: "boss", displayName: "Megan" });
    expect(memberIds("g1")).toEqual(["u1", "sp1", "u2", "boss"]);
    await members.removeRef("sp1");
    expect(last()).toMatchObject({ method: "DELETE", path: "/groups/g1/members/sp1/$ref", status: 204 });
    expect(memberIds("g1")).toEqual(["u1", "u2", "boss"]);
  });

  it("refuses a reference without an id before sending anything", async () => {
    await expect(client.groups.byId("g1").members.addRef({ displayName: "no id" })).rejects.toMatchObject({
      code: "invalidId",
      message: "a reference needs an id: pass the id, or an object that has one",
    });
    expect(mock.requests).toHaveLength(0);
  });

  it("sets, reads and clears a manager", async () => {
    const manager = client.users.byId("u1").manager;
    await manager.setRef("boss");
    expect(last()).toMatchObject({ method: "PUT", path: "/users/u1/manager/$ref", status: 204, body: { "@odata.id": `${mockServer.baseUrl}/directoryObjects/boss` } });
    expect(await manager.get()).toMatchObject({ id: "boss", displayName: "Megan" });
    await manager.removeRef();
    expect(last()).toMatchObject({ method: "DELETE", path: "/users/u1/manager/$ref", status: 204 });
    await expect(manager.get()).rejects.toMatchObject({ status: 404, code: "Request_ResourceNotFound" });
  });
});

describe("$count and type casts", () => {
  it("counts with ConsistencyLevel: eventual one option away, and Graph's error without it", async () => {
    const refused = await client.users.count().catch((error: Error) => error);
    expect(refused).toMatchObject({ status: 400, code: "Request_BadRequest" });
    expect(refused.message).toContain("$count is not currently supported.");
    expect(last().headers.consistencylevel).toBeUndefined();
    expect(await client.users.count({ consistencyLevel: "eventual" })).toBe(3);
    expect(last()).toMatchObject({ method: "GET", path: "/users/$count", status: 200 });
    expect(last().headers).toMatchObject({ consistencylevel: "eventual", accept: "text/plain" });
    expect(await client.groups.byId("g1").members.count({ consistencyLevel: "eventual" })).toBe(2);
  });

  it("lists and counts only the groups a user is a member of through the cast", async () => {
    // The fake Graph keeps memberOf as its own references (not derived from members): seeded here, with a
    // directory role the cast must leave out.
    mock.seed("/users/u1/memberOf", [{ id: "g1" }, { id: "g2" }, { "@odata.type": "#microsoft.graph.directoryRole", id: "r1", displayName: "Role" }]);
    const memberOf = client.users.byId("u1").memberOf;
    expect((await memberOf.list()).value.map((g: { id: string }) => g.id)).toEqual(["g1", "g2", "r1"]);
    const groups = await memberOf.asGroup.list();
    expect(last().path).toBe("/users/u1/memberOf/microsoft.graph.group");
    expect(groups.value.map((g: { displayName: string }) => g.displayName)).toEqual(["Sales", "Marketing"]);
    expect(await client.groups.byId("g2").members.asUser.count({ consistencyLevel: "eventual" })).toBe(1);
    expect(last().path).toBe("/groups/g2/members/microsoft.graph.user/$count");
  });
});

describe("streams", () => {
  it("uploads and downloads a photo byte for byte through $value", async () => {
    mock.seed("/users/u1/photo", { id: "default" });
    const photo = client.users.byId("u1").photo.content;
    await photo.upload(BINARY, { contentType: "image/png" });
    expect(last()).toMatchObject({ method: "PUT", path: "/users/u1/photo/$value", status: 204 });
    expect(last().headers["content-type"]).toBe("image/png");
    const downloaded = await photo.download();
    expect(last()).toMatchObject({ method: "GET", path: "/users/u1/photo/$value", status: 200 });
    expect(downloaded).toBeInstanceOf(Uint8Array);
    // Bytes that no text decoding keeps: the mock stored what was sent, byte for byte.
    expect([...downloaded]).toEqual([...BINARY]);
  });

  it("sends a stream body once: a throttled stream upload fails at once, throttled bytes are sent again", async () => {
    mock.seed("/users/u1/photo", { id: "default" });
    const photo = mockServer.client({ retry: { baseDelayMs: 1 } }).users.byId("u1").photo.content;
    const stream = () => new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(BINARY), controller.close()) });
    mock.fault("/users/u1/photo/$value", { status: 503, retryAfter: 0, times: 1 });
    await expect(photo.upload(stream(), { contentType: "image/png" })).rejects.toMatchObject({ status: 503 });
    expect(mock.requests.map((r: any) => `${r.method} ${r.status}`)).toEqual(["PUT 503"]);
    mock.fault("/users/u1/photo/$value", { status: 503, retryAfter: 0, times: 1 });
    await photo.upload(BINARY, { contentType: "image/png" });
    expect(mock.requests.map((r: any) => `${r.method} ${r.status}`)).toEqual(["PUT 503", "PUT 503", "PUT 204"]);
  });
});

/** Graph redirects these downloads to a pre-authenticated URL: the hand-written server redirects as it does. */
describe("drive items by path and redirected downloads", () => {
  let server: GraphServer;
  const last = () => server.requests.at(-1)!;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.reset();
    client = generated.client.createGraphClient({ baseUrl: server.baseUrl, getAccessToken: () => "token", retry: false });
  });

  it("uploads a drive item by path, names encoded one by one, and downloads it by id without sending the token on", async () => {
    const byPath = client.drives.byId("d1").root.byPath("Reports 2026/#1 100%.bin");
    const item = await byPath.content.upload(new Blob([BINARY]), { contentType: "application/octet-stream" });
    expect(last()).toMatchObject({ method: "PUT", path: "/v1.0/drives/d1/root:/Reports%202026/%231%20100%25.bin:/content" });
    expect(item).toMatchObject({ name: "#1 100%.bin", size: BINARY.length });
    expect(await byPath.get()).toMatchObject({ id: item.id });

    const content = client.drives.byId("d1").items.byId(item.id).content;
    expect([...(await content.download())]).toEqual([...BINARY]);
    const [redirect, download] = server.requests.slice(-2);
    expect(redirect).toMatchObject({ path: `/v1.0/drives/d1/items/${item.id}/content`, token: "token" });
    expect(download!.path).toMatch(/^\/download\//);
    expect(download!.headers.authorization).toBeUndefined();

    const chunks: number[] = [];
    for await (const chunk of await content.stream()) chunks.push(...chunk);
    expect(chunks).toEqual([...BINARY]);
  });

  it("downloads a report function's CSV as bytes, BOM included, following Graph's redirect without the token", async () => {
    const csv = await client.reports.getOffice365ActivationCounts();
    expect(csv).toBeInstanceOf(Uint8Array);
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv)).toContain("MICROSOFT 365 APPS,7");
    expect(server.requests.map((r) => [r.path.replace(/[0-9a-f-]{36}$/, "{token}"), r.token])).toEqual([
      ["/v1.0/reports/getOffice365ActivationCounts", "token"],
      ["/download/{token}", undefined],
    ]);
  });

  it("posts a report action's parameters as JSON and returns the Edm.Stream answer as bytes, not parsed JSON", async () => {
    const report = await client.deviceManagement.reports.getCachedReport({ id: "Devices_00000000", top: 2 });
    expect(report).toBeInstanceOf(Uint8Array);
    expect([...report.slice(-1)]).toEqual([0xff]);
    expect(new TextDecoder().decode(report.slice(0, -1))).toBe('{"id":"Devices_00000000"}');
    expect(last()).toMatchObject({ method: "POST", path: "/v1.0/deviceManagement/reports/getCachedReport", token: "token" });
    expect(last().headers).toMatchObject({ accept: "*/*", "content-type": "application/json" });
    expect(JSON.parse(last().rawBody)).toEqual({ id: "Devices_00000000", top: 2 });
  });

  it("uploads to the signed-in user's drive by path: PUT /me/drive/root:/folder/file.txt:/content", async () => {
    const item = await client.me.drive.root.byPath("folder/file.txt").content.upload("hello", { contentType: "text/plain" });
    expect(last()).toMatchObject({ method: "PUT", path: "/v1.0/me/drive/root:/folder/file.txt:/content", rawBody: "hello" });
    expect(item).toMatchObject({ name: "file.txt", size: 5 });
  });

  it("renames and deletes an item of the signed-in user's drive by id; a drive's items are not listed as a whole", async () => {
    const uploaded = await client.me.drive.root.byPath("notes.txt").content.upload("hi", { contentType: "text/plain" });
    const item = client.me.drive.items.byId(uploaded.id);
    await item.update({ name: "renamed.txt" });
    expect(last()).toMatchObject({ method: "PATCH", path: `/v1.0/me/drive/items/${uploaded.id}`, body: { name: "renamed.txt" } });
    expect(await item.get()).toMatchObject({ id: uploaded.id, name: "renamed.txt" });
    await item.delete();
    expect(last()).toMatchObject({ method: "DELETE", path: `/v1.0/me/drive/items/${uploaded.id}` });
    await expect(item.get()).rejects.toMatchObject({ status: 404, code: "itemNotFound" });
    // Graph answers GET /drives/{id}/items with 400: the builder has byId, and neither list nor create.
    expect(Object.keys(client.me.drive.items)).toEqual(["byId"]);
    expect(Object.keys(client.drives.byId("d1").items)).toEqual(["byId"]);
  });

  it("refuses a drive item path that would leave its folder", () => {
    const root = client.drives.byId("d1").root;
    expect(() => root.byPath("a/../b.txt")).toThrow('refused id ".."');
    expect(() => root.byPath("a//b.txt")).toThrow('refused id ""');
  });
});

describe("the modules of each new kind", () => {
  // These paths' subtrees are small: each root's request builders share its module (client/grouping.ts).
  const kinds = [
    ["collection with $count, $ref and casts", "groupsByIdMembersRequests", "paths/groups.ts"],
    ["type cast", "groupsByIdMembersAsUserRequests", "paths/groups.ts"],
    ["single-valued reference", "usersByIdManagerRequests", "paths/users.ts"],
    ["media entity stream", "usersByIdPhotoRequests", "paths/users.ts"],
    ["drive item by path", "drivesByIdRootByPathRequests", "paths/drives.ts"],
    ["drive item by id in a drive reached by reference", "meDriveItemsByIdRequests", "paths/me.ts"],
    ["drive items, neither listed nor created", "meDriveItemsRequests", "paths/me.ts"],
    ["complex property", "usersByIdMailboxSettingsRequests", "paths/users.ts"],
    ["composable function", "sitesByIdGetByPathRequests", "paths/sites.ts"],
  ] as const;
  it.each(kinds)("%s: %s in %s", (_kind, factory, file) => {
    expect(readFileSync(join(generated.dir, "src/client", file), "utf8")).toContain(`export const ${factory} =`);
  });
  it.each([...new Set(kinds.map(([, , file]) => file))])("%s matches its snapshot", async (file) => {
    const text = readFileSync(join(generated.dir, "src/client", file), "utf8");
    await expect(text).toMatchFileSnapshot(`__snapshots__/reach/${file}.snap`);
  });
});

describe("the permissions table", () => {
  it("has every new kind of request, keyed METHOD /path/template, with Graph's least-privileged permissions", () => {
    const names = (key: string) => generated.client.permissions[key]?.delegated.map((p) => p.name);
    expect(names("POST /groups/{group-id}/members/$ref")).toEqual(["GroupMember.ReadWrite.All"]);
    expect(names("DELETE /groups/{group-id}/members/{directoryObject-id}/$ref")).toEqual(["GroupMember.ReadWrite.All"]);
    expect(names("PUT /users/{user-id}/manager/$ref")).toEqual(["User.ReadWrite.All"]);
    expect(names("GET /users/$count")).toContain("User.ReadBasic.All");
    expect(names("GET /users/{user-id}/memberOf/microsoft.graph.group")).toEqual(["User.Read"]);
    expect(names("GET /users/{user-id}/photo/$value")).toEqual(["User.Read"]);
    expect(names("PUT /drives/{drive-id}/root:/{item-path}:/content")).toEqual(["Files.ReadWrite"]);
    expect(names("GET /drives/{drive-id}/items/{driveItem-id}/content")).toContain("Files.Read");
  });
});
