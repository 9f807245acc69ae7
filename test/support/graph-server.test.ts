// Pins the Graph test server's wire behaviour with plain fetch, so client tests can rely on exact shapes.
// Everything binds to and talks to 127.0.0.1 only.
import { X509Certificate } from "node:crypto";
import https from "node:https";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CaptureServer,
  GRAPH_JSON_CONTENT_TYPE,
  type GraphServer,
  certificateThumbprint,
  startCaptureServer,
  startGraphServer,
} from "./graph-server.js";
import { type SelfSignedCert, createSelfSignedCert } from "./tls-cert.js";

const TOKEN = "token-for-graph";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface CallOptions extends RequestInit {
  json?: unknown;
  token?: string | null;
}
interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

let server: GraphServer;
beforeEach(async () => {
  server = await startGraphServer({ pageSize: 2 });
});
afterEach(async () => {
  await server.close();
});

async function call(pathOrUrl: string, { json, token = TOKEN, ...init }: CallOptions = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  if (json !== undefined) headers.set("content-type", "application/json");
  const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${server.baseUrl}${pathOrUrl}`;
  const res = await fetch(url, { ...init, headers, body: json === undefined ? init.body : JSON.stringify(json) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}

async function create(displayName: string, extra: Record<string, unknown> = {}): Promise<any> {
  const reply = await call("/identity/apiConnectors", { method: "POST", json: { displayName, ...extra } });
  expect(reply.status).toBe(201);
  return reply.body;
}

function graphError(code: string, message: string, clientRequestId: unknown = expect.stringMatching(GUID)) {
  const date = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  return { error: { code, message, innerError: { date, "request-id": expect.stringMatching(GUID), "client-request-id": clientRequestId } } };
}

const setUrl = () => `${server.baseUrl}/identity/apiConnectors`;

describe("apiConnectors entity set", () => {
  it("creates an entity with a server-assigned GUID, Graph's context and JSON content type", async () => {
    const basic = { "@odata.type": "#microsoft.graph.basicAuthentication", username: "u", password: "p" };
    const reply = await call("/identity/apiConnectors", {
      method: "POST",
      json: { displayName: "Check", targetUrl: "https://example.invalid/hook", authenticationConfiguration: basic },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get("content-type")).toBe(GRAPH_JSON_CONTENT_TYPE);
    expect(reply.body).toEqual({
      "@odata.context": `${server.baseUrl}/$metadata#identity/apiConnectors/$entity`,
      id: expect.stringMatching(GUID),
      displayName: "Check",
      targetUrl: "https://example.invalid/hook",
      authenticationConfiguration: basic,
    });
    expect([...server.entities.keys()]).toEqual([reply.body.id]);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1.0/identity/apiConnectors", token: TOKEN });
    expect(server.requests[0]?.body).toEqual({ displayName: "Check", targetUrl: "https://example.invalid/hook", authenticationConfiguration: basic });
  });

  it("rejects non-JSON payloads, client-supplied ids and unknown properties", async () => {
    const unreadable = "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.";
    const text = await call("/identity/apiConnectors", { method: "POST", body: "displayName=x", headers: { "content-type": "text/plain" } });
    expect(text).toMatchObject({ status: 400, body: graphError("BadRequest", unreadable) });
    const broken = await call("/identity/apiConnectors", { method: "POST", body: "{", headers: { "content-type": "application/json" } });
    expect(broken).toMatchObject({ status: 400, body: graphError("BadRequest", unreadable) });
    const withId = await call("/identity/apiConnectors", { method: "POST", json: { id: "mine", displayName: "x" } });
    expect(withId).toMatchObject({ status: 400, body: graphError("Request_BadRequest", "Property 'id' is read-only and cannot be set.") });
    const unknown = await call("/identity/apiConnectors", { method: "POST", json: { colour: "red" } });
    expect(unknown).toMatchObject({ status: 400, body: graphError("Request_BadRequest", "Invalid property 'colour'.") });
    expect(server.entities.size).toBe(0);
  });

  it("pages across three pages with absolute nextLinks carrying $skiptoken and the original options", async () => {
    for (const name of ["e", "c", "a", "d", "b"]) await create(name);
    const pages: any[] = [];
    let url: string | undefined = `${setUrl()}?$count=true&$orderby=displayName&$select=displayName`;
    while (url) {
      const reply = await call(url);
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      url = reply.body["@odata.nextLink"];
    }
    expect(pages.map((p) => p.value.map((e: any) => e.displayName))).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(pages.map((p) => p["@odata.count"])).toEqual([5, 5, 5]);
    expect(pages[0]).toEqual({
      "@odata.context": `${server.baseUrl}/$metadata#identity/apiConnectors(displayName)`,
      "@odata.count": 5,
      "@odata.nextLink": expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/identity\/apiConnectors\?/),
      value: [
        { id: expect.stringMatching(GUID), displayName: "a" },
        { id: expect.stringMatching(GUID), displayName: "b" },
      ],
    });
    const next = new URL(pages[1]["@odata.nextLink"]);
    expect(next.origin).toBe(server.origin);
    expect(Object.fromEntries(next.searchParams)).toEqual({
      $count: "true",
      $orderby: "displayName",
      $select: "displayName",
      $skiptoken: expect.any(String),
    });
    expect(pages[2]).not.toHaveProperty("@odata.nextLink");
  });

  it("applies $top, $skip, $filter and $orderby desc, and rejects unsupported filters", async () => {
    for (const name of ["alpha", "Alpine", "beta", "gamma"]) await create(name);
    const names = async (query: string) => (await call(`/identity/apiConnectors?${query}`)).body.value.map((e: any) => e.displayName);
    expect(await names("$top=1")).toEqual(["alpha"]);
    expect(await names("$skip=1&$top=5")).toEqual(["Alpine", "beta"]);
    expect(await names("$filter=displayName eq 'beta'")).toEqual(["beta"]);
    expect(await names(`$filter=${encodeURIComponent("startswith(displayName,'alp')")}`)).toEqual(["alpha", "Alpine"]);
    expect(await names("$orderby=displayName desc&$skip=1")).toEqual(["beta", "alpha"]);
    const unsupported = await call("/identity/apiConnectors?$filter=targetUrl ne null");
    expect(unsupported).toMatchObject({
      status: 400,
      body: graphError("Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified: 'targetUrl ne null'."),
    });
  });

  it("gets one entity with $select, always including id", async () => {
    const created = await create("One", { targetUrl: "https://example.invalid/one" });
    const full = await call(`/identity/apiConnectors/${created.id}`);
    expect(full).toMatchObject({ status: 200, body: created });
    const selected = await call(`/identity/apiConnectors/${created.id}?$select=targetUrl`);
    expect(selected.body).toEqual({
      "@odata.context": `${server.baseUrl}/$metadata#identity/apiConnectors(targetUrl)/$entity`,
      id: created.id,
      targetUrl: "https://example.invalid/one",
    });
  });

  it("merges on PATCH with 204, deletes with 204, then answers 404 with Graph's error body and ids", async () => {
    const created = await create("Before", { targetUrl: "https://example.invalid/keep" });
    const patch = await call(`/identity/apiConnectors/${created.id}`, { method: "PATCH", json: { displayName: "After" } });
    expect(patch).toMatchObject({ status: 204, body: undefined });
    expect((await call(`/identity/apiConnectors/${created.id}`)).body).toEqual({ ...created, displayName: "After" });
    expect((await call(`/identity/apiConnectors/${created.id}`, { method: "DELETE" })).status).toBe(204);
    const missing = await call(`/identity/apiConnectors/${created.id}`, { headers: { "client-request-id": "my-correlation" } });
    const message = `Resource '${created.id}' does not exist or one of its queried reference-property objects are not present.`;
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(graphError("Request_ResourceNotFound", message, "my-correlation"));
    expect(missing.headers.get("client-request-id")).toBe("my-correlation");
    expect(missing.headers.get("request-id")).toBe(missing.body.error.innerError["request-id"]);
  });

  it("uploads a client certificate through both action spellings and validates parameters", async () => {
    const created = await create("Cert");
    for (const action of ["uploadClientCertificate", "microsoft.graph.uploadClientCertificate"]) {
      const reply = await call(`/identity/apiConnectors/${created.id}/${action}`, {
        method: "POST",
        json: { pkcs12Value: "MIIKPQIBAzCCCf", password: "secret" },
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        ...created,
        authenticationConfiguration: {
          "@odata.type": "#microsoft.graph.clientCertificateAuthentication",
          certificateList: [
            { thumbprint: certificateThumbprint("MIIKPQIBAzCCCf"), notAfter: expect.stringMatching(ISO), notBefore: expect.stringMatching(ISO), isActive: true },
          ],
        },
      });
    }
    expect(certificateThumbprint("MIIKPQIBAzCCCf")).toMatch(/^[0-9A-F]{40}$/);
    const missing = await call(`/identity/apiConnectors/${created.id}/uploadClientCertificate`, { method: "POST", json: { pkcs12Value: "x" } });
    expect(missing).toMatchObject({
      status: 400,
      body: graphError("Request_BadRequest", "The parameter 'password' is required and must be a non-empty string."),
    });
  });

  it("decodes ids from the path segment, so a%2Fb is looked up as a/b", async () => {
    server.entities.set("a/b", { id: "a/b", displayName: "Slashed" });
    const reply = await call(`/identity/apiConnectors/${encodeURIComponent("a/b")}?$select=displayName`);
    expect(reply).toMatchObject({ status: 200, body: { id: "a/b", displayName: "Slashed" } });
    expect(server.requests.at(-1)?.path).toBe("/v1.0/identity/apiConnectors/a%2Fb");
    const unencoded = await call("/identity/apiConnectors/a/b");
    // Unencoded, the slash splits the path: id "a" followed by an unknown segment "b".
    expect(unencoded).toMatchObject({ status: 404, body: graphError("ResourceNotFound", "Resource not found for the segment 'b'.") });
  });
});

