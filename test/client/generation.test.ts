// What graphgen emits for the client: the default config's modules as whole-file snapshots, user code
// type-checked against them (typed select/expand, wrong names rejected), and the full v1.0 metadata
// with `--all` and broad include paths generating a client that tsc accepts.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config.js";
import { generate } from "../../generator/generate.js";
import { REPO } from "./support/generated-client.js";
import { typecheck } from "./support/typecheck.js";
import { ALL_V1, sharedPackage } from "../support/shared-package.js";

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

/** The kinds of request beyond containment, typed as a user writes them. */
const REACH_USAGE = `
import { createGraphClient } from "./src/client/index.js";
import type { Group } from "./src/models/Group.js";
import type { DriveItem } from "./src/models/DriveItem.js";

export async function reach(user: { id?: string | null }): Promise<void> {
  const graph = createGraphClient({ getAccessToken: () => "token" });
  const members = graph.groups.byId("g").members;
  await members.addRef("u");
  await members.addRef(user);
  await members.removeRef("u");
  const count: number = await members.count({ consistencyLevel: "eventual", filter: "startswith(displayName,'a')" });
  const groups: Group[] = (await graph.users.byId("u").memberOf.asGroup.list({ select: ["displayName"] })).value;
  await graph.users.byId("u").manager.setRef("boss");
  await graph.users.byId("u").manager.removeRef();
  const photo: Uint8Array = await graph.users.byId("u").photo.content.download();
  const stream: ReadableStream<Uint8Array> = await graph.users.byId("u").photo.content.stream();
  const item: DriveItem | undefined = await graph.drives.byId("d").root.byPath("a/b.txt").content.upload("hi", { contentType: "text/plain" });
  // @ts-expect-error an upload needs its content type
  await graph.drives.byId("d").root.byPath("a/b.txt").content.upload("hi");
  // @ts-expect-error memberOf is read through, never created into
  await graph.users.byId("u").memberOf.create({});
  // @ts-expect-error a count is a number, not a page
  (await members.count()).value;
  void [count, groups, photo, stream, item];
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

describe("client for the full v1.0 metadata", () => {
  it("generates with --all and /identity/**, /users/** and type-checks", async () => {
    // The run's shared --all package (test/emit/full-metadata.test.ts type-checks all of it); here its client.
    const out = await sharedPackage("all", ALL_V1);
    expect(ALL_V1.includePaths).toEqual(["/identity/**", "/users/**", "/groups/*/members/**", "/drives/*/root/*"]);
    const client = join(out, "src/client");
    // A subtree of up to 40 paths shares the module of its top path (client/grouping.ts).
    for (const [module, factory] of [
      ["paths/users/byId/messages.ts", "usersByIdMessagesByIdRequests"],
      ["paths/identity/conditionalAccess.ts", "identityConditionalAccessPoliciesRequests"],
      ["paths/identity/apiConnectors.ts", "identityApiConnectorsByIdRequests"],
    ] as const) {
      expect(existsSync(join(client, module)), module).toBe(true);
      expect(readFileSync(join(client, module), "utf8")).toContain(`export const ${factory} =`);
    }
    const table = readFileSync(join(client, "permissions.ts"), "utf8");
    expect(table).toContain('"GET /users/{user-id}/messages"');
    writeFileSync(join(out, "reach.ts"), REACH_USAGE);
    // The user code against the client's entry point and what it reaches.
    expect(typecheck(out, ["src/client/index.ts", "reach.ts"])).toBe("");
  }, 120_000);
});
