// Every example the docs site shows runs against the generated fake Graph and passes its validation: the
// generated client's, @microsoft/microsoft-graph-client's and the raw HTTP one, for each request of the
// default config. A body that compiles but Graph would refuse (a create without a required property) fails here.
import { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMock, SEED_BODY, type GeneratedMock } from "../mock/support/generated-mock.js";
import { codeExamples } from "./support/examples.js";
import { defaultConfig, renderSite } from "./support/site.js";

const files = renderSite(defaultConfig());
const code = [...codeExamples(files)];
const clientExamples = code.filter((c) => c.includes("createGraphClient"));
const sdkExamples = code.filter((c) => c.includes("@microsoft/microsoft-graph-client"));
const httpExamples = [
  ...new Set(files.filter((f) => f.path.endsWith(".md")).flatMap((f) => [...f.content.matchAll(/```http\n([\s\S]*?)```/g)].map((m) => m[1] as string))),
];
/** The key the examples use (`byId("identityApiConnector-id")`, `{identityApiConnector-id}`): seeded as a real connector. */
const KEY = "identityApiConnector-id";
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

let generated: GeneratedMock;
beforeAll(async () => {
  generated = await generateMock();
});
afterAll(() => generated?.dispose());

function freshMock(): any {
  const mock = generated.createMockGraph();
  mock.seed("/identity/apiConnectors", [{ id: KEY, ...SEED_BODY }]);
  return mock;
}

/** Runs an example's code (plain JavaScript after its import line) with the names it expects in scope. */
async function runExample(source: string, names: Record<string, unknown>): Promise<void> {
  const body = source.replace(/^import .*\n/m, "");
  await new AsyncFunction(...Object.keys(names), body)(...Object.values(names));
}

const statuses = (mock: any) => mock.requests.map((r: any) => `${r.method} ${r.template} ${r.status}`);

describe("the docs' examples against the fake Graph", () => {
  it("shows one example per request of the default config, each way", () => {
    expect([clientExamples.length, sdkExamples.length, httpExamples.length]).toEqual([7, 7, 7]);
  });

  it.each(clientExamples)("the generated client's example runs: %s", async (example) => {
    const mock = freshMock();
    const createGraphClient = (options: object) => generated.client.createGraphClient({ ...options, fetch: mock.fetch });
    await runExample(example, { createGraphClient, token: "token" });
    expect(statuses(mock)).toEqual([expect.stringMatching(/ 20[0-4]$/)]);
  });

  it.each(sdkExamples)("@microsoft/microsoft-graph-client's example runs: %s", async (example) => {
    const mock = freshMock();
    const original = globalThis.fetch;
    globalThis.fetch = mock.fetch;
    try {
      await runExample(example, { Client, token: "token" });
    } finally {
      globalThis.fetch = original;
    }
    expect(statuses(mock)).toEqual([expect.stringMatching(/ 20[0-4]$/)]);
  });

  it.each(httpExamples)("the HTTP example is answered with success: %s", async (example) => {
    const mock = freshMock();
    const [head = "", ...rest] = example.split("\n");
    const blank = rest.indexOf("");
    const headers = Object.fromEntries(rest.slice(0, blank < 0 ? rest.length : blank).filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]));
    const body = blank < 0 ? "" : rest.slice(blank + 1).join("\n").trim();
    const [method, url] = head.split(" ") as [string, string];
    const response = await mock.fetch(url.replace(/\{([^}]+)\}/g, "$1"), { method, headers: { authorization: "Bearer token", ...headers }, ...(body ? { body } : {}) });
    expect([response.status, await response.text()]).toEqual([expect.toSatisfy((s: number) => s >= 200 && s < 300), expect.anything()]);
  });
});
