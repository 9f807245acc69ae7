// The consumer's own test of app.ts against the generated mock, compiled with tsc --strict and run with
// node. It prints one JSON line of results (and the time the app test took) for the harness to check.
import { createMockGraph } from "PACKAGE/mock";
import { createGraphClient, GraphError } from "PACKAGE/client/index";
import { addMemberOnce } from "./app.js";

const results: Record<string, unknown> = {};
const SEED_BODY = {
  displayName: "Test API",
  targetUrl: "https://someapi.com/api",
  authenticationConfiguration: { "@odata.type": "#microsoft.graph.basicAuthentication" as const, username: "MyUsername", password: "MyPassword" },
};

// Nothing may leave the process: the app and the client get the mock's fetch, never the global one.
globalThis.fetch = () => Promise.reject(new Error("the test reached for the network"));

async function appTest(): Promise<number> {
  const started = performance.now();
  const mock = createMockGraph();
  mock.seed("/groups", [{ id: "g1", displayName: "Engineering" }]);
  mock.seed("/users", [
    { id: "u1", displayName: "Ada" },
    { id: "u2", displayName: "Grace" },
  ]);
  mock.seed("/groups/g1/members", [{ "@odata.type": "#microsoft.graph.user", id: "u1" }]);
  const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });
  const before = await addMemberOnce(graph, "g1", "u2");
  const after = mock.read("/groups/g1/members").map((member) => member.id);
  const again = await addMemberOnce(graph, "g1", "u2");
  const elapsed = performance.now() - started;
  results.app = { before, after, again, requests: mock.requests.map((r) => `${r.method} ${r.template} ${r.status}`) };
  return elapsed;
}

async function roundTrip(): Promise<void> {
  const mock = createMockGraph();
  const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, retry: { baseDelayMs: 1 } });
  const created = await graph.identity.apiConnectors.create(SEED_BODY);
  const connector = graph.identity.apiConnectors.byId(created.id ?? "");
  const got = await connector.get({ select: ["displayName"] });
  const listed = (await graph.identity.apiConnectors.list()).value.length;
  await connector.update({ displayName: "Renamed" });
  const uploaded = await connector.uploadClientCertificate({ pkcs12Value: "cGtjczEy", password: "secret" });
  await connector.delete();
  const left = (await graph.identity.apiConnectors.list()).value.length;
  results.roundTrip = { created: created.displayName, got: got.displayName, listed, uploaded: uploaded?.displayName, left };

  const unchecked = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, validate: "none" });
  const invalid = await unchecked.identity.apiConnectors.create({ displayName: 42 } as never).catch((e: unknown) => e);
  results.invalid = invalid instanceof GraphError ? { status: invalid.status, code: invalid.code, message: invalid.message } : String(invalid);

  mock.fault("GET /identity/apiConnectors", { status: 429, retryAfter: 0, times: 1 });
  await graph.identity.apiConnectors.list();
  results.throttled = mock.requests.slice(-2).map((r) => r.status);
}

const cold = await appTest();
const warm: number[] = [];
for (let i = 0; i < 20; i++) warm.push(await appTest());
warm.sort((a, b) => a - b);
await roundTrip();
console.log(JSON.stringify({ ...results, timing: { coldMs: cold, warmMedianMs: warm[10] } }));
