// JSON batching against the fake Graph's POST /$batch on a socket: calls of the generated client recorded and sent 20 to a
// batch, dependsOn kept within a batch, a throttled item retried alone after its Retry-After, a 404 as its own
// GraphError, bodies validated before anything is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_BODY, startMockGraph, type ListeningMock } from "./support/mock-server.js";

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const TOKEN = "token-for-graph";
let server: ListeningMock;
let generated: ListeningMock["generated"];
let mock: any;
let batchModule: { batch: (graph: unknown, calls: (g: any, step: any) => Promise<unknown>[]) => Promise<any[]> };

beforeAll(async () => {
  // /users: where the members added by $ref live.
  server = await startMockGraph({}, ["/identity/apiConnectors/**", "/groups/*/members/**", "/users"]);
  ({ generated, mock } = server);
  batchModule = await generated.module("client/batch");
}, 120_000);
afterAll(() => server?.close());
beforeEach(() => {
  mock.reset();
  mock.seed(
    "/identity/apiConnectors",
    Array.from({ length: 22 }, (_, i) => ({ id: `c${String(i + 1).padStart(2, "0")}`, displayName: `connector ${i + 1}` })),
  );
});

const client = () => server.client({ getAccessToken: () => TOKEN, retry: { baseDelayMs: 1 } });
const batches = (): BatchItem[][] => mock.requests.filter((r: any) => r.path === "/$batch").map((r: any) => r.body.requests);
const connector = (id: string) => mock.read("/identity/apiConnectors").find((c: any) => c.id === id);

