// Resilience and safety of the generated client: retries bounded by count and time, aborts, origin
// checks for the token and nextLinks, validation before sending, secrets kept out of errors, and
// the permission check against the token's claims.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCaptureServer, startGraphServer, type CaptureServer, type GraphServer } from "../support/graph-server.js";
import { fakeJwt, generateDefaultClient, SEED_BODY, type GeneratedClient } from "./support/generated-client.js";

const TOKEN = "token-for-graph";
let generated: GeneratedClient;
let server: GraphServer;
let capture: CaptureServer;

beforeAll(async () => {
  generated = await generateDefaultClient();
  server = await startGraphServer({ pageSize: 1 });
  capture = await startCaptureServer();
});
afterAll(async () => {
  await server?.close();
  await capture?.close();
  generated?.dispose();
});
beforeEach(() => {
  server.reset();
  capture.reset();
});

const client = (options: Record<string, unknown> = {}) =>
  generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl, ...options });

describe("retries", () => {
  it("retries a 429 after its Retry-After, then succeeds", async () => {
    server.failNext(2, 429, { "Retry-After": "0" });
    const created = await client().identity.apiConnectors.create({ displayName: "x" });
    expect(created.displayName).toBe("x");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST", "POST"]);
    expect(server.requests.map((r) => r.body)).toEqual([{ displayName: "x" }, { displayName: "x" }, { displayName: "x" }]);
  });

  it("retries 503 and 504 with back-off when Graph sends no Retry-After", async () => {
    server.failNext(1, 503);
    server.failNext(1, 504);
    const page = await client({ retry: { baseDelayMs: 1 } }).identity.apiConnectors.list();
    expect(page.value).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it("gives up after maxRetries with the last GraphError", async () => {
    server.failNext(5, 429, { "Retry-After": "0" });
    const error = await client({ retry: { maxRetries: 2 } }).identity.apiConnectors.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "TooManyRequests", headers: { "retry-after": "0" } });
    expect(server.requests).toHaveLength(3);
  });

  it("fails at once when Retry-After exceeds the total delay budget", async () => {
    server.failNext(1, 429, { "Retry-After": "120" });
    const started = Date.now();
    const error = await client({ retry: { maxTotalDelayMs: 5_000 } }).identity.apiConnectors.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry other errors, and can be turned off", async () => {
    server.failNext(1, 500);
    await expect(client().identity.apiConnectors.list()).rejects.toMatchObject({ status: 500 });
    server.failNext(1, 503, { "Retry-After": "0" });
    await expect(client({ retry: false }).identity.apiConnectors.list()).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(2);
  });

  it("stops waiting when the request is aborted", async () => {
    server.failNext(1, 429, { "Retry-After": "30" });
    const controller = new AbortController();
    const pending = client().identity.apiConnectors.list({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(pending).rejects.toThrow("user gave up");
    expect(server.requests).toHaveLength(1);
  });
});

describe("origins and secrets", () => {
  it("refuses a cross-origin @odata.nextLink and never sends the token there", async () => {
    const graph = client();
    await graph.identity.apiConnectors.create({ displayName: "a" });
    await graph.identity.apiConnectors.create({ displayName: "b" });
    server.setNextLinkOrigin(capture.origin);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const c of graph.identity.apiConnectors.listAll()) seen.push(c.displayName);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(generated.client.GraphClientError);
    expect(error).toMatchObject({ code: "crossOriginNextLink" });
    expect(capture.requests).toEqual([]);
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
    server.failNext(1, 400, {}, { error: { code: "BadRequest", message: "nope" } });
    const graphError = await graph.identity.apiConnectors.create(SEED_BODY).catch((e: unknown) => e);
    const invalid = await graph.identity.apiConnectors.create({ ...SEED_BODY, authenticationConfiguration: { ...SEED_BODY.authenticationConfiguration, password: 42 } }).catch((e: unknown) => e);
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
    expect(server.requests).toEqual([]);
  });

  it("validates responses in read mode only when asked", async () => {
    server.entities.set("x", { id: "x", displayName: 42 } as never);
    await expect(client().identity.apiConnectors.byId("x").get()).resolves.toMatchObject({ displayName: 42 });
    await expect(client({ validate: "all" }).identity.apiConnectors.byId("x").get()).rejects.toBeInstanceOf(generated.validation.GraphValidationError);
    await expect(client({ validate: "all" }).identity.apiConnectors.list()).rejects.toBeInstanceOf(generated.validation.GraphValidationError);
  });

  it("lets validate: none send anything", async () => {
    server.failNext(1, 400, {}, { error: { code: "Request_BadRequest", message: "Invalid value" } });
    await expect(client({ validate: "none" }).identity.apiConnectors.create({ displayName: 7 })).rejects.toMatchObject({ status: 400 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("checkPermissions", () => {
  it("passes a token with the least-privileged permission, delegated or application", async () => {
    for (const claims of [{ scp: "User.Read APIConnectors.ReadWrite.All" }, { roles: ["APIConnectors.ReadWrite.All"] }]) {
      await client({ getAccessToken: () => fakeJwt(claims), checkPermissions: generated.client.permissionCheck("error") }).identity.apiConnectors.list();
    }
    expect(server.requests).toHaveLength(2);
  });

  it("throws before calling with checkPermissions: error", async () => {
    const graph = client({ getAccessToken: () => fakeJwt({ scp: "User.Read" }), checkPermissions: generated.client.permissionCheck("error") });
    const error = await graph.identity.apiConnectors.create({ displayName: "x" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "missingPermission",
      message: "POST /identity/apiConnectors needs the delegated permission APIConnectors.ReadWrite.All; the access token's scp claim has User.Read",
    });
    expect(server.requests).toEqual([]);
  });

  it("warns and calls with checkPermissions: warn", async () => {
    const warnings: string[] = [];
    const graph = client({ getAccessToken: () => fakeJwt({ roles: ["User.Read.All"] }), checkPermissions: generated.client.permissionCheck("warn", (m: string) => warnings.push(m)) });
    await graph.identity.apiConnectors.list();
    expect(warnings).toEqual([
      "GET /identity/apiConnectors needs the application permission APIConnectors.ReadWrite.All; the access token's roles claim has User.Read.All",
    ]);
    expect(server.requests).toHaveLength(1);
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
