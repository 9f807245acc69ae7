// JSON batching against the test server's POST /$batch: calls of the generated client recorded and sent 20 to a
// batch, dependsOn kept within a batch, a throttled item retried alone after its Retry-After, a 404 as its own
// GraphError, bodies validated before anything is sent.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.js";
import { batchHook, type BatchItem } from "../support/graph-server-batch.js";
import { generateDefaultClient, SEED_BODY, type GeneratedClient } from "./support/generated-client.js";

const TOKEN = "token-for-graph";
let generated: GeneratedClient;
let server: GraphServer;
let batchModule: { batch: (graph: unknown, calls: (g: any, step: any) => Promise<unknown>[]) => Promise<any[]> };
/** Item id -> when the server saw it, for the throttled one. */
let throttled: { url: string; seen: number[] };

beforeAll(async () => {
  generated = await generateDefaultClient({ includePaths: ["/identity/apiConnectors/**", "/groups/*/members/**"] });
  batchModule = await import(pathToFileURL(join(generated.dir, "src/client/batch.ts")).href);
  server = await startGraphServer({
    hooks: [
      batchHook({
        throttle: (item: BatchItem) => {
          if (item.url.split("?")[0] !== throttled.url) return undefined;
          throttled.seen.push(Date.now());
          return throttled.seen.length === 1 ? { status: 429, headers: { "Retry-After": "1" }, error: { code: "TooManyRequests", message: "Too many requests." } } : undefined;
        },
      }),
    ],
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  generated?.dispose();
});
beforeEach(() => {
  server.reset();
  throttled = { url: "", seen: [] };
  for (let i = 1; i <= 22; i++) {
    const id = `c${String(i).padStart(2, "0")}`;
    server.entities.set(id, { id, displayName: `connector ${i}` } as never);
  }
});

const client = () => generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl, retry: { baseDelayMs: 1 } });
const batches = () => server.requests.filter((r) => r.path === "/v1.0/$batch").map((r) => (r.body as { requests: BatchItem[] }).requests);

describe("batch", () => {
  it("sends 25 calls as batches of 20 and 5, with dependsOn, a throttled item retried alone and a 404", async () => {
    throttled.url = "/identity/apiConnectors/c07";
    const results = await batchModule.batch(client(), (g, step) => {
      const created = g.identity.apiConnectors.create({ ...SEED_BODY, displayName: "new" });
      const renamed = step.after(created, () => g.identity.apiConnectors.byId("c01").update({ displayName: "renamed" }));
      const gets = Array.from({ length: 21 }, (_, i) => g.identity.apiConnectors.byId(`c${String(i + 2).padStart(2, "0")}`).get({ select: ["displayName"] }));
      return [created, renamed, ...gets, g.identity.apiConnectors.byId("missing").get(), g.identity.apiConnectors.list({ top: 1 })];
    });

    expect(results).toHaveLength(25);
    expect(results[0]).toEqual({ ok: true, value: expect.objectContaining({ displayName: "new", id: expect.any(String) }) });
    expect(results[1]).toEqual({ ok: true, value: undefined });
    expect(server.entities.get("c01")?.displayName).toBe("renamed");
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
    expect(throttled.seen).toHaveLength(2);
    expect(throttled.seen[1]! - throttled.seen[0]!).toBeGreaterThanOrEqual(950);
    // The token rides on the $batch requests only; items carry their own client-request-id.
    expect(server.requests.map((r) => r.token)).toEqual([TOKEN, TOKEN, TOKEN]);
    expect(sent.flat().every((item) => !("authorization" in (item.headers ?? {})) && /^[0-9a-f-]{36}$/.test(item.headers?.["client-request-id"] ?? ""))).toBe(true);
  });

  it("validates every body before sending anything", async () => {
    const error = await batchModule
      .batch(client(), (g) => [g.identity.apiConnectors.byId("c01").get(), g.identity.apiConnectors.create({ ...SEED_BODY, displayName: 42 })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.validation.GraphValidationError);
    expect((error as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["/displayName"]);
    expect(server.requests).toEqual([]);
  });

  it("fails a call whose dependency failed with 424, as Graph answers it", async () => {
    const [missing, dependent] = await batchModule.batch(client(), (g, step) => {
      const get = g.identity.apiConnectors.byId("missing").get();
      return [get, step.after(get, () => g.identity.apiConnectors.byId("c01").delete())];
    });
    expect(missing.error.status).toBe(404);
    expect(dependent.error).toMatchObject({ status: 424, code: "FailedDependency" });
    expect(server.entities.has("c01")).toBe(true);
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
    expect(server.requests).toEqual([]);
  });

  it("refuses listAll inside a batch: it follows links page by page", async () => {
    const error = await batchModule.batch(client(), (g) => [g.identity.apiConnectors.listAll()]).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "invalidBatch",
      message: "listAll, deltaSync, count and streams cannot be batched: batch single JSON calls (list(), one page each)",
    });
    expect(server.requests).toEqual([]);
  });

  it("sends a call that is only a dependency, though the function does not return it", async () => {
    const [renamed] = await batchModule.batch(client(), (g, step) => {
      const created = g.identity.apiConnectors.create({ ...SEED_BODY, displayName: "new" });
      return [step.after(created, () => g.identity.apiConnectors.byId("c01").update({ displayName: "renamed" }))];
    });
    expect(renamed).toEqual({ ok: true, value: undefined });
    expect(batches()).toEqual([[expect.objectContaining({ id: "1", method: "POST" }), expect.objectContaining({ id: "2", dependsOn: ["1"] })]]);
    expect([...server.entities.values()].some((e) => e.displayName === "new")).toBe(true);
  });

  it("batches $ref calls: members added and removed in one request", async () => {
    for (const id of ["g1", "u1", "u2", "u3"]) server.directory.add({ id, "@odata.type": `#microsoft.graph.${id.startsWith("g") ? "group" : "user"}`, displayName: id });
    server.directory.members.get("g1")!.add("u3");
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
    expect([...server.directory.members.get("g1")!]).toEqual(["u1", "u2"]);
  });
});
