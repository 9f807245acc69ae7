// The generated mock behind the generated client (default config, real metadata): the seed's connector
// round-trips through create, get, list, update, uploadClientCertificate and delete in memory; bodies are
// checked like Graph does; faults, the request log, handlers, listen() and the permission mode.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeJwt, generateMock, SEED_BODY, type GeneratedMock } from "./support/generated-mock.js";

let generated: GeneratedMock;
let mock: any;
let graph: any;

beforeAll(async () => {
  generated = await generateMock();
});
afterAll(() => generated?.dispose());
beforeEach(() => {
  let next = 0;
  mock = generated.createMockGraph({ pageSize: 2, newId: () => `id-${++next}`, now: () => new Date("2026-01-02T03:04:05Z") });
  graph = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, retry: { baseDelayMs: 1 } });
});

const connectors = () => graph.identity.apiConnectors;

describe("the seed's connector through the client and the mock, no socket", () => {
  it("round-trips create, get, list, update, uploadClientCertificate and delete", async () => {
    const created = await connectors().create(SEED_BODY);
    // Graph never answers the password it was sent (identityapiconnector-create: "password": "******").
    const answered = { ...SEED_BODY, authenticationConfiguration: { ...SEED_BODY.authenticationConfiguration, password: "******" } };
    expect(created).toEqual({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/apiConnectors/$entity", id: "id-1", ...answered });
    const connector = connectors().byId("id-1");
    expect(await connector.get({ select: ["displayName"] })).toEqual({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/apiConnectors(displayName)/$entity",
      displayName: "Test API",
    });
    expect((await connectors().list()).value).toEqual([{ id: "id-1", ...answered }]);
    expect(mock.read("/identity/apiConnectors/id-1")[0].authenticationConfiguration.password).toBe("MyPassword");
    expect(await connector.update({ displayName: "Renamed" })).toBeUndefined();
    expect(mock.read("/identity/apiConnectors/id-1")[0]).toMatchObject({ displayName: "Renamed", targetUrl: SEED_BODY.targetUrl });
    const uploaded = await connector.uploadClientCertificate({ pkcs12Value: "cGtjczEy", password: "secret" });
    expect(uploaded).toMatchObject({ id: "id-1", displayName: "Renamed" });
    expect(await connector.delete()).toBeUndefined();
    expect(mock.read("/identity/apiConnectors")).toEqual([]);
    expect(mock.requests.map((r: any) => `${r.method} ${r.template} ${r.status}`)).toEqual([
      "POST /identity/apiConnectors 201",
      "GET /identity/apiConnectors/{identityApiConnector-id} 200",
      "GET /identity/apiConnectors 200",
      "PATCH /identity/apiConnectors/{identityApiConnector-id} 204",
      "POST /identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate 200",
      "DELETE /identity/apiConnectors/{identityApiConnector-id} 204",
    ]);
    expect(mock.requests[0]).toMatchObject({ path: "/identity/apiConnectors", body: SEED_BODY, headers: { authorization: "Bearer token" } });
  });

  it("answers a registered handler for a bound action, with the bound entity", async () => {
    mock.seed("/identity/apiConnectors", [{ id: "c1", displayName: "API" }]);
    mock.handle("uploadClientCertificate", (call: any) => {
      call.update({ authenticationConfiguration: { "@odata.type": "#microsoft.graph.clientCertificateAuthentication", certificateList: [] } });
      return { id: call.entity.id, password: call.parameters.password.length };
    });
    expect(await connectors().byId("c1").uploadClientCertificate({ pkcs12Value: "x", password: "secret" })).toEqual({ id: "c1", password: 6 });
    expect(mock.read("/identity/apiConnectors/c1")[0].authenticationConfiguration["@odata.type"]).toBe("#microsoft.graph.clientCertificateAuthentication");
    mock.handle("POST /identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate", () => {
      throw new Error("handler bug");
    });
    const failed = await connectors().byId("c1").uploadClientCertificate({ pkcs12Value: "x", password: "y" }).catch((e: any) => e);
    expect(failed).toMatchObject({ status: 500, code: "InternalServerError" });
    expect(failed.message).toContain("The mock Graph failed: handler bug");
  });

  it("pages with @odata.nextLink that the client follows, and filters", async () => {
    mock.seed("/identity/apiConnectors", ["e", "c", "a", "d", "b"].map((displayName) => ({ displayName })));
    const first = await connectors().list({ orderby: "displayName", count: true });
    expect(first.value.map((c: any) => c.displayName)).toEqual(["a", "b"]);
    expect(first["@odata.count"]).toBe(5);
    expect(first["@odata.nextLink"]).toBe("https://graph.microsoft.com/v1.0/identity/apiConnectors?$orderby=displayName&$count=true&$skiptoken=2");
    const names: string[] = [];
    for await (const c of connectors().listAll({ orderby: "displayName desc" })) names.push(c.displayName);
    expect(names).toEqual(["e", "d", "c", "b", "a"]);
    const filtered = await connectors().list({ filter: "startsWith(displayName,'A') or displayName eq 'd' and id ne 'x'" });
    expect(filtered.value.map((c: any) => c.displayName)).toEqual(["a", "d"]);
    expect((await connectors().list({ top: 1, skip: 3 })).value.map((c: any) => c.displayName)).toEqual(["d"]);
  });
});

describe("Graph's answers to bad requests", () => {
  it("checks bodies with the generated validators: Graph's 400 shape with details", async () => {
    const raw = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, validate: "none" });
    const error = await raw.identity.apiConnectors.create({ displayName: 42, colour: "red" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: "BadRequest" });
    const response = await mock.fetch("https://graph.microsoft.com/v1.0/identity/apiConnectors", {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json", "client-request-id": "c-1" },
      body: JSON.stringify({ ...SEED_BODY, displayName: 42 }),
    });
    const body = await response.json();
    expect(body).toEqual({
      error: {
        code: "BadRequest",
        message: "Invalid request body: /displayName: expected Edm.String, received number 42",
        details: [{ code: "InvalidValue", message: "expected Edm.String, received number 42", target: "/displayName" }],
        innerError: { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), "request-id": response.headers.get("request-id"), "client-request-id": "c-1" },
      },
    });
  });

  it("ignores read-only properties on write and sets them itself", async () => {
    const created = await mock.fetch("https://graph.microsoft.com/v1.0/identity/apiConnectors", {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ ...SEED_BODY, id: "mine", displayName: "x" }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("https://graph.microsoft.com/v1.0/identity/apiConnectors/id-1");
    expect(await created.json()).toMatchObject({ id: "id-1", displayName: "x" });
  });

  it("answers 404, 405, 401 and unsupported query options as Graph does", async () => {
    const error = await connectors().byId("missing").get().catch((e: any) => e);
    expect(error.message).toBe(
      "GET /identity/apiConnectors/{identityApiConnector-id} failed with 404 Request_ResourceNotFound: Resource 'missing' does not exist or one of its queried reference-property objects are not present.",
    );
    const send = (path: string, init: RequestInit = {}) => mock.fetch(`https://graph.microsoft.com/v1.0${path}`, { headers: { authorization: "Bearer t" }, ...init });
    expect((await send("/identity/apiConnectors", { method: "DELETE" })).status).toBe(405);
    expect((await mock.fetch("https://graph.microsoft.com/v1.0/identity/apiConnectors")).status).toBe(401);
    const filter = await (await send("/identity/apiConnectors?$filter=authenticationConfiguration/username eq 'a'")).json();
    expect(filter.error).toMatchObject({
      code: "Request_UnsupportedQuery",
      message: "The $filter expression 'authenticationConfiguration/username eq 'a'' is not supported by the mock Graph.",
    });
    const has = await (await send("/identity/apiConnectors?$filter=displayName has 'a'")).json();
    expect(has.error.message).toBe("The $filter operator 'has' is not supported by the mock Graph.");
    const search = await (await send("/identity/apiConnectors?$search=\"displayName:a\"")).json();
    expect(search.error.message).toBe("The query option '$search' is not supported by the mock Graph.");
    const expand = await (await send("/identity/apiConnectors?$expand=x")).json();
    expect(expand.error.message).toBe("Could not find a navigation property named 'x' to expand.");
    const apply = await (await send("/identity/apiConnectors?$apply=x")).json();
    expect(apply.error.message).toBe("The query option '$apply' is not supported by the mock Graph.");
    const select = await (await send("/identity/apiConnectors?$select=nope")).json();
    expect(select.error.message).toBe("Could not find a property named 'nope' on type 'microsoft.graph.identityApiConnector'.");
  });
});

