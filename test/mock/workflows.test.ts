// The client's workflows (delta sync, JSON batching, large file upload) against the mock: the mock's
// side of each protocol is written from Graph's documentation, the client's from the same, so each
// checks the other. Trimmed directory metadata, no socket.
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
  mock = generated.createMockGraph({ pageSize: 2, newId: () => `id-${++next}` });
  graph = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, retry: { baseDelayMs: 1 } });
  mock.seed("/users", ["Ada", "Grace", "Linus"].map((displayName, i) => ({ id: `u${i + 1}`, displayName })));
});

describe("delta sync", () => {
  it("reads every page, then only what changed through the mock, from the saved deltaLink", async () => {
    const first = graph.users.deltaSync({ select: ["displayName"] });
    const seen: string[] = [];
    for await (const user of first) seen.push(user.displayName);
    expect(seen).toEqual(["Ada", "Grace", "Linus"]);
    await graph.users.byId("u1").update({ displayName: "Ada L." });
    await graph.users.byId("u3").delete();
    const next = graph.users.deltaSync({ deltaLink: first.deltaLink });
    const changes: unknown[] = [];
    for await (const change of next) changes.push(change);
    expect(changes).toEqual([{ id: "u1", displayName: "Ada L." }, { id: "u3", "@removed": { reason: "deleted" } }]);
    expect(next.deltaLink).not.toBe(first.deltaLink);
  });
});

describe("batch", () => {
  it("sends the calls as one $batch, with dependsOn, and resends an item the mock throttled", async () => {
    const { batch } = await generated.module("client/batch");
    mock.fault("GET /users/u2", { status: 429, retryAfter: 0, times: 1 });
    const [created, renamed, throttled, missing] = await batch(graph, (g: any, step: any) => {
      const create = g.groups.create({ displayName: "Engineering", mailEnabled: false, mailNickname: "engineering", securityEnabled: true });
      return [create, step.after(create, () => g.users.byId("u1").update({ displayName: "Ada" })), g.users.byId("u2").get(), g.users.byId("nope").get()];
    });
    expect(created).toMatchObject({ ok: true, value: { id: "id-1", displayName: "Engineering" } });
    expect(renamed).toMatchObject({ ok: true });
    expect(throttled).toMatchObject({ ok: true, value: { id: "u2", displayName: "Grace" } });
    expect(missing).toMatchObject({ ok: false, error: { status: 404, code: "Request_ResourceNotFound" } });
    const batches = mock.requests.filter((r: any) => r.template === undefined && r.path === "/$batch");
    expect(batches.length).toBe(2);
    expect(mock.requests.filter((r: any) => r.batched).map((r: any) => `${r.method} ${r.template} ${r.status}`)).toEqual([
      "POST /groups 201",
      "PATCH /users/{user-id} 204",
      "GET /users/{user-id} 429",
      "GET /users/{user-id} 404",
      "GET /users/{user-id} 200",
    ]);
  });
});

describe("large file upload", () => {
  it("uploads in chunks to the session's URL without the token and gets the new drive item", async () => {
    const { uploadLargeFile } = await generated.module("client/upload");
    mock.seed("/drives", [{ id: "d1" }]);
    const session = await graph.drives.byId("d1").items.byId("root:/video.mp4:").createUploadSession({ item: { name: "video.mp4" } });
    const content = new Uint8Array(700 * 1024).map((_, i) => i % 251);
    const progress: number[] = [];
    const item = await uploadLargeFile(graph, session, content, { chunkSize: 320 * 1024, onProgress: (p: any) => progress.push(p.uploaded) });
    expect(item).toMatchObject({ id: "id-2", name: "video.mp4", size: content.length });
    expect(progress).toEqual([327680, 655360, 716800]);
    const puts = mock.requests.filter((r: any) => r.method === "PUT");
    expect(puts.map((r: any) => [r.headers["content-range"], r.headers.authorization])).toEqual([
      ["bytes 0-327679/716800", undefined],
      ["bytes 327680-655359/716800", undefined],
      ["bytes 655360-716799/716800", undefined],
    ]);
    expect(Buffer.from(mock.uploads[0].bytes).equals(content)).toBe(true);
    // The key `root:/video.mp4:` names the item by path below the drive's root item, which Graph always has.
    expect(mock.read("/drives/d1/items").map((i: any) => i.name)).toEqual(["root", "video.mp4"]);
    expect(mock.read("/drives/d1/items/root/children").map((i: any) => i.name)).toEqual(["video.mp4"]);
  });
});
