// The real-world gate: all of Graph v1.0 with --all (the shipped metadata and overlay, as a user gets them,
// with a client for broad request paths) generates, every entity, complex and enum type is emitted with its
// validator (counted here independently from the XML), tsc accepts the whole output, strict, under nodenext and
// under bundler resolution, and each type has its JSON Schema definitions; user code of every kind of request
// beyond containment type-checks against the client. One generation and one tsc process serve the models', the
// validators' and the client's checks: `tsc -b` builds the two programs one after the other and parses each
// file once for both.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { readLockCounts } from "../../generator/lock.js";
import { ALL_V1, sharedPackage } from "../support/shared-package.js";
import { listFiles, readText, realMetadata, runTscBuild } from "../support/output.js";

/** Full names of the metadata's types by kind, read with plain regular expressions, not graphgen's parser. */
function countTypesInXml(xml: string): Record<"entity" | "complex" | "enum", Set<string>> {
  const kinds = { entity: new Set<string>(), complex: new Set<string>(), enum: new Set<string>() };
  const elements = { EntityType: kinds.entity, ComplexType: kinds.complex, EnumType: kinds.enum };
  for (const schema of xml.split(/<Schema /).slice(1)) {
    const namespace = /^Namespace="([^"]+)"/.exec(schema)?.[1];
    // Attributes come in any order (the real file has `<EntityType HasStream="true" Name="message"`).
    for (const match of schema.matchAll(/<(EntityType|ComplexType|EnumType)\b[^>]*?\sName="([^"]+)"/g)) {
      elements[match[1] as keyof typeof elements].add(`${namespace}.${match[2]}`);
    }
  }
  return kinds;
}

/** The kinds of request beyond containment, typed as a user writes them (type-checked with the nodenext program). */
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

/** The compiler options of the programs tsc checks the package with, over the output's own tsconfig. */
const PROGRAMS = { nodenext: {}, bundler: { module: "esnext", moduleResolution: "bundler" } };
type Program = keyof typeof PROGRAMS;

/** tsc's diagnostics for each program over `out` (its src/ and reach.ts), "" where clean: one `tsc -b` for both. */
function typecheckPrograms(out: string): Record<Program, string> {
  writeFileSync(join(out, "reach.ts"), REACH_USAGE);
  const configs = Object.entries(PROGRAMS).map(([name, options]) => {
    const config = { extends: "./tsconfig.json", compilerOptions: { ...options, noEmit: true, rootDir: "." }, include: ["src", "reach.ts"] };
    writeFileSync(join(out, `tsconfig.check-${name}.json`), JSON.stringify(config));
    return [name, `tsconfig.check-${name}.json`] as const;
  });
  const output = runTscBuild(configs.map(([, file]) => file), out);
  return Object.fromEntries(configs.map(([name, file]) => [name, output.get(file)])) as Record<Program, string>;
}

describe("all of Graph v1.0", async () => {
  // Shared with the docs corpus (test/corpus).
  const out = await sharedPackage("all", ALL_V1);
  const result = { counts: readLockCounts(out), files: listFiles(out).map((path) => ({ path })) };
  const expected = countTypesInXml(readFileSync(realMetadata, "utf8"));
  let checked: Record<Program, string> | undefined;
  const tsc = () => (checked ??= typecheckPrograms(out));

  it("emits every entity, complex and enum type of the metadata", () => {
    expect([expected.entity.size, expected.complex.size, expected.enum.size]).toEqual([1182, 1780, 861]);
    expect(result.counts).toMatchObject({ entity: 1182, complex: 1780, enum: 861 });
    const emitted = new Set<string>();
    for (const path of listFiles(join(out, "src/models"))) {
      for (const match of readText(join(out, "src/models"), path).matchAll(/@see (\S+)$/gm)) emitted.add(match[1]!);
    }
    for (const kind of ["entity", "complex", "enum"] as const) {
      const missing = [...expected[kind]].filter((name) => !emitted.has(name));
      expect(missing, `${kind} types without a module`).toEqual([]);
    }
  });

  it("type-checks with tsc --strict under nodenext, the output's own tsconfig", () => {
    const output = tsc().nodenext;
    // Validators and their runtime first, so that a failure there is named before the rest.
    expect(output.split("\n").filter((line) => line.includes("validators/") || line.includes("runtime/validation")).slice(0, 20)).toEqual([]);
    expect(output).toBe("");
  }, 120_000);

  it("type-checks with tsc --strict under bundler resolution", () => {
    expect(tsc().bundler).toBe("");
  }, 120_000);

  describe("client", () => {
    it("groups a subtree's request builders in the module of its top path; user code of each kind of request type-checks", () => {
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
      expect(readFileSync(join(client, "permissions.ts"), "utf8")).toContain('"GET /users/{user-id}/messages"');
      // reach.ts is in the nodenext program, with the package's own settings (an unused @ts-expect-error fails).
      expect(tsc().nodenext.split("\n").filter((line) => line.startsWith("reach.ts"))).toEqual([]);
      expect(tsc().nodenext).toBe("");
    }, 120_000);
  });

  describe("validators", () => {
    it("emits one validator module per entity, complex and enum type", () => {
      const validators = result.files.filter((f) => /^src\/validators\/.*\.ts$/.test(f.path) && !f.path.endsWith("/index.ts"));
      expect(validators.length).toBe(result.counts.entity + result.counts.complex + result.counts.enum);
      expect(existsSync(join(out, "src/validators/callRecords/CallRecord.ts"))).toBe(true);
      expect(existsSync(join(out, "src/runtime/validation.ts"))).toBe(true);
    });

    it("describes every structured type twice (declared and exact) and every enum once in the JSON Schema", () => {
      const schema = JSON.parse(readFileSync(join(out, "schemas/graph.schema.json"), "utf8")) as { $defs: Record<string, unknown> };
      expect(Object.keys(schema.$defs).length).toBe(2 * (result.counts.entity + result.counts.complex) + result.counts.enum);
    });

    it("bundles one validator without the rest of the package (tree-shaking)", async () => {
      const bundle = await build({
        stdin: { contents: 'export { validateIdentityApiConnector } from "./src/index.js";', resolveDir: out, loader: "ts" },
        bundle: true,
        minify: true,
        format: "esm",
        write: false,
        logLevel: "silent",
      });
      const size = bundle.outputFiles[0]!.contents.length;
      expect(size).toBeLessThan(10_000);
    });
  });
});
