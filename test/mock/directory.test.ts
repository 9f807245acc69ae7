// The mock on a trimmed directory metadata: non-contained navigation with $ref, casts, $count, bound
// functions and actions with default answers, media content, delta rounds, $batch and upload sessions.
// Requests go through `mock.fetch` as raw HTTP, the way code without the generated client talks to it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeJwt, generateDirectoryMock, type GeneratedMock } from "./support/generated-mock.js";

const GRAPH = "https://graph.microsoft.com/v1.0";
let generated: GeneratedMock;
let mock: any;

beforeAll(async () => {
  generated = await generateDirectoryMock();
});
afterAll(() => generated?.dispose());
beforeEach(() => {
  let next = 0;
  mock = generated.createMockGraph({ pageSize: 2, newId: () => `id-${++next}`, now: () => new Date("2026-01-02T03:04:05Z") });
  mock.seed("/users", [
    { id: "u1", displayName: "Ada", department: "R&D", userType: "member", createdDateTime: "2020-01-01T00:00:00Z" },
    { id: "u2", displayName: "Grace", department: "Ops", userType: "guest" },
  ]);
  mock.seed("/groups", [{ id: "g1", displayName: "Engineering" }]);
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { authorization: "Bearer token", ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const response: Response = await mock.fetch(path.startsWith("http") ? path : `${GRAPH}${path}`, init);
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, headers: response.headers, json: type.startsWith("application/json") ? JSON.parse(text) : undefined, text };
}

describe("non-contained navigation", () => {
  it("adds members with $ref, lists them with their @odata.type, casts, counts and removes them", async () => {
    expect(await call("POST", "/groups/g1/members/$ref", { "@odata.id": `${GRAPH}/directoryObjects/u1` })).toMatchObject({ status: 204 });
    await call("POST", "/groups/g1/members/$ref", { "@odata.id": `${GRAPH}/users/u2` });
    const again = await call("POST", "/groups/g1/members/$ref", { "@odata.id": `${GRAPH}/users/u2` });
    expect(again.json.error.message).toBe("One or more added object references already exist for the following modified properties: 'members'.");
    const missing = await call("POST", "/groups/g1/members/$ref", { "@odata.id": `${GRAPH}/users/nobody` });
    expect(missing.status).toBe(404);
    const members = await call("GET", "/groups/g1/members?$select=displayName");
    expect(members.json).toEqual({
      // group-list-members: a group's members are answered as #directoryObjects.
      "@odata.context": `${GRAPH}/$metadata#directoryObjects(displayName)`,
      value: [
        { "@odata.type": "#microsoft.graph.user", displayName: "Ada" },
        { "@odata.type": "#microsoft.graph.user", displayName: "Grace" },
      ],
    });
    const cast = await call("GET", "/groups/g1/members/microsoft.graph.user?$filter=userType eq 'guest'");
    expect(cast.json.value).toEqual([{ id: "u2", displayName: "Grace", department: "Ops", userType: "guest" }]);
    expect((await call("GET", "/groups/g1/members/microsoft.graph.group")).json.value).toEqual([]);
    expect(await call("GET", "/groups/g1/members/$count", undefined, { ConsistencyLevel: "eventual" })).toMatchObject({ status: 200, text: "2" });
    const withoutHeader = await call("GET", "/groups/g1/members/$count");
    expect(withoutHeader.json.error).toMatchObject({ code: "Request_BadRequest", message: "$count is not currently supported." });
    expect((await call("GET", "/groups/g1/members/$ref")).json.value).toEqual([{ "@odata.id": `${GRAPH}/users/u1` }, { "@odata.id": `${GRAPH}/users/u2` }]);
    expect(await call("DELETE", "/groups/g1/members/u1/$ref")).toMatchObject({ status: 204 });
    expect(mock.read("/groups/g1/members").map((m: any) => m.id)).toEqual(["u2"]);
    expect((await call("GET", "/groups/nope/members")).status).toBe(404);
    expect(mock.requests.map((r: any) => r.template).slice(0, 2)).toEqual(["/groups/{group-id}/members/$ref", "/groups/{group-id}/members/$ref"]);
  });

  it("sets and reads a single-valued reference (manager) and seeds references directly", async () => {
    expect((await call("PUT", "/users/u2/manager/$ref", { "@odata.id": `${GRAPH}/users/u1` })).status).toBe(204);
    expect((await call("GET", "/users/u2/manager")).json).toMatchObject({ "@odata.type": "#microsoft.graph.user", id: "u1" });
    mock.seed("/groups/g1/owners", [{ "@odata.type": "#microsoft.graph.user", id: "u9", displayName: "Only an owner" }]);
    expect((await call("GET", "/groups/g1/owners")).json.value).toEqual([{ "@odata.type": "#microsoft.graph.user", id: "u9", displayName: "Only an owner" }]);
    expect(() => mock.seed("/users", [{ displayName: 7 }])).toThrow('mock.seed("/users"): /displayName: expected Edm.String, received number 7');
  });
});

describe("$expand, one level as Graph serves it", () => {
  it("expands a single-valued and a collection navigation, with a $select inside, on one entity and on a list", async () => {
    await call("PUT", "/users/u2/manager/$ref", { "@odata.id": `${GRAPH}/users/u1` });
    await call("POST", "/groups/g1/members/$ref", { "@odata.id": `${GRAPH}/users/u2` });
    const grace = await call("GET", "/users/u2?$select=displayName&$expand=manager($select=displayName)");
    expect(grace.json).toMatchObject({ displayName: "Grace", manager: { "@odata.type": "#microsoft.graph.user", displayName: "Ada" } });
    expect(grace.json.manager).not.toHaveProperty("department");
    expect((await call("GET", "/users/u1?$expand=manager")).json.manager).toBeNull();
    const groups = await call("GET", "/groups?$expand=members($select=id)");
    expect(groups.json.value).toEqual([{ id: "g1", displayName: "Engineering", members: [{ "@odata.type": "#microsoft.graph.user", id: "u2" }] }]);
    expect((await call("GET", "/users?$expand=nope")).json.error.message).toBe("Could not find a navigation property named 'nope' to expand.");
    expect((await call("GET", "/users?$expand=manager($expand=manager)")).json.error.code).toBe("Request_UnsupportedQuery");
  });
});

describe("permission mode on the client's members requests", () => {
  it("lets a token with an accepted permission add a member, and answers 403 naming the least-privileged one", async () => {
    const enforcing = generated.createMockGraph({ permissions: "enforce" });
    enforcing.seed("/groups", [{ id: "g1" }]);
    enforcing.seed("/users", [{ id: "u1" }]);
    const as = (claims: Record<string, unknown>) =>
      generated.client.createGraphClient({ getAccessToken: () => fakeJwt(claims), fetch: enforcing.fetch }).groups.byId("g1").members;
    const denied = await as({ scp: "GroupMember.Read.All" }).addRef("u1").catch((e: any) => e);
    expect(denied).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
    expect(denied.message).toContain("POST /groups/{group-id}/members/$ref needs the delegated permission GroupMember.ReadWrite.All");
    await as({ roles: ["Group.ReadWrite.All"] }).addRef("u1");
    expect((await as({ scp: "GroupMember.Read.All" }).list()).value.map((m: any) => m.id)).toEqual(["u1"]);
  });
});

describe("entities and operations", () => {
  it("sets createdDateTime on create, ignores it on write, and keeps the seeded one", async () => {
    const created = await call("POST", "/users", { displayName: "Linus", createdDateTime: "1999-01-01T00:00:00Z" });
    expect(created.json).toMatchObject({ id: "id-1", createdDateTime: "2026-01-02T03:04:05.000Z", displayName: "Linus" });
    expect(mock.read("/users/u1")[0].createdDateTime).toBe("2020-01-01T00:00:00Z");
    const wrong = await call("POST", "/groups/g1/members", { displayName: "x" });
    expect(wrong.json.error.message).toBe("Add to '/groups/{group-id}/members' with POST /groups/{group-id}/members/$ref and an @odata.id.");
  });

  it("answers bound operations with a default of the declared return type, or the test's handler", async () => {
    expect((await call("POST", "/users/u1/checkMemberGroups", { groupIds: ["g1"] })).json).toEqual({
      "@odata.context": `${GRAPH}/$metadata#Collection(Edm.String)`,
      value: [],
    });
    expect((await call("POST", "/groups/g1/renew")).json.value).toBe(false);
    mock.handle("GET /users/{user-id}/reminderView", (c: any) => ({ value: [c.parameters.StartDateTime, c.entity.displayName] }));
    const view = await call("GET", "/users/u1/reminderView(StartDateTime='2026-01-01',EndDateTime='x''y')");
    expect(view.json).toEqual({ value: ["2026-01-01", "Ada"] });
    expect((await call("POST", "/users/nobody/checkMemberGroups", { groupIds: [] })).status).toBe(404);
    expect((await call("GET", "/users/u1/checkMemberGroups")).status).toBe(405);
  });

  it("keeps media content at $value and stream properties", async () => {
    mock.seed("/users/u1/photo", { id: "photo", height: 1 });
    expect((await call("GET", "/users/u1/photo/$value")).status).toBe(404);
    expect((await call("PUT", "/users/u1/photo/$value", new Uint8Array([1, 2, 3]), { "content-type": "image/png" })).status).toBe(204);
    const photo = await mock.fetch(`${GRAPH}/users/u1/photo/$value`, { headers: { authorization: "Bearer t" } });
    expect([...new Uint8Array(await photo.arrayBuffer())]).toEqual([1, 2, 3]);
    mock.seed("/drives", [{ id: "d1" }]);
    mock.seed("/drives/d1/items", [{ id: "i1", name: "a.txt" }]);
    const uploaded = await call("PUT", "/drives/d1/items/i1/content", "hello", { "content-type": "text/plain" });
    expect(uploaded).toMatchObject({ status: 200, json: { id: "i1", name: "a.txt", size: 5 } });
    const redirect = await call("GET", "/drives/d1/items/i1/content");
    expect(redirect).toMatchObject({ status: 302, text: "" });
    const location = redirect.headers.get("location");
    expect(location).toBe("https://graph.microsoft.com/mock-download/drives/d1/items/i1/content");
    expect(await (await mock.fetch(location)).text()).toBe("hello");
    expect((await mock.fetch(location, { headers: { authorization: "Bearer t" } })).status).toBe(401);
    const client = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });
    expect(new TextDecoder().decode(await client.drives.byId("d1").items.byId("i1").content.download())).toBe("hello");
    const byPath = await client.drives.byId("d1").items.byId("i1").byPath("notes/new.txt").content.upload(new TextEncoder().encode("hi"), { contentType: "text/plain" });
    expect(byPath).toMatchObject({ name: "new.txt", size: 2 });
    expect(mock.requests.at(-1)).toMatchObject({ method: "PUT", template: "/drives/{drive-id}/items/{driveItem-id}:/{item-path}:/content", status: 201 });
  });

  it("gives every drive its root (a reference in the metadata, always there in Graph), so items can be addressed by path from it", async () => {
    mock.seed("/drives", [{ id: "d1" }]);
    const client = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });
    const created = await client.drives.byId("d1").root.byPath("Reports 2026/a b.txt").content.upload(new TextEncoder().encode("hello"), { contentType: "text/plain" });
    expect(created).toMatchObject({ name: "a b.txt", size: 5 });
    expect(mock.requests.at(-1)).toMatchObject({ method: "PUT", path: "/drives/d1/root:/Reports%202026/a%20b.txt:/content", status: 201 });
    expect((await call("GET", "/drives/d1/root:/Reports%202026/a%20b.txt:")).json).toMatchObject({ id: created.id, name: "a b.txt", size: 5 });
    expect((await call("GET", "/drives/d1/root")).json).toMatchObject({ id: "root", root: {} });
    expect((await call("GET", "/drives/d1/items/root")).json).toMatchObject({ id: "root", name: "root" });
    expect((await call("GET", "/drives/d2/root")).status).toBe(404);
  });
});

