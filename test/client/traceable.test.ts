// Traceable requests: a fresh client-request-id per call, GraphError keeping it with Graph's request-id
// and date even without an error body, and requests that got no answer at all (reset, refused) retried
// when the method is idempotent, with an error that says what happened and never holds the token.
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCaptureServer } from "../support/graph-server.js";
import { SEED_BODY, startMockGraph, type ListeningMock } from "./support/mock-server.js";

const TOKEN = "secret-token-for-graph";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: ListeningMock;
let mock: any;

beforeAll(async () => {
  server = await startMockGraph();
  mock = server.mock;
});
afterAll(() => server?.close());
beforeEach(() => mock.reset());

const client = (options: Record<string, unknown> = {}) => server.client({ getAccessToken: () => TOKEN, retry: { baseDelayMs: 1 }, ...options });
const GraphError = () => server.generated.client.GraphError;
/** The mock's dropped connection: the socket closes before any answer, the server's side of a reset. */
const reset = (method: string, times: number) => mock.fault(`${method} /**`, { drop: true, times });

describe("client-request-id", () => {
  it("sends a fresh id with every call and keeps it across the retries of one call", async () => {
    const graph = client();
    mock.fault("/**", { status: 429, retryAfter: 0, times: 1 });
    await graph.identity.apiConnectors.list();
    await graph.identity.apiConnectors.list();
    expect(mock.requests.map((r: any) => r.status)).toEqual([429, 200, 200]);
    const ids = mock.requests.map((r: any) => r.headers["client-request-id"]);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it("keeps a client-request-id the caller gives", async () => {
    await client().identity.apiConnectors.list({ headers: { "Client-Request-Id": "my-trace-1" } });
    expect(mock.requests[0]?.headers["client-request-id"]).toBe("my-trace-1");
  });

  it("puts the ids and the date into GraphError when Graph's answer has no body", async () => {
    // A gateway in front of Graph answering 500 with headers only: a server of its own, not the fake Graph.
    const gateway = await startCaptureServer({ reply: () => ({ status: 500, raw: "" }) });
    const error = await client({ baseUrl: `${gateway.origin}/v1.0` }).identity.apiConnectors.list().catch((e: unknown) => e);
    await gateway.close();
    expect(error).toBeInstanceOf(GraphError());
    expect(gateway.requests).toHaveLength(1);
    const sent = gateway.requests[0]?.headers["client-request-id"];
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
    reset("GET", 1);
    const page = await client().identity.apiConnectors.list();
    expect(page.value).toEqual([]);
    expect(mock.requests.map((r: any) => `${r.method} ${r.status}`)).toEqual(["GET 0", "GET 200"]);
    expect(mock.requests[0]?.headers["client-request-id"]).toBe(mock.requests[1]?.headers["client-request-id"]);
  });

  it("does not send a POST twice: the reset one may have created the connector", async () => {
    reset("POST", 1);
    const error = await client().identity.apiConnectors.create({ ...SEED_BODY, displayName: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(server.generated.client.GraphClientError);
    expect(error.code).toBe("networkError");
    const id = mock.requests[0]?.headers["client-request-id"];
    const origin = server.baseUrl.replace(/\/v1\.0$/, "");
    expect(error.message).toBe(`POST /identity/apiConnectors: no answer from ${origin} (UND_ERR_SOCKET: other side closed); client-request-id ${id}`);
    expect(mock.requests).toHaveLength(1);
    expect(mock.read("/identity/apiConnectors")).toEqual([]);
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
    reset("GET", 10);
    const controller = new AbortController();
    const pending = client({ retry: { baseDelayMs: 60_000, maxTotalDelayMs: 600_000 } }).identity.apiConnectors.list({ signal: controller.signal });
    await expect.poll(() => mock.requests.length).toBe(1);
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
