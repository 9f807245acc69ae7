// The real-world gate: all of Graph v1.0 with --all (the shipped metadata and overlay, as a user gets them,
// with a client for broad request paths) generates, every entity, complex and enum type is emitted with its
// validator (counted here independently from the XML), tsc accepts the whole output, strict, and each type
// has its JSON Schema definitions. One generation and one tsc run serve the models', the validators' and the
// client's checks (they were three generations and three tsc runs).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { readLockCounts } from "../../generator/lock.js";
import { ALL_V1, sharedPackage } from "../support/shared-package.js";
import { listFiles, readText, realMetadata, runTsc } from "../support/output.js";


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

describe("all of Graph v1.0", async () => {
  // Shared with the docs corpus (test/corpus) and the client's check (test/client/generation.test.ts).
  const out = await sharedPackage("all", ALL_V1);
  const result = { counts: readLockCounts(out), files: listFiles(out).map((path) => ({ path })) };
  const expected = countTypesInXml(readFileSync(realMetadata, "utf8"));

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
    const output = runTsc(["-p", "tsconfig.json", "--noEmit"], out);
    // Validators and their runtime first, so that a failure there is named before the rest.
    expect(output.split("\n").filter((line) => line.includes("validators/") || line.includes("runtime/validation")).slice(0, 20)).toEqual([]);
    expect(output).toBe("");
  }, 120_000);

  it("type-checks with tsc --strict under bundler resolution", () => {
    writeFileSync(
      join(out, "tsconfig.bundler.json"),
      JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "bundler" } }),
    );
    expect(runTsc(["-p", "tsconfig.bundler.json", "--noEmit"], out)).toBe("");
  }, 120_000);

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
