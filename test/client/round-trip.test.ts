// The generated client against the Graph-like test server: the seed's body through create, list,
// paging, get with $select, update, uploadClientCertificate, delete, and a 404 as GraphError.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.js";
import { generateDefaultClient, SEED_BODY, type GeneratedClient } from "./support/generated-client.js";

const TOKEN = "token-for-graph";
let generated: GeneratedClient;
let server: GraphServer;
let graph: any;

beforeAll(async () => {
  generated = await generateDefaultClient();
  server = await startGraphServer({ pageSize: 2 });
});
afterAll(async () => {
  await server?.close();
  generated?.dispose();
});
beforeEach(() => {
  server.reset();
  graph = generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl });
});

describe("round trip on /identity/apiConnectors", () => {
  it("creates the seed's connector and sends every field of the derived authentication type", async () => {
    const created = await graph.identity.apiConnectors.create(SEED_BODY);
    expect(created).toMatchObject({ ...SEED_BODY, id: expect.any(String) });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1.0/identity/apiConnectors", token: TOKEN, body: SEED_BODY });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  it("lists with $select and $top, and follows @odata.nextLink over several pages", async () => {
    for (const name of ["e", "c", "a", "d", "b"]) await graph.identity.apiConnectors.create({ ...SEED_BODY, displayName: name });
    server.requests.length = 0;
    const page = await graph.identity.apiConnectors.list({ select: ["displayName"], orderby: "displayName", count: true });
    expect(page.value).toEqual([
      { id: expect.any(String), displayName: "a" },
      { id: expect.any(String), displayName: "b" },
    ]);
    expect(page["@odata.count"]).toBe(5);
    expect(server.requests[0]?.query).toEqual({ $select: "displayName", $orderby: "displayName", $count: "true" });

    const names: string[] = [];
    for await (const connector of graph.identity.apiConnectors.listAll({ orderby: ["displayName"], select: ["displayName"] })) names.push(connector.displayName);
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
    expect(server.requests.slice(1).map((r) => r.method)).toEqual(["GET", "GET", "GET"]);
    expect(server.requests.every((r) => r.token === TOKEN)).toBe(true);

    const top = await graph.identity.apiConnectors.list({ top: 1, orderby: "displayName" });
    expect(top.value.map((c: any) => c.displayName)).toEqual(["a"]);
  });

  it("gets with $select, updates with PATCH, uploads a client certificate and deletes", async () => {
    const { id } = await graph.identity.apiConnectors.create(SEED_BODY);
    const connector = graph.identity.apiConnectors.byId(id);
    expect(await connector.get({ select: ["displayName", "targetUrl"] })).toEqual({
      "@odata.context": `${server.baseUrl}/$metadata#identity/apiConnectors(displayName,targetUrl)/$entity`,
      id,
      displayName: "Test API",
      targetUrl: "https://someapi.com/api",
    });
    expect(await connector.update({ displayName: "Renamed" })).toBeUndefined();
    expect(server.entities.get(id)?.displayName).toBe("Renamed");
    const uploaded = await connector.uploadClientCertificate({ pkcs12Value: "cGtjczEy", password: "secret" });
    expect(uploaded.authenticationConfiguration["@odata.type"]).toBe("#microsoft.graph.clientCertificateAuthentication");
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: `/v1.0/identity/apiConnectors/${id}/uploadClientCertificate` });
    expect(await connector.delete()).toBeUndefined();
    expect(server.entities.has(id)).toBe(false);
  });

  it("turns a 404 into a GraphError with Graph's code, message, innerError and headers", async () => {
    const error = await graph.identity.apiConnectors.byId("missing").get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.client.GraphError);
    expect(error).toMatchObject({
      status: 404,
      code: "Request_ResourceNotFound",
      message: "GET /identity/apiConnectors/{identityApiConnector-id} failed with 404 Request_ResourceNotFound: Resource 'missing' does not exist or one of its queried reference-property objects are not present.",
      innerError: { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), date: expect.stringMatching(/^\d{4}-/) },
    });
    expect(error.headers["request-id"]).toBe(error.innerError.requestId);
  });

  it("encodes ids into one path segment", async () => {
    server.entities.set("a/b?c#d", { id: "a/b?c#d", displayName: "odd" } as never);
    expect((await graph.identity.apiConnectors.byId("a/b?c#d").get()).displayName).toBe("odd");
    expect(server.requests.at(-1)?.path).toBe("/v1.0/identity/apiConnectors/a%2Fb%3Fc%23d");
    server.requests.length = 0;
    for (const id of ["..", ".", ""]) {
      expect(() => graph.identity.apiConnectors.byId(id)).toThrow(generated.client.GraphClientError);
    }
    expect(server.requests).toEqual([]);
  });
});
