// Resilience and safety of the generated client: retries bounded by count and time, aborts, origin
// checks for the token and nextLinks, validation before sending, secrets kept out of errors, and
// the permission check against the token's claims.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCaptureServer, type CaptureServer } from "../support/graph-server.js";
import { fakeJwt } from "./support/generated-client.js";
import { SEED_BODY, startMockGraph, type ListeningMock } from "./support/mock-server.js";

const TOKEN = "token-for-graph";
let server: ListeningMock;
let generated: ListeningMock["generated"];
let mock: any;
let capture: CaptureServer;

beforeAll(async () => {
  server = await startMockGraph({ pageSize: 1 });
  ({ generated, mock } = server);
  capture = await startCaptureServer();
});
afterAll(async () => {
  await server?.close();
  await capture?.close();
});
beforeEach(() => {
  mock.reset();
  capture.reset();
});

const client = (options: Record<string, unknown> = {}) => server.client({ getAccessToken: () => TOKEN, ...options });
/** The next `times` requests answer `status` (with Retry-After seconds when given), as Graph's throttling does. */
const failNext = (times: number, status: number, retryAfter?: number) => mock.fault("/**", { status, retryAfter, times });

describe("retries", () => {
  it("retries a 429 after its Retry-After, then succeeds", async () => {
    failNext(2, 429, 0);
    const body = { ...SEED_BODY, displayName: "x" };
    const created = await client().identity.apiConnectors.create(body);
    expect(created.displayName).toBe("x");
    expect(mock.requests.map((r: any) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 201"]);
    expect(mock.requests.map((r: any) => r.body)).toEqual([body, body, body]);
  });

  it("retries 503 and 504 with back-off when Graph sends no Retry-After", async () => {
    failNext(1, 503);
    failNext(1, 504);
    const page = await client({ retry: { baseDelayMs: 1 } }).identity.apiConnectors.list();
    expect(page.value).toEqual([]);
    expect(mock.requests.map((r: any) => r.status)).toEqual([503, 504, 200]);
  });

  it("reads Retry-After as seconds or an HTTP date, else backs off exponentially", async () => {
    const { retryDelay } = await generated.module("client/retry");
    const throttled = (retryAfter?: string) => new Response(null, { status: 429, headers: retryAfter === undefined ? {} : { "retry-after": retryAfter } });
    expect(retryDelay(throttled("2"), 0, 100)).toBe(2000);
    expect(retryDelay(throttled("0"), 3, 100)).toBe(0);
    // An HTTP date has whole seconds: five seconds ahead is between four and five seconds away.
    const inFiveSeconds = retryDelay(throttled(new Date(Date.now() + 5000).toUTCString()), 0, 100);
    expect(inFiveSeconds).toBeGreaterThan(3000);
    expect(inFiveSeconds).toBeLessThanOrEqual(5000);
    expect(retryDelay(throttled(new Date(0).toUTCString()), 0, 100)).toBe(0);
    expect(retryDelay(throttled("soon"), 2, 100)).toBe(400);
    expect(retryDelay(throttled(), 1, 100)).toBe(200);
    expect(retryDelay(undefined, 0, 100)).toBe(100);
  });

  it("gives up after maxRetries with the last GraphError", async () => {
    failNext(5, 429, 0);
    const error = await client({ retry: { maxRetries: 2 } }).identity.apiConnectors.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "TooManyRequests", headers: { "retry-after": "0" } });
    expect(mock.requests).toHaveLength(3);
  });

  it("fails at once when Retry-After exceeds the total delay budget", async () => {
    failNext(1, 429, 120);
    const started = Date.now();
    const error = await client({ retry: { maxTotalDelayMs: 5_000 } }).identity.apiConnectors.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(mock.requests).toHaveLength(1);
  });

  it("does not retry other errors, and can be turned off", async () => {
    failNext(1, 500);
    await expect(client().identity.apiConnectors.list()).rejects.toMatchObject({ status: 500 });
    failNext(1, 503, 0);
    await expect(client({ retry: false }).identity.apiConnectors.list()).rejects.toMatchObject({ status: 503 });
    expect(mock.requests).toHaveLength(2);
  });

  it("stops waiting when the request is aborted", async () => {
    failNext(1, 429, 30);
    const controller = new AbortController();
    const pending = client().identity.apiConnectors.list({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(pending).rejects.toThrow("user gave up");
    expect(mock.requests).toHaveLength(1);
  });
});

describe("origins and secrets", () => {
  it("refuses a cross-origin @odata.nextLink and never sends the token there", async () => {
    // Another origin is about the network, not Graph: a hand-written server answers a page linking to the capture server.
    const linking = await startCaptureServer({
      reply: () => ({ status: 200, json: { value: [{ id: "a", displayName: "a" }], "@odata.nextLink": `${capture.origin}/v1.0/identity/apiConnectors?$skiptoken=1` } }),
    });
    const graph = client({ baseUrl: `${linking.origin}/v1.0` });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const c of graph.identity.apiConnectors.listAll()) seen.push(c.displayName);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(generated.client.GraphClientError);
    expect(error).toMatchObject({ code: "crossOriginNextLink" });
    expect(linking.requests).toHaveLength(1);
    expect(capture.requests).toEqual([]);
    await linking.close();
  });

  it("follows a link only when it starts with the base URL's origin and a slash", async () => {
    const fetched: string[] = [];
    const fetch = async (url: string) => {
      fetched.push(url);
      return new Response('{"value":[]}');
    };
    const transport = generated.client.createTransport({ getAccessToken: () => TOKEN, baseUrl: "https://graph.microsoft.com/v1.0", fetch });
    const spec = { method: "GET", template: "/users" };
    const lookalikes = ["https://graph.microsoft.com.evil.example/v1.0/users", "https://graph.microsoft.com@evil.example/v1.0/users", "https://graph.microsoft.com:8443/v1.0/users", "//evil.example/v1.0/users", "/v1.0/users", "https://graph.microsoft.com", "not a url"];
    for (const link of lookalikes) {
      await expect(transport.follow(spec, link)).rejects.toMatchObject({ code: "crossOriginNextLink", message: "GET /users: refused to follow a link to another origin than https://graph.microsoft.com" });
    }
    expect(fetched).toEqual([]);
    await transport.follow(spec, "https://graph.microsoft.com/v1.0/users?$skiptoken=1");
    expect(fetched).toEqual(["https://graph.microsoft.com/v1.0/users?$skiptoken=1"]);
  });

  it("refuses a non-https baseUrl unless it is a loopback address", () => {
    const make = (baseUrl: string) => () => generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl });
    expect(make("http://graph.example.com/v1.0")).toThrow(/baseUrl must use https/);
    expect(make("ftp://127.0.0.1/v1.0")).toThrow(/baseUrl must use https/);
    expect(make("https://user:pw@graph.example.com/v1.0")).toThrow(/credentials/);
    for (const ok of ["http://127.0.0.1:1/v1.0", "http://localhost:1/v1.0", "http://[::1]:1/v1.0", "https://graph.microsoft.com/v1.0"]) {
      expect(make(ok)).not.toThrow();
    }
  });

  it("keeps the token and passwords out of error messages", async () => {
    const secretToken = fakeJwt({ scp: "User.Read" });
    const graph = client({ getAccessToken: () => secretToken });
    failNext(1, 400);
    const graphError = await graph.identity.apiConnectors.create(SEED_BODY).catch((e: unknown) => e);
    const invalid = await graph.identity.apiConnectors.create({ ...SEED_BODY, authenticationConfiguration: { ...SEED_BODY.authenticationConfiguration, password: 42 } }).catch((e: unknown) => e);
    expect(graphError).toMatchObject({ status: 400 });
    for (const error of [graphError, invalid] as Error[]) {
      const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      expect(text).not.toContain(secretToken);
      expect(text).not.toContain("MyPassword");
      expect(text).not.toContain("MyUsername");
    }
  });
});

