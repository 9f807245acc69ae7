// The seed's JavaScript example sent through Microsoft's @microsoft/microsoft-graph-client and through
// our client to the same TLS server: same method, path and JSON body, derived-type fields included
// (Kiota's serializer drops username/password from this very body).
import { AuthenticationHandler, Client, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.js";
import { createSelfSignedCert } from "../support/tls-cert.js";
import { generateDefaultClient, SEED_BODY, type GeneratedClient } from "./support/generated-client.js";
import { tlsFetch } from "./support/tls-fetch.js";

const TOKEN = "token-for-graph";
let generated: GeneratedClient;
let server: GraphServer;
let fetchTls: typeof fetch;

beforeAll(async () => {
  const cert = await createSelfSignedCert();
  fetchTls = tlsFetch(cert.cert);
  server = await startGraphServer({ tls: cert });
  generated = await generateDefaultClient();
});
afterAll(async () => {
  await server?.close();
  generated?.dispose();
});

/** graph-client's last middleware: sends the request it built, as built, over TLS to the test server. */
function sender(): Middleware {
  return {
    async execute(context: Context) {
      context.response = await fetchTls(context.request as string, context.options as RequestInit);
    },
    setNext() {},
  };
}

function graphClient(): Client {
  const auth = new AuthenticationHandler({ getAccessToken: async () => TOKEN });
  auth.setNext(sender());
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${server.origin}/`, customHosts: new Set(["127.0.0.1"]) });
}

const wire = (request: GraphServer["requests"][number] | undefined) => ({
  method: request?.method,
  path: request?.path,
  body: request?.body,
  token: request?.token,
  contentType: request?.headers["content-type"]?.split(";")[0],
});

describe("wire compatibility with @microsoft/microsoft-graph-client", () => {
  it("sends the seed's POST /identity/apiConnectors exactly as graph-client does", async () => {
    server.reset();
    // The seed's example, verbatim apart from the client set-up.
    const identityApiConnector = {
      displayName: "Test API",
      targetUrl: "https://someapi.com/api",
      authenticationConfiguration: {
        "@odata.type": "#microsoft.graph.basicAuthentication",
        username: "MyUsername",
        password: "MyPassword",
      },
    };
    const theirs = await graphClient().api("/identity/apiConnectors").post(identityApiConnector);

    const graph = generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl, fetch: fetchTls });
    const ours = await graph.identity.apiConnectors.create(identityApiConnector);

    expect(server.requests).toHaveLength(2);
    const [viaGraphClient, viaOurs] = server.requests;
    expect(wire(viaOurs)).toEqual(wire(viaGraphClient));
    expect(wire(viaOurs)).toEqual({ method: "POST", path: "/v1.0/identity/apiConnectors", body: SEED_BODY, token: TOKEN, contentType: "application/json" });
    const { id: _theirs, ...theirFields } = theirs;
    const { id: _ours, ...ourFields } = ours;
    expect(ourFields).toEqual(theirFields);
  });
});
