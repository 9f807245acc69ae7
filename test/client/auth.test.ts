// Credentials, clouds and middleware of the generated client: the TokenCredential and MSAL adapters against a
// token endpoint on 127.0.0.1 (client-credentials grant, as Microsoft Entra ID answers it), the cloud's base
// URL and scope together, the cache, the one renewal on Graph's 401 for an expired token, and the middleware
// chain around the client and the fake Graph. Nothing leaves the machine.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateMock, SEED_BODY, type GeneratedMock } from "../mock/support/generated-mock.js";

/** A token endpoint like Entra ID's `/{tenant}/oauth2/v2.0/token`: client credentials in, a numbered token out. */
class TokenEndpoint {
  readonly requests: Array<{ tenant: string; grant: string | null; clientId: string | null; scope: string | null }> = [];
  expiresIn = 3599;
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const tenant = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.url ?? "")?.[1];
        if (req.method !== "POST" || !tenant || form.get("client_secret") !== "secret") {
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_request" }));
          return;
        }
        this.requests.push({ tenant, grant: form.get("grant_type"), clientId: form.get("client_id"), scope: form.get("scope") });
        const answer = { token_type: "Bearer", expires_in: this.expiresIn, access_token: `token-${this.requests.length}` };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A TokenCredential as @azure/identity's ClientSecretCredential is one: its own code, only the shape shared. */
class LocalClientSecretCredential {
  calls = 0;
  constructor(
    private readonly authorityHost: string,
    private readonly tenantId: string,
    private readonly clientId: string,
    private readonly secret: string,
  ) {}

  async getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number }> {
    this.calls++;
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: this.clientId, client_secret: this.secret, scope: [scopes].flat().join(" ") });
    const response = await fetch(`${this.authorityHost}/${this.tenantId}/oauth2/v2.0/token`, { method: "POST", body: form });
    const json = (await response.json()) as { access_token: string; expires_in: number };
    return { token: json.access_token, expiresOnTimestamp: Date.now() + json.expires_in * 1000 };
  }
}

/** An MSAL ConfidentialClientApplication's client-credential flow, by its shape, against the same endpoint. */
const msalApp = (endpoint: TokenEndpoint, skips: boolean[]) => ({
  async acquireTokenByClientCredential(request: { scopes: string[]; skipCache?: boolean }) {
    skips.push(request.skipCache === true);
    const token = await new LocalClientSecretCredential(endpoint.url, "contoso", "app", "secret").getToken(request.scopes);
    return { accessToken: token.token, expiresOn: new Date(token.expiresOnTimestamp) };
  },
});

let endpoint: TokenEndpoint;
let generated: GeneratedMock;
let auth: any;
let middleware: any;

beforeAll(async () => {
  generated = await generateMock();
  auth = await generated.module("client/auth");
  middleware = await generated.module("client/middleware");
});
afterAll(() => generated?.dispose());
beforeEach(async () => {
  endpoint = new TokenEndpoint();
  await endpoint.start();
  return () => endpoint.stop();
});

const credential = () => new LocalClientSecretCredential(endpoint.url, "contoso", "app", "secret");

