// Traceable requests: a fresh client-request-id per call, GraphError keeping it with Graph's request-id
// and date even without an error body, and requests that got no answer at all (reset, refused) retried
// when the method is idempotent, with an error that says what happened and never holds the token.
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.js";
import { generateDefaultClient, SEED_BODY, type GeneratedClient } from "./support/generated-client.js";

const TOKEN = "secret-token-for-graph";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let generated: GeneratedClient;
let server: GraphServer;
/** Connections to drop, by method, before any answer: the server's side of a connection reset. */
const resets: Record<string, number> = {};

beforeAll(async () => {
  generated = await generateDefaultClient();
  server = await startGraphServer({
    hooks: [(request) => ((resets[request.method] ?? 0) > 0 ? (resets[request.method]!--, "reset") : undefined)],
  });
});
afterAll(async () => {
  await server?.close();
  generated?.dispose();
});
beforeEach(() => {
  server.reset();
  for (const method of Object.keys(resets)) delete resets[method];
});

const client = (options: Record<string, unknown> = {}) =>
  generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl, retry: { baseDelayMs: 1 }, ...options });

describe("client-request-id", () => {
  it("sends a fresh id with every call and keeps it across the retries of one call", async () => {
    const graph = client();
    server.failNext(1, 429, { "Retry-After": "0" });
    await graph.identity.apiConnectors.list();
    await graph.identity.apiConnectors.list();
    const ids = server.requests.map((r) => r.headers["client-request-id"]);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it("keeps a client-request-id the caller gives", async () => {
    await client().identity.apiConnectors.list({ headers: { "Client-Request-Id": "my-trace-1" } });
    expect(server.requests[0]?.headers["client-request-id"]).toBe("my-trace-1");
  });

  it("puts the ids and the date into GraphError when Graph's answer has no body", async () => {
    server.failNext(1, 500, {}, "");
    const error = await client().identity.apiConnectors.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.client.GraphError);
    const sent = server.requests[0]?.headers["client-request-id"];
    expect(error).toMatchObject({
      status: 500,
      code: "Http500",
      message: "GET /identity/apiConnectors failed with 500 Http500: Internal Server Error",
      innerError: { clientRequestId: sent, requestId: expect.stringMatching(UUID), date: expect.stringMatching(/GMT$/) },
    });
  });
});

describe("no answer at all", () => {
  it("retries a GET whose connection was reset, and succeeds", async () => {
    resets.GET = 1;
    const page = await client().identity.apiConnectors.list();
    expect(page.value).toEqual([]);
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
    expect(server.requests[0]?.headers["client-request-id"]).toBe(server.requests[1]?.headers["client-request-id"]);
  });

  it("does not send a POST twice: the reset one may have created the connector", async () => {
    resets.POST = 1;
    const error = await client().identity.apiConnectors.create({ ...SEED_BODY, displayName: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.client.GraphClientError);
    expect(error.code).toBe("networkError");
    const id = server.requests[0]?.headers["client-request-id"];
    expect(error.message).toBe(`POST /identity/apiConnectors: no answer from ${server.origin} (UND_ERR_SOCKET: other side closed); client-request-id ${id}`);
    expect(server.requests).toHaveLength(1);
  });

  it("gives up on a refused connection after the retries, naming the cause and never the token", async () => {
    const closed = await closedPort();
    const graph = client({ baseUrl: `http://127.0.0.1:${closed}/v1.0`, retry: { maxRetries: 2, baseDelayMs: 1 } });
    const error = await graph.identity.apiConnectors.byId("a").get().catch((e: unknown) => e);
    expect(error.code).toBe("networkError");
    expect(error.message).toMatch(
      new RegExp(`^GET /identity/apiConnectors/\\{identityApiConnector-id\\}: no answer from http://127.0.0.1:${closed} \\(ECONNREFUSED: .*\\); client-request-id [0-9a-f-]{36}$`),
    );
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(TOKEN);
  });

  it("stops retrying when the signal aborts", async () => {
    resets.GET = 10;
    const controller = new AbortController();
    const pending = client({ retry: { baseDelayMs: 60_000, maxTotalDelayMs: 600_000 } }).identity.apiConnectors.list({ signal: controller.signal });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });
});

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