describe("faults for tests", () => {
  it("a throttled call (429 with Retry-After) is retried by the client", async () => {
    mock.fault("GET /identity/apiConnectors", { status: 429, retryAfter: 0, times: 2 });
    expect((await connectors().list()).value).toEqual([]);
    expect(mock.requests.map((r: any) => r.status)).toEqual([429, 429, 200]);
  });

  it("503 until the client gives up, a dropped connection, and latency", async () => {
    const remove = mock.fault("/identity/**", { status: 503 });
    const error = await connectors().list().catch((e: any) => e);
    expect(error).toMatchObject({ status: 503, code: "ServiceUnavailable" });
    expect(mock.requests).toHaveLength(4);
    remove();
    mock.fault("POST /identity/apiConnectors", { drop: true, times: 2 });
    // fetch rejects as on a network error (what the client makes of it is the client's business).
    await expect(mock.fetch("https://graph.microsoft.com/v1.0/identity/apiConnectors", { method: "POST" })).rejects.toThrow("fetch failed");
    await expect(connectors().create({ ...SEED_BODY, displayName: "x" })).rejects.toMatchObject({ code: "networkError" });
    expect(mock.requests.at(-1)).toMatchObject({ method: "POST", template: "/identity/apiConnectors", status: 0 });
    mock.fault("/identity/apiConnectors/{id}", { latencyMs: 30 });
    mock.seed("/identity/apiConnectors", [{ id: "slow" }]);
    const started = performance.now();
    await connectors().byId("slow").get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe("a permission mode reading the token's scp and roles", () => {
  it("answers 403 unless the token holds a permission Graph accepts for the request", async () => {
    const enforcing = generated.createMockGraph({ permissions: "enforce" });
    const as = (claims: Record<string, unknown>) => generated.client.createGraphClient({ getAccessToken: () => fakeJwt(claims), fetch: enforcing.fetch });
    const denied = await as({ scp: "User.Read" }).identity.apiConnectors.list().catch((e: any) => e);
    expect(denied).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
    expect(denied.message).toBe(
      "GET /identity/apiConnectors failed with 403 Authorization_RequestDenied: Insufficient privileges to complete the operation. GET /identity/apiConnectors needs the delegated permission APIConnectors.ReadWrite.All; the access token's scp claim has User.Read",
    );
    expect((await as({ scp: "User.Read APIConnectors.ReadWrite.All" }).identity.apiConnectors.list()).value).toEqual([]);
    expect((await as({ roles: ["APIConnectors.ReadWrite.All"] }).identity.apiConnectors.list()).value).toEqual([]);
    expect(await as({ roles: ["User.Read.All"] }).identity.apiConnectors.list().catch((e: any) => e.status)).toBe(403);
    const unreadable = await generated.client.createGraphClient({ getAccessToken: () => "opaque", fetch: enforcing.fetch }).identity.apiConnectors.list().catch((e: any) => e);
    expect(unreadable).toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
  });
});

describe("listen(): the same Graph on a socket", () => {
  it("serves plain HTTP clients on 127.0.0.1 with nextLinks on its own origin", async () => {
    const server = await mock.listen();
    try {
      expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
      mock.seed("/identity/apiConnectors", [{ displayName: "a" }, { displayName: "b" }, { displayName: "c" }]);
      const overSocket = generated.client.createGraphClient({ getAccessToken: () => "token", baseUrl: server.baseUrl });
      const names: string[] = [];
      for await (const c of overSocket.identity.apiConnectors.listAll()) names.push(c.displayName);
      expect(names).toEqual(["a", "b", "c"]);
      const page = await (await fetch(`${server.baseUrl}/identity/apiConnectors`, { headers: { authorization: "Bearer t" } })).json();
      expect(page["@odata.nextLink"]).toBe(`${server.baseUrl}/identity/apiConnectors?$skiptoken=2`);
      mock.fault("/identity/apiConnectors", { drop: true, times: 1 });
      await expect(fetch(`${server.baseUrl}/identity/apiConnectors`, { headers: { authorization: "Bearer t" } })).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