describe("protocol behaviour", () => {
  it("requires a bearer token and logs every token received", async () => {
    const none = await call("/identity/apiConnectors", { token: null });
    expect(none).toMatchObject({ status: 401, body: graphError("InvalidAuthenticationToken", "Access token is empty.") });
    const basic = await call("/identity/apiConnectors", { token: null, headers: { authorization: "Basic dTpw" } });
    expect(basic.status).toBe(401);
    expect((await call("/identity/apiConnectors", { token: "second" })).status).toBe(200);
    expect(server.requests.map((r) => r.token)).toEqual([undefined, undefined, "second"]);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    const unknown = await call("/users");
    expect(unknown).toMatchObject({ status: 404, body: graphError("ResourceNotFound", "Resource not found for the segment '/v1.0/users'.") });
    const wrong = await call("/identity/apiConnectors", { method: "PUT", json: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expect(wrong.body).toEqual(graphError("BadRequest", "Specified HTTP method is not allowed for the request target."));
  });

  it("records what reaches the capture server, which answers an empty page; reset clears the Graph server", async () => {
    const capture: CaptureServer = await startCaptureServer();
    try {
      await create("x");
      const followed = await call(`${capture.origin}/v1.0/identity/apiConnectors?$skiptoken=1`, { token: null });
      expect(followed).toMatchObject({ status: 200, body: { value: [] } });
      expect(capture.requests).toHaveLength(1);
      expect(capture.requests[0]).toMatchObject({ method: "GET", token: undefined });
      expect(capture.requests[0]?.headers.authorization).toBeUndefined();
      server.reset();
      expect([server.requests.length, server.entities.size]).toEqual([0, 0]);
    } finally {
      await capture.close();
    }
  });
});

describe("https mode", () => {
  let cert: SelfSignedCert;
  let secure: GraphServer;
  beforeAll(async () => {
    cert = await createSelfSignedCert();
    secure = await startGraphServer({ tls: cert });
  });
  afterAll(async () => {
    await secure?.close();
  });

  function get(url: string, options: https.RequestOptions): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      https
        .get(url, options, (res) => {
          let body = "";
          res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
        })
        .on("error", reject);
    });
  }

  it("mints a cert whose SAN covers 127.0.0.1 and localhost", () => {
    expect(cert.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(new X509Certificate(cert.cert).subjectAltName).toBe("IP Address:127.0.0.1, DNS:localhost");
  });

  it("serves over https trusted via ca, and is rejected without it", async () => {
    expect(secure.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    const headers = { authorization: `Bearer ${TOKEN}` };
    const reply = await get(`${secure.baseUrl}/identity/apiConnectors`, { ca: cert.cert, headers });
    expect(reply).toEqual({ status: 200, body: { "@odata.context": `${secure.baseUrl}/$metadata#identity/apiConnectors`, value: [] } });
    await expect(get(`${secure.baseUrl}/identity/apiConnectors`, { headers })).rejects.toMatchObject({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect(secure.requests.at(-1)?.token).toBe(TOKEN);
  });
});
