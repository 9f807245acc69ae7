// Property-based: for random valid CSDL documents, generation never throws and tsc accepts the
// output. Short in CI (FUZZ_RUNS, default 12); `npm run fuzz` runs many more.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { runTsc, tempDir } from "../support/output.js";
import { csdlDocument } from "./csdl-arbitrary.js";

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const work = tempDir("fuzz");
afterAll(() => { if (!process.env.FUZZ_KEEP) rmSync(work, { recursive: true, force: true }); });

describe("random valid CSDL", () => {
  it(`generates without throwing and type-checks (${runs} documents)`, async () => {
    const cases: string[] = [];
    await fc.assert(
      fc.asyncProperty(csdlDocument, async (document) => {
        const dir = join(work, `case-${cases.length}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "metadata.xml"), document);
        await generate({ metadata: join(dir, "metadata.xml"), all: true, out: join(dir, "out"), rootNamespace: "fuzz", format: false, cwd: dir });
        cases.push(dir);
      }),
      { numRuns: runs, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    // One tsc run over every generated package keeps this affordable.
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({ extends: "./case-0/out/tsconfig.json", compilerOptions: { rootDir: "." }, include: cases.map((c) => `${c}/out/src`) }),
    );
    expect(runTsc(["-p", "tsconfig.json", "--noEmit"], work)).toBe("");
  }, 300_000);
});