describe("delta", () => {
  it("answers everything, then what changed through the mock since the deltaLink", async () => {
    const first = await call("GET", "/users/delta?$select=displayName");
    // As Graph does, delta answers keep the id though $select leaves it out: a sync needs it to apply changes.
    expect(first.json.value).toEqual([{ id: "u1", displayName: "Ada" }, { id: "u2", displayName: "Grace" }]);
    const deltaLink = first.json["@odata.deltaLink"];
    expect(deltaLink).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/delta\?\$select=displayName&\$deltatoken=\d+$/);
    await call("PATCH", "/users/u1", { department: "Research" });
    await call("DELETE", "/users/u2");
    await call("POST", "/users", { displayName: "Linus" });
    await call("POST", "/users", { displayName: "Ken" });
    const second = await call("GET", deltaLink);
    expect(second.json.value).toEqual([{ id: "u1", displayName: "Ada" }, { id: "u2", "@removed": { reason: "deleted" } }]);
    const third = await call("GET", second.json["@odata.nextLink"]);
    expect(third.json.value).toEqual([{ id: "id-1", displayName: "Linus" }, { id: "id-2", displayName: "Ken" }]);
    expect((await call("GET", third.json["@odata.deltaLink"])).json.value).toEqual([]);
    expect((await call("GET", "/users/delta?$deltatoken=999")).json.error.code).toBe("resyncRequired");
  });
});