describe("clouds", () => {
  // concepts/deployments.md of microsoftgraph/microsoft-graph-docs-contrib at 032e3efe8cdb8bc6811e883e3ec10124ea51a1f9:
  // the Microsoft Graph service root and the Microsoft Entra ID endpoint of each national cloud.
  it.each([
    ["global", "https://graph.microsoft.com", "https://login.microsoftonline.com"],
    ["usGov", "https://graph.microsoft.us", "https://login.microsoftonline.us"],
    ["usGovDoD", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"],
    ["china", "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"],
  ])("%s: base URL, .default scope and authority host together", async (cloud, graph, login) => {
    expect(auth.graphCloud(cloud)).toEqual({ baseUrl: `${graph}/v1.0`, scope: `${graph}/.default`, authorityHost: login });
    const adapter = auth.tokenCredentialAuth(credential(), { cloud });
    expect(adapter.baseUrl).toBe(`${graph}/v1.0`);
    expect(await adapter.getAccessToken()).toBe("token-1");
    expect(endpoint.requests).toEqual([{ tenant: "contoso", grant: "client_credentials", clientId: "app", scope: `${graph}/.default` }]);
  });

  it("beta changes the base URL only", () => {
    expect(auth.tokenCredentialAuth(credential(), { cloud: "china", version: "beta" })).toMatchObject({
      baseUrl: "https://microsoftgraph.chinacloudapi.cn/beta",
      scopes: ["https://microsoftgraph.chinacloudapi.cn/.default"],
    });
  });
});

describe("token cache", () => {
  it("asks once while the token is fresh, and again shortly before it expires", async () => {
    let now = Date.now();
    const adapter = auth.tokenCredentialAuth(credential(), { now: () => now, refreshBeforeMs: 60_000 });
    expect(await Promise.all([adapter.getAccessToken(), adapter.getAccessToken(), adapter.getAccessToken()])).toEqual(["token-1", "token-1", "token-1"]);
    now += 3599_000 - 61_000;
    expect(await adapter.getAccessToken()).toBe("token-1");
    now += 2_000;
    expect(await adapter.getAccessToken()).toBe("token-2");
    expect(await adapter.getAccessToken({ forceRefresh: true })).toBe("token-3");
    expect(endpoint.requests.length).toBe(3);
  });

  it("MSAL: client credentials with the cloud's scope, skipping MSAL's cache only to renew", async () => {
    const skips: boolean[] = [];
    const adapter = auth.msalAuth(msalApp(endpoint, skips), { cloud: "usGovDoD" });
    expect([await adapter.getAccessToken(), await adapter.getAccessToken(), await adapter.getAccessToken({ forceRefresh: true })]).toEqual(["token-1", "token-1", "token-2"]);
    expect(skips).toEqual([false, true]);
    expect(endpoint.requests.map((r) => r.scope)).toEqual(["https://dod-graph.microsoft.us/.default", "https://dod-graph.microsoft.us/.default"]);
  });

  it("MSAL: the silent flow with a signed-in account", async () => {
    const seen: unknown[] = [];
    const app = {
      async acquireTokenSilent(request: { scopes: string[]; account: unknown; forceRefresh?: boolean }) {
        seen.push(request);
        return { accessToken: "user-token", expiresOn: null };
      },
    };
    const account = { homeAccountId: "u1" };
    const adapter = auth.msalAuth(app, { account, scopes: ["User.Read"] });
    expect(await adapter.getAccessToken()).toBe("user-token");
    expect(seen).toEqual([{ scopes: ["User.Read"], account, forceRefresh: false }]);
  });
});

describe("the client with an adapter", () => {
  /** Graph answers the first token with 401 expired (the body Graph sends), later ones as the fake Graph does. */
  const expiringGraph = (mock: any, error: { code: string; message: string }) => {
    const seen: string[] = [];
    const graphFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const token = new Headers(init?.headers).get("authorization") ?? "";
      seen.push(token);
      if (token === "Bearer token-1") return Response.json({ error: { ...error, innerError: { "request-id": "r1" } } }, { status: 401 });
      return mock.fetch(input, init);
    };
    return { seen, graphFetch };
  };

  it("renews an expired token once and sends the request again", async () => {
    const mock = generated.createMockGraph();
    const { seen, graphFetch } = expiringGraph(mock, { code: "InvalidAuthenticationToken", message: "Lifetime validation failed, the token is expired." });
    const adapter = auth.tokenCredentialAuth(credential(), { fetch: graphFetch });
    const graph = generated.client.createGraphClient({ ...adapter });
    const created = await graph.identity.apiConnectors.create(SEED_BODY);
    // The mock answers the password as Graph does (******): the rest of the body comes back as sent.
    expect(created).toMatchObject({ displayName: SEED_BODY.displayName, targetUrl: SEED_BODY.targetUrl });
    expect(seen).toEqual(["Bearer token-1", "Bearer token-2"]);
    // The next request uses the renewed token from the cache.
    await graph.identity.apiConnectors.list();
    expect(seen.at(-1)).toBe("Bearer token-2");
    expect(endpoint.requests.length).toBe(2);
  });

  it("does not retry a 401 that is not about expiry", async () => {
    const mock = generated.createMockGraph();
    const { seen, graphFetch } = expiringGraph(mock, { code: "InvalidAuthenticationToken", message: "Access token validation failure. Invalid audience." });
    const graph = generated.client.createGraphClient({ ...auth.tokenCredentialAuth(credential(), { fetch: graphFetch }) });
    await expect(graph.identity.apiConnectors.list()).rejects.toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    expect(seen).toEqual(["Bearer token-1"]);
  });
});

