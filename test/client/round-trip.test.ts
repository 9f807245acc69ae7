// The generated client against the generated fake Graph on a socket: the seed's body through create,
// list, paging, get with $select, update, uploadClientCertificate, delete, and a 404 as GraphError.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_BODY, startMockGraph, type ListeningMock } from "./support/mock-server.js";

const TOKEN = "token-for-graph";
let server: ListeningMock;
let mock: any;
let graph: any;

beforeAll(async () => {
  server = await startMockGraph({ pageSize: 2 });
  mock = server.mock;
});
afterAll(() => server?.close());
beforeEach(() => {
  mock.reset();
  graph = server.client({ getAccessToken: () => TOKEN });
});

const stored = (id: string) => mock.read("/identity/apiConnectors").find((c: any) => c.id === id);

describe("round trip on /identity/apiConnectors", () => {
  it("creates the seed's connector and sends every field of the derived authentication type", async () => {
    const created = await graph.identity.apiConnectors.create(SEED_BODY);
    // Every field is sent and stored; Graph answers the password as ****** (identityapiconnector-create).
    const answered = { ...SEED_BODY, authenticationConfiguration: { ...SEED_BODY.authenticationConfiguration, password: "******" } };
    expect(created).toMatchObject({ ...answered, id: expect.any(String) });
    expect(stored(created.id)).toMatchObject(SEED_BODY);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({ method: "POST", path: "/identity/apiConnectors", headers: { authorization: `Bearer ${TOKEN}` }, body: SEED_BODY });
    expect(mock.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  it("lists with $select and $top, and follows @odata.nextLink over several pages", async () => {
    for (const name of ["e", "c", "a", "d", "b"]) await graph.identity.apiConnectors.create({ ...SEED_BODY, displayName: name });
    const before = mock.requests.length;
    const page = await graph.identity.apiConnectors.list({ select: ["displayName"], orderby: "displayName", count: true });
    // Graph answers exactly the selected properties (no id unless selected).
    expect(page.value).toEqual([{ displayName: "a" }, { displayName: "b" }]);
    expect(page["@odata.count"]).toBe(5);
    expect(mock.requests[before]?.query).toEqual({ $select: "displayName", $orderby: "displayName", $count: "true" });

    const names: string[] = [];
    for await (const connector of graph.identity.apiConnectors.listAll({ orderby: ["displayName"], select: ["displayName"] })) names.push(connector.displayName);
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
    expect(mock.requests.slice(before + 1).map((r: any) => r.method)).toEqual(["GET", "GET", "GET"]);
    expect(mock.requests.every((r: any) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);

    const top = await graph.identity.apiConnectors.list({ top: 1, orderby: "displayName" });
    expect(top.value.map((c: any) => c.displayName)).toEqual(["a"]);
  });

  it("gets with $select, updates with PATCH, uploads a client certificate and deletes", async () => {
    const { id } = await graph.identity.apiConnectors.create(SEED_BODY);
    const connector = graph.identity.apiConnectors.byId(id);
    expect(await connector.get({ select: ["displayName", "targetUrl"] })).toEqual({
      "@odata.context": `${server.baseUrl}/$metadata#identity/apiConnectors(displayName,targetUrl)/$entity`,
      displayName: "Test API",
      targetUrl: "https://someapi.com/api",
    });
    expect(await connector.update({ displayName: "Renamed" })).toBeUndefined();
    expect(stored(id)?.displayName).toBe("Renamed");
    // Graph's answer is the connector with its new authentication; the test decides it, as users' tests do.
    mock.handle("uploadClientCertificate", (call: any) => {
      call.update({ authenticationConfiguration: { "@odata.type": "#microsoft.graph.clientCertificateAuthentication", certificateList: [] } });
      return stored(id);
    });
    const uploaded = await connector.uploadClientCertificate({ pkcs12Value: "cGtjczEy", password: "secret" });
    expect(uploaded.authenticationConfiguration["@odata.type"]).toBe("#microsoft.graph.clientCertificateAuthentication");
    expect(mock.requests.at(-1)).toMatchObject({ method: "POST", path: `/identity/apiConnectors/${id}/uploadClientCertificate`, body: { pkcs12Value: "cGtjczEy", password: "secret" } });
    expect(await connector.delete()).toBeUndefined();
    expect(stored(id)).toBeUndefined();
  });

  it("turns a 404 into a GraphError with Graph's code, message, innerError and headers", async () => {
    const error = await graph.identity.apiConnectors.byId("missing").get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(server.generated.client.GraphError);
    expect(error).toMatchObject({
      status: 404,
      code: "Request_ResourceNotFound",
      message: "GET /identity/apiConnectors/{identityApiConnector-id} failed with 404 Request_ResourceNotFound: Resource 'missing' does not exist or one of its queried reference-property objects are not present.",
      innerError: { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), date: expect.stringMatching(/^\d{4}-/) },
    });
    expect(error.headers["request-id"]).toBe(error.innerError.requestId);
  });

  it("encodes ids into one path segment", async () => {
    mock.seed("/identity/apiConnectors", [{ id: "a/b?c#d", displayName: "odd" }]);
    expect((await graph.identity.apiConnectors.byId("a/b?c#d").get()).displayName).toBe("odd");
    expect(mock.requests.at(-1)?.path).toBe("/identity/apiConnectors/a%2Fb%3Fc%23d");
    mock.reset();
    for (const id of ["..", ".", ""]) {
      expect(() => graph.identity.apiConnectors.byId(id)).toThrow(server.generated.client.GraphClientError);
    }
    expect(mock.requests).toEqual([]);
  });
});