describe("batch", () => {
  it("sends 25 calls as batches of 20 and 5, with dependsOn, a throttled item retried alone and a 404", async () => {
    mock.fault("GET /identity/apiConnectors/c07", { status: 429, retryAfter: 1, times: 1 });
    const started = performance.now();
    const results = await batchModule.batch(client(), (g, step) => {
      const created = g.identity.apiConnectors.create({ ...SEED_BODY, displayName: "new" });
      const renamed = step.after(created, () => g.identity.apiConnectors.byId("c01").update({ displayName: "renamed" }));
      const gets = Array.from({ length: 21 }, (_, i) => g.identity.apiConnectors.byId(`c${String(i + 2).padStart(2, "0")}`).get({ select: ["displayName"] }));
      return [created, renamed, ...gets, g.identity.apiConnectors.byId("missing").get(), g.identity.apiConnectors.list({ top: 1 })];
    });

    const elapsed = performance.now() - started;
    expect(results).toHaveLength(25);
    expect(results[0]).toEqual({ ok: true, value: expect.objectContaining({ displayName: "new", id: expect.any(String) }) });
    expect(results[1]).toEqual({ ok: true, value: undefined });
    expect(connector("c01")?.displayName).toBe("renamed");
    expect(results.slice(2, 23).map((r) => r.value.displayName)).toEqual(Array.from({ length: 21 }, (_, i) => `connector ${i + 2}`));
    const missing = results[23];
    expect(missing.ok).toBe(false);
    expect(missing.error).toBeInstanceOf(generated.client.GraphError);
    expect(missing.error).toMatchObject({ status: 404, code: "Request_ResourceNotFound", request: "GET /identity/apiConnectors/{identityApiConnector-id}" });
    expect(results[24].value.value).toHaveLength(1);

    const sent = batches();
    expect(sent.map((b) => b.length)).toEqual([20, 5, 1]);
    expect(sent[0]?.[0]).toMatchObject({ id: "1", method: "POST", url: "/identity/apiConnectors", body: { displayName: "new" } });
    expect(sent[0]?.[0]?.headers?.["content-type"]).toBe("application/json");
    expect(sent[0]?.[1]).toMatchObject({ id: "2", method: "PATCH", url: "/identity/apiConnectors/c01", dependsOn: ["1"] });
    expect(sent[0]?.[2]).toMatchObject({ method: "GET", url: "/identity/apiConnectors/c02?$select=displayName" });
    expect(sent[2]).toEqual([expect.objectContaining({ method: "GET", url: "/identity/apiConnectors/c07?$select=displayName" })]);
    // The item was throttled inside the batch, retried alone in a third batch after its Retry-After of 1 s.
    const c07 = mock.requests.filter((r: any) => r.batched && r.path === "/identity/apiConnectors/c07");
    expect(c07.map((r: any) => r.status)).toEqual([429, 200]);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    // The token rides on the $batch requests only; items carry their own client-request-id.
    expect(mock.requests.filter((r: any) => !r.batched).map((r: any) => `${r.path} ${r.headers.authorization}`)).toEqual(Array(3).fill(`/$batch Bearer ${TOKEN}`));
    expect(sent.flat().every((item) => !("authorization" in (item.headers ?? {})) && /^[0-9a-f-]{36}$/.test(item.headers?.["client-request-id"] ?? ""))).toBe(true);
  });

  it("validates every body before sending anything", async () => {
    const error = await batchModule
      .batch(client(), (g) => [g.identity.apiConnectors.byId("c01").get(), g.identity.apiConnectors.create({ ...SEED_BODY, displayName: 42 })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.validation.GraphValidationError);
    expect((error as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["/displayName"]);
    expect(mock.requests).toEqual([]);
  });

  it("fails a call whose dependency failed with 424, as Graph answers it", async () => {
    const [missing, dependent] = await batchModule.batch(client(), (g, step) => {
      const get = g.identity.apiConnectors.byId("missing").get();
      return [get, step.after(get, () => g.identity.apiConnectors.byId("c01").delete())];
    });
    expect(missing.error.status).toBe(404);
    expect(dependent.error).toMatchObject({ status: 424, code: "FailedDependency" });
    expect(connector("c01")).toBeDefined();
    expect(mock.requests.filter((r: any) => r.batched && r.method === "DELETE")).toEqual([]);
  });

  it("refuses more than 20 calls that depend on each other, before sending", async () => {
    const error = await batchModule
      .batch(client(), (g, step) => {
        const calls: Promise<unknown>[] = [g.identity.apiConnectors.byId("c01").get()];
        for (let i = 0; i < 20; i++) calls.push(step.after(calls.at(-1)!, () => g.identity.apiConnectors.byId("c01").get()));
        return calls;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalidBatch", message: "21 requests depend on each other; Graph takes at most 20 in a batch" });
    expect(mock.requests).toEqual([]);
  });

  it("refuses listAll inside a batch: it follows links page by page", async () => {
    const error = await batchModule.batch(client(), (g) => [g.identity.apiConnectors.listAll()]).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "invalidBatch",
      message: "listAll, deltaSync, count and streams cannot be batched: batch single JSON calls (list(), one page each)",
    });
    expect(mock.requests).toEqual([]);
  });

  it("sends a call that is only a dependency, though the function does not return it", async () => {
    const [renamed] = await batchModule.batch(client(), (g, step) => {
      const created = g.identity.apiConnectors.create({ ...SEED_BODY, displayName: "new" });
      return [step.after(created, () => g.identity.apiConnectors.byId("c01").update({ displayName: "renamed" }))];
    });
    expect(renamed).toEqual({ ok: true, value: undefined });
    expect(batches()).toEqual([[expect.objectContaining({ id: "1", method: "POST" }), expect.objectContaining({ id: "2", dependsOn: ["1"] })]]);
    expect(mock.read("/identity/apiConnectors").some((e: any) => e.displayName === "new")).toBe(true);
  });

  it("batches $ref calls: members added and removed in one request", async () => {
    mock.seed("/groups", [{ id: "g1", displayName: "g1" }]);
    mock.seed("/users", ["u1", "u2", "u3"].map((id) => ({ id, displayName: id })));
    await client().groups.byId("g1").members.addRef("u3");
    const members = (g: any) => g.groups.byId("g1").members;
    const results = await batchModule.batch(client(), (g) => [members(g).addRef("u1"), members(g).addRef({ id: "u2" }), members(g).removeRef("u3")]);
    expect(results).toEqual([{ ok: true, value: undefined }, { ok: true, value: undefined }, { ok: true, value: undefined }]);
    expect(batches()).toEqual([
      [
        expect.objectContaining({ method: "POST", url: "/groups/g1/members/$ref", body: { "@odata.id": `${server.baseUrl}/directoryObjects/u1` } }),
        expect.objectContaining({ method: "POST", url: "/groups/g1/members/$ref", body: { "@odata.id": `${server.baseUrl}/directoryObjects/u2` } }),
        expect.objectContaining({ method: "DELETE", url: "/groups/g1/members/u3/$ref" }),
      ],
    ]);
    expect(mock.read("/groups/g1/members").map((m: any) => m.id)).toEqual(["u1", "u2"]);
  });
});