describe("middleware", () => {
  it("runs before each request in order and after each response in reverse, and may set headers", async () => {
    const mock = generated.createMockGraph();
    const log: string[] = [];
    const named = (name: string) => ({
      beforeRequest(request: any) {
        log.push(`${name} before ${request.method} ${new URL(request.url).pathname}`);
        request.headers.set(`x-${name}`, "1");
      },
      afterResponse(_request: any, response: Response) {
        log.push(`${name} after ${response.status}`);
      },
    });
    const graph = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: middleware.withMiddleware([named("a"), named("b")], mock.fetch) });
    await graph.identity.apiConnectors.create(SEED_BODY);
    expect(log).toEqual(["a before POST /v1.0/identity/apiConnectors", "b before POST /v1.0/identity/apiConnectors", "b after 201", "a after 201"]);
    expect(mock.requests[0].headers).toMatchObject({ "x-a": "1", "x-b": "1", authorization: "Bearer token" });
  });

  it("a span per request: timing and status from the hooks' shared context, errors through onError", async () => {
    const mock = generated.createMockGraph();
    const spans: Array<{ name: string; status?: number; error?: string }> = [];
    const trace = {
      beforeRequest: (request: any) => request.context.set("span", { name: `${request.method} ${new URL(request.url).pathname}` }),
      afterResponse: (request: any, response: Response) => void spans.push({ ...request.context.get("span"), status: response.status }),
      onError: (request: any, error: Error) => void spans.push({ ...request.context.get("span"), error: error.message }),
    };
    const graph = generated.client.createGraphClient({ getAccessToken: () => "token", fetch: middleware.withMiddleware([trace], mock.fetch), retry: false });
    await expect(graph.identity.apiConnectors.byId("nope").get()).rejects.toMatchObject({ status: 404 });
    const failing = middleware.withMiddleware([trace], () => Promise.reject(new TypeError("fetch failed")));
    await expect(failing("https://graph.microsoft.com/v1.0/identity/apiConnectors")).rejects.toThrow("fetch failed");
    expect(spans).toEqual([
      { name: "GET /v1.0/identity/apiConnectors/nope", status: 404 },
      { name: "GET /v1.0/identity/apiConnectors", error: "fetch failed" },
    ]);
  });

  it("composes with an adapter's renewing fetch, and may answer in place of Graph (a test double)", async () => {
    const double = { afterResponse: (request: any) => (request.url.endsWith("/$count") ? new Response("42", { headers: { "content-type": "text/plain" } }) : undefined) };
    const mock = generated.createMockGraph();
    const adapter = auth.tokenCredentialAuth(credential(), { fetch: mock.fetch });
    const graph = generated.client.createGraphClient({ ...adapter, fetch: middleware.withMiddleware([double], adapter.fetch) });
    expect(await graph.identity.apiConnectors.count()).toBe(42);
    expect(mock.requests.map((r: any) => r.headers.authorization)).toEqual(["Bearer token-1"]);
  });
});
