// Where the mock keeps Graph's bookkeeping a user's test would notice, through the generated client:
// a reference added on one side shows on Graph's reverse navigation (members -> memberOf, manager ->
// directReports), and a drive item uploaded by path is found where Graph lists it. Trimmed metadata, no socket.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateDirectoryMock, type GeneratedMock } from "./support/generated-mock.js";

let generated: GeneratedMock;
let mock: any;
let graph: any;

beforeAll(async () => {
  generated = await generateDirectoryMock();
});
afterAll(() => generated?.dispose());
beforeEach(() => {
  let next = 0;
  mock = generated.createMockGraph({ newId: () => `id-${++next}` });
  graph = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, retry: { baseDelayMs: 1 } });
  mock.seed("/users", ["Ada", "Grace", "Linus"].map((displayName, i) => ({ id: `u${i + 1}`, displayName })));
  mock.seed("/groups", ["Engineering", "Everyone"].map((displayName, i) => ({ id: `g${i + 1}`, displayName })));
});

async function ids(collection: any): Promise<string[]> {
  const seen: string[] = [];
  for await (const entity of collection.listAll()) seen.push(entity.id);
  return seen;
}

describe("reverse of a reference navigation", () => {
  it("shows a group a user was added to in memberOf and transitiveMemberOf, and drops it on removal", async () => {
    await graph.groups.byId("g1").members.addRef("u1");
    await graph.groups.byId("g2").members.addRef("g1");
    const ada = graph.users.byId("u1");
    expect(await ids(ada.memberOf)).toEqual(["g1"]);
    expect(await ids(ada.transitiveMemberOf)).toEqual(["g1", "g2"]);
    expect(await ids(graph.groups.byId("g1").memberOf)).toEqual(["g2"]);
    expect(await ids(graph.groups.byId("g2").transitiveMembers)).toEqual(["g1", "u1"]);
    expect(await ada.memberOf.byId("g1").get()).toMatchObject({ "@odata.type": "#microsoft.graph.group", displayName: "Engineering" });
    // Graph lists memberOf read-only: membership is written through the group's members.
    await expect(ada.memberOf.addRef("g2")).rejects.toMatchObject({ status: 405 });
    await expect(ada.memberOf.removeRef("g1")).rejects.toMatchObject({ status: 405 });
    await graph.groups.byId("g1").members.removeRef("u1");
    expect(await ids(ada.memberOf)).toEqual([]);
    expect(await ids(ada.transitiveMemberOf)).toEqual([]);
    await expect(ada.memberOf.byId("g1").get()).rejects.toMatchObject({ status: 404 });
  });

  it("shows owned groups in ownedObjects, and a user whose manager was set in the manager's directReports", async () => {
    await graph.groups.byId("g2").owners.addRef("u2");
    expect(await ids(graph.users.byId("u2").ownedObjects)).toEqual(["g2"]);
    await graph.users.byId("u2").manager.setRef("u1");
    await graph.users.byId("u3").manager.setRef("u1");
    expect(await ids(graph.users.byId("u1").directReports)).toEqual(["u2", "u3"]);
    await graph.users.byId("u2").manager.setRef("u3");
    expect(await ids(graph.users.byId("u1").directReports)).toEqual(["u3"]);
    expect(await ids(graph.users.byId("u3").directReports)).toEqual(["u2"]);
    await graph.users.byId("u3").manager.removeRef();
    expect(await ids(graph.users.byId("u1").directReports)).toEqual([]);
    await graph.groups.byId("g2").delete();
    expect(await ids(graph.users.byId("u2").ownedObjects)).toEqual([]);
  });
});