describe("validation", () => {
  it("never sends an invalid body: GraphValidationError with the issue's path", async () => {
    const graph = client();
    const bad = { displayName: 7, authenticationConfiguration: { username: "u", password: "p" } };
    const error = await graph.identity.apiConnectors.create(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.validation.GraphValidationError);
    expect(error.errors.map((e: { path: string }) => e.path)).toContain("/displayName");
    await expect(graph.identity.apiConnectors.byId("x").update({ id: "read-only?", colour: "red" })).rejects.toBeInstanceOf(generated.validation.GraphValidationError);
    expect(mock.requests).toEqual([]);
  });

  it("validates responses in read mode only when asked", async () => {
    // A body Graph's schema forbids: the fake Graph refuses to hold one, so a hand-written server sends it.
    const drifted = await startCaptureServer({
      reply: (request) => ({ status: 200, json: request.path.endsWith("/x") ? { id: "x", displayName: 42 } : { value: [{ id: "x", displayName: 42 }] } }),
    });
    const client = (options: Record<string, unknown>) => server.client({ baseUrl: `${drifted.origin}/v1.0`, ...options });
    await expect(client({}).identity.apiConnectors.byId("x").get()).resolves.toMatchObject({ displayName: 42 });
    await expect(client({ validate: "all" }).identity.apiConnectors.byId("x").get()).rejects.toBeInstanceOf(generated.validation.GraphValidationError);
    await expect(client({ validate: "all" }).identity.apiConnectors.list()).rejects.toBeInstanceOf(generated.validation.GraphValidationError);
    expect(drifted.requests.map((r) => r.path)).toEqual(["/v1.0/identity/apiConnectors/x", "/v1.0/identity/apiConnectors/x", "/v1.0/identity/apiConnectors"]);
    await drifted.close();
  });

  it("lets validate: none send anything", async () => {
    // The fake Graph checks the body with the generated validator and answers Graph's 400.
    await expect(client({ validate: "none" }).identity.apiConnectors.create({ displayName: 7 })).rejects.toMatchObject({ status: 400, code: "BadRequest" });
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({ method: "POST", body: { displayName: 7 }, status: 400 });
  });
});

