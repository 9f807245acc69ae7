// The full Graph v1.0 metadata with --all: a validator module per entity, complex and enum type,
// type-checked by tsc under the output's strictest settings, and a JSON Schema definition for each.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/generate.js";

let out: string;
let result: GenerateResult;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "graphgen-validators-all-"));
  result = await generate({ all: true, out, format: false });
}, 120_000);

describe("validators for the full v1.0 metadata", () => {
  it("emits one validator module per entity, complex and enum type", () => {
    const validators = result.files.filter((f) => /^src\/validators\/.*\.ts$/.test(f.path) && !f.path.endsWith("/index.ts"));
    expect(validators.length).toBe(result.counts.entity + result.counts.complex + result.counts.enum);
    expect(existsSync(join(out, "src/validators/callRecords/CallRecord.ts"))).toBe(true);
    expect(existsSync(join(out, "src/runtime/validation.ts"))).toBe(true);
  });

  it("type-checks with tsc under the output's tsconfig", () => {
    const tsc = join(process.cwd(), "node_modules/.bin/tsc");
    let output = "";
    try {
      execFileSync(tsc, ["-p", join(out, "tsconfig.json"), "--noEmit"], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.split("\n").filter((line) => line.includes("validators/") || line.includes("runtime/validation")).slice(0, 20)).toEqual([]);
    expect(output).toBe("");
  }, 120_000);

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