describe("drive items created by path", () => {
  beforeEach(() => mock.seed("/drives", [{ id: "d1" }]));

  it("lists an item uploaded to root:/a/b.txt:/content in its new parent folder and finds it by id and by path", async () => {
    const drive = graph.drives.byId("d1");
    const item = await drive.root.byPath("a/b.txt").content.upload("hi", { contentType: "text/plain" });
    expect(item).toMatchObject({ name: "b.txt", size: 2 });
    expect(await drive.items.byId(item.id).get()).toMatchObject({ id: item.id, name: "b.txt", size: 2 });
    expect(await drive.root.byPath("a/b.txt").get()).toMatchObject({ id: item.id });
    const folder = await drive.root.byPath("a").get();
    expect(folder).toMatchObject({ name: "a", folder: { childCount: 1 }, parentReference: { driveId: "d1", id: "root" } });
    expect(await ids(drive.items.byId("root").children)).toEqual([folder.id]);
    expect(await ids(drive.root.children)).toEqual([folder.id]);
    expect(await ids(drive.items.byId(folder.id).children)).toEqual([item.id]);
    const again = await drive.items.byId(folder.id).byPath("b.txt").content.upload("hello", { contentType: "text/plain" });
    expect(again).toMatchObject({ id: item.id, size: 5 });
    expect(await ids(drive.items.byId(folder.id).children)).toEqual([item.id]);
    // Another drive has a root of its own: same path, another item.
    mock.seed("/drives", [{ id: "d2" }]);
    const other = await graph.drives.byId("d2").root.byPath("A/b.txt").content.upload("x", { contentType: "text/plain" });
    expect(other.id).not.toBe(item.id);
    expect(await graph.drives.byId("d2").root.byPath("a/B.TXT").get()).toMatchObject({ id: other.id, parentReference: { driveId: "d2" } });
    expect(await ids(drive.items.byId("root").children)).toEqual([folder.id]);
  });

  it("reads a seeded tree from parentReference, as Graph links items to their folder", async () => {
    mock.seed("/drives/d1/items", [
      { id: "f1", name: "Docs", folder: { childCount: 1 }, parentReference: { driveId: "d1", id: "root" } },
      { id: "f2", name: "plan.txt", file: {}, parentReference: { driveId: "d1", id: "f1" } },
    ]);
    expect(() => mock.seed("/drives/d1/root:/Docs/x.txt:", { name: "x.txt" })).toThrow(
      `mock.seed("/drives/d1/root:/Docs/x.txt:"): seed drive items in the drive's items, parentReference naming their folder`,
    );
    const drive = graph.drives.byId("d1");
    expect(await drive.root.byPath("docs/Plan.txt").get()).toMatchObject({ id: "f2" });
    expect(await ids(drive.items.byId("root").children)).toEqual(["f1"]);
    const added = await drive.root.byPath("Docs/notes.txt").content.upload("n", { contentType: "text/plain" });
    expect(await ids(drive.items.byId("f1").children)).toEqual(["f2", added.id]);
    expect(await drive.items.byId("f1").get()).toMatchObject({ folder: { childCount: 2 } });
    // Deleting a folder deletes what it holds, as Graph does; the parent's childCount follows.
    await drive.items.byId("f1").delete();
    await expect(drive.items.byId("f2").get()).rejects.toMatchObject({ status: 404 });
    await expect(drive.root.byPath("Docs/notes.txt").get()).rejects.toMatchObject({ status: 404 });
    expect(await ids(drive.items.byId("root").children)).toEqual([]);
  });

  it("creates folders with POST .../children (raw HTTP: the client has no create on a reference), on conflict as Graph", async () => {
    // Graph's "Create folder" is POST on children, which the metadata declares a reference: the client has no
    // create there, code with its own HTTP client (or graph-client on mock.listen()) sends it.
    const post = async (body: Record<string, unknown>, query = "") => {
      const url = `https://graph.microsoft.com/v1.0/drives/d1/items/root/children${query}`;
      const headers = { authorization: "Bearer token", "content-type": "application/json" };
      const response: Response = await mock.fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
      return { status: response.status, json: await response.json() };
    };
    const folder = await post({ name: "Reports", folder: {} });
    expect(folder).toMatchObject({ status: 201, json: { name: "Reports", folder: { childCount: 0 }, parentReference: { driveId: "d1", id: "root" } } });
    expect(await post({ name: "reports", folder: {} })).toMatchObject({ status: 409, json: { error: { code: "nameAlreadyExists" } } });
    const renamed = await post({ name: "Reports", folder: {}, "@microsoft.graph.conflictBehavior": "rename" });
    expect(renamed.json.name).toBe("Reports 1");
    const replaced = await post({ name: "Reports", folder: {} }, "?@microsoft.graph.conflictBehavior=replace");
    expect(replaced.json.id).toBe(folder.json.id);
    const drive = graph.drives.byId("d1");
    expect(await drive.root.byPath("Reports 1").get()).toMatchObject({ id: renamed.json.id });
    expect(await ids(drive.items.byId("root").children)).toEqual([folder.json.id, renamed.json.id]);
    expect(await drive.items.byId("root").get()).toMatchObject({ folder: { childCount: 2 } });
    const headers = { authorization: "Bearer token" };
    const removed: Response = await mock.fetch("https://graph.microsoft.com/v1.0/drives/d1/root:/Reports%201:", { method: "DELETE", headers });
    expect(removed.status).toBe(204);
    expect(await ids(drive.items.byId("root").children)).toEqual([folder.json.id]);
  });

  it("puts an upload session's new item, named by path, under its folder", async () => {
    const { uploadLargeFile } = await generated.module("client/upload");
    const drive = graph.drives.byId("d1");
    const session = await drive.items.byId("root:/a/c/big.bin:").createUploadSession({ item: { name: "big.bin" } });
    const created = await uploadLargeFile(graph, session, new Uint8Array(1000), { chunkSize: 320 * 1024 });
    expect(await drive.root.byPath("a/c/big.bin").get()).toMatchObject({ id: created.id, size: 1000 });
    const folder = await drive.root.byPath("a/c").get();
    expect(await ids(drive.items.byId(folder.id).children)).toEqual([created.id]);
  });

  it("makes a user's drive when first reached, and lists its root folder and a folder's children through the client", async () => {
    const drive = graph.users.byId("u1").drive;
    const file = await drive.root.byPath("Docs/plan.txt").content.upload("plan", { contentType: "text/plain" });
    const docs = await drive.root.byPath("Docs").get();
    expect(docs).toMatchObject({ name: "Docs", folder: { childCount: 1 } });
    expect(await ids(drive.root.children)).toEqual([docs.id]);
    expect(mock.requests.at(-1)).toMatchObject({ method: "GET", path: "/users/u1/drive/root/children" });
    expect(await ids(drive.items.byId(docs.id).children)).toEqual([file.id]);
    // The drive the mock made is one of /drives, with the same items, and stays the user's.
    const made = await drive.get();
    expect(mock.read("/drives").map((d: { id: string }) => d.id)).toEqual(["d1", made.id]);
    expect(await ids(graph.drives.byId(made.id).items.byId("root").children)).toEqual([docs.id]);
    expect(await graph.users.byId("u1").drive.get()).toMatchObject({ id: made.id });
    expect(docs.parentReference).toMatchObject({ driveId: made.id, id: "root" });
    // Seeded through the user's path, an item lands in the same drive: found by id there and in /drives.
    mock.seed("/users/u1/drive/items", [{ id: "f9", name: "seeded.txt", file: {}, parentReference: { id: "root" } }]);
    expect(await drive.items.byId("f9").get()).toMatchObject({ name: "seeded.txt" });
    expect(await graph.drives.byId(made.id).items.byId("f9").get()).toMatchObject({ name: "seeded.txt" });
    expect(await ids(drive.root.children)).toEqual([docs.id, "f9"]);
    // A new large file in that drive, by path: `root:/{path}:/createUploadSession` as Graph documents it.
    await drive.root.byPath("Videos/clip.mp4").createUploadSession({ item: { name: "clip.mp4" } });
    expect(mock.requests.at(-1)).toMatchObject({ method: "POST", path: "/users/u1/drive/root:/Videos/clip.mp4:/createUploadSession", status: 200 });
  });

  it("opens an upload session on a new file's path (`root:/a/d/new.bin:/createUploadSession`, as Graph documents it)", async () => {
    const { uploadLargeFile } = await generated.module("client/upload");
    const drive = graph.drives.byId("d1");
    const session = await drive.root.byPath("a/d/new.bin").createUploadSession({ item: { name: "new.bin" } });
    expect(mock.requests.at(-1)).toMatchObject({ method: "POST", path: "/drives/d1/root:/a/d/new.bin:/createUploadSession" });
    const created = await uploadLargeFile(graph, session, new Uint8Array(700_000), { chunkSize: 320 * 1024 });
    expect(await drive.root.byPath("a/d/new.bin").get()).toMatchObject({ id: created.id, size: 700_000 });
  });
});