describe("$batch", () => {
  it("answers each request as if sent alone, throttling included, and 424 after a failed dependency", async () => {
    mock.fault("GET /groups/g1", { status: 429, retryAfter: 3 });
    const batch = await call("POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: "/users/u1?$select=displayName" },
        { id: "2", method: "POST", url: "/groups/g1/members/$ref", body: { "@odata.id": `${GRAPH}/users/u1` }, headers: { "content-type": "application/json" } },
        { id: "3", method: "GET", url: "/groups/g1" },
        { id: "4", method: "GET", url: "/groups/g1/members", dependsOn: ["3"] },
      ],
    });
    expect(batch.status).toBe(200);
    const [one, two, three, four] = batch.json.responses;
    expect(one).toMatchObject({ id: "1", status: 200, body: { displayName: "Ada" } });
    expect(two).toMatchObject({ id: "2", status: 204 });
    expect(three).toMatchObject({ id: "3", status: 429, headers: { "retry-after": "3" }, body: { error: { code: "TooManyRequests" } } });
    expect(four).toMatchObject({ id: "4", status: 424 });
    expect(mock.read("/groups/g1/members").map((m: any) => m.id)).toEqual(["u1"]);
    expect(mock.requests.filter((r: any) => r.batched).map((r: any) => r.template)).toEqual(["/users/{user-id}", "/groups/{group-id}/members/$ref", "/groups/{group-id}"]);
    const tooMany = await call("POST", "/$batch", { requests: Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, method: "GET", url: "/users" })) });
    expect(tooMany.json.error.message).toBe("A batch holds at most 20 requests; this one has 21.");
  });
});