describe("checkPermissions", () => {
  it("passes a token with the least-privileged permission, delegated or application", async () => {
    for (const claims of [{ scp: "User.Read APIConnectors.ReadWrite.All" }, { roles: ["APIConnectors.ReadWrite.All"] }]) {
      await client({ getAccessToken: () => fakeJwt(claims), checkPermissions: generated.client.permissionCheck("error") }).identity.apiConnectors.list();
    }
    expect(mock.requests).toHaveLength(2);
  });

  it("throws before calling with checkPermissions: error", async () => {
    const graph = client({ getAccessToken: () => fakeJwt({ scp: "User.Read" }), checkPermissions: generated.client.permissionCheck("error") });
    const error = await graph.identity.apiConnectors.create({ ...SEED_BODY, displayName: "x" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "missingPermission",
      message: "POST /identity/apiConnectors needs the delegated permission APIConnectors.ReadWrite.All; the access token's scp claim has User.Read",
    });
    expect(mock.requests).toEqual([]);
  });

  it("warns and calls with checkPermissions: warn", async () => {
    const warnings: string[] = [];
    const graph = client({ getAccessToken: () => fakeJwt({ roles: ["User.Read.All"] }), checkPermissions: generated.client.permissionCheck("warn", (m: string) => warnings.push(m)) });
    await graph.identity.apiConnectors.list();
    expect(warnings).toEqual([
      "GET /identity/apiConnectors needs the application permission APIConnectors.ReadWrite.All; the access token's roles claim has User.Read.All",
    ]);
    expect(mock.requests).toHaveLength(1);
  });

  it("exports the permissions table", () => {
    expect(generated.client.permissions["POST /identity/apiConnectors"]).toEqual({
      method: "POST",
      path: "/identity/apiConnectors",
      delegated: [{ name: "APIConnectors.ReadWrite.All", id: "c67b52c5-7c69-48b6-9d48-7b3af3ded914" }],
      application: [{ name: "APIConnectors.ReadWrite.All", id: "1dfe531a-24a6-4f1b-80f4-7a0dc5a0a171" }],
    });
    // list, create, $count, get, update, delete, uploadClientCertificate
    expect(Object.keys(generated.client.permissions)).toHaveLength(7);
  });
});
