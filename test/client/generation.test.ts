// What graphgen emits for the client: the default config's modules as whole-file snapshots, user code
// type-checked against them (typed select/expand, wrong names rejected). The client of the full v1.0 metadata
// (`--all` and broad include paths) is checked with the rest of it in test/emit/full-metadata.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config.js";
import { generate } from "../../generator/generate.js";
import { REPO } from "./support/generated-client.js";
import { typecheck } from "./support/typecheck.js";

const work = mkdtempSync(join(tmpdir(), "graphgen-client-gen-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

const USAGE = `
import { createGraphClient, GraphError, permissionCheck, permissions, type CollectionPage } from "./src/client/index.js";
import type { IdentityApiConnector } from "./src/models/IdentityApiConnector.js";

export async function usage(): Promise<void> {
  const graph = createGraphClient({ getAccessToken: async () => "token", retry: { maxRetries: 2 }, checkPermissions: permissionCheck("warn") });
  const created: IdentityApiConnector = await graph.identity.apiConnectors.create({
    displayName: "Test API",
    targetUrl: "https://someapi.com/api",
    authenticationConfiguration: { "@odata.type": "#microsoft.graph.basicAuthentication", username: "MyUsername", password: "MyPassword" },
  });
  const page: CollectionPage<IdentityApiConnector> = await graph.identity.apiConnectors.list({ select: ["displayName", "targetUrl"], top: 10, headers: { ConsistencyLevel: "eventual" } });
  for await (const c of graph.identity.apiConnectors.listAll({ filter: "displayName eq 'x'", orderby: ["displayName"] })) c.displayName?.toUpperCase();
  await graph.identity.apiConnectors.byId(created.id ?? "").get({ select: ["id"] });
  await graph.identity.apiConnectors.byId("x").update({ displayName: "y" });
  await graph.identity.apiConnectors.byId("x").uploadClientCertificate({ pkcs12Value: "v", password: "p" });
  await graph.identity.apiConnectors.byId("x").delete({ signal: AbortSignal.timeout(1000) });
  // @ts-expect-error select takes the type's property names only
  await graph.identity.apiConnectors.list({ select: ["colour"] });
  // @ts-expect-error identityApiConnector has no navigation properties to expand
  await graph.identity.apiConnectors.byId("x").get({ expand: ["displayName"] });
  // @ts-expect-error create takes an identityApiConnector
  await graph.identity.apiConnectors.create({ displayName: 42 });
  // @ts-expect-error a connector has no such action
  await graph.identity.apiConnectors.byId("x").resetPassword();
  const entry = permissions["POST /identity/apiConnectors"];
  entry?.delegated[0]?.name.toLowerCase();
  void page;
  void GraphError;
}
`;

describe("client for the default config", () => {
  const out = join(work, "default");

  it("emits the request builders of a path subtree in one module, matching the snapshots", async () => {
    await generate({ ...loadConfig(join(REPO, "graphgen.config.json")), out }, { force: true });
    const files = filesUnder(join(out, "src/client"));
    expect(files).toEqual([
      "accepted-permissions.ts",
      "auth.ts",
      "batch.ts",
      "delta.ts",
      "errors.ts",
      "exports.ts",
      "index.ts",
      "middleware.ts",
      "paths/identity.ts",
      "permission-types.ts",
      "permissions.ts",
      "retry.ts",
      "runtime.ts",
      "token-permissions.ts",
      "upload.ts",
    ]);
    for (const file of files) {
      await expect(readFileSync(join(out, "src/client", file), "utf8")).toMatchFileSnapshot(`__snapshots__/default/${file}.snap`);
    }
    expect(readFileSync(join(out, "src/index.ts"), "utf8")).toContain('export * from "./client/index.js";');
  });

  it("type-checks user code and rejects wrong names", () => {
    writeFileSync(join(out, "usage.ts"), USAGE);
    expect(typecheck(out, ["src/index.ts", "usage.ts"])).toBe("");
  });
});