describe("upload sessions", () => {
  it("takes the bytes in ranges at a pre-authenticated URL and completes with 201", async () => {
    mock.seed("/drives", [{ id: "d1" }]);
    mock.seed("/drives/d1/items", [{ id: "i1", name: "big.bin" }]);
    const session = await call("POST", "/drives/d1/items/i1/createUploadSession", { item: { name: "big.bin" } });
    expect(session.json).toMatchObject({ uploadUrl: expect.stringMatching(/^https:\/\/graph\.microsoft\.com\/mock-upload\//), nextExpectedRanges: ["0-"] });
    const put = (range: string, bytes: number[], headers: Record<string, string> = {}) =>
      mock.fetch(session.json.uploadUrl, { method: "PUT", body: new Uint8Array(bytes), headers: { "content-range": range, ...headers } });
    expect((await put("bytes 0-1/5", [1, 2], { authorization: "Bearer t" })).status).toBe(401);
    const partial = await put("bytes 0-1/5", [1, 2]);
    expect(partial.status).toBe(202);
    expect((await partial.json()).nextExpectedRanges).toEqual(["2-"]);
    expect((await put("bytes 3-4/5", [4, 5])).status).toBe(416);
    const done = await put("bytes 2-4/5", [3, 4, 5]);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ id: "i1", name: "big.bin", size: 5 });
    expect(mock.uploads).toEqual([{ template: "/drives/{drive-id}/items/{driveItem-id}/createUploadSession", path: "/drives/d1/items/i1", bytes: new Uint8Array([1, 2, 3, 4, 5]) }]);
    expect((await put("bytes 0-0/1", [1])).status).toBe(404);
  });
});
