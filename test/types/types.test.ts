// Runs tsc over test/types/narrowing.ts against the committed generated/ package, under both
// nodenext and bundler resolution: the discriminated union narrows, and wrong code is rejected.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTsc } from "../support/output.js";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "graphgen-types-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function typecheck(module: string, moduleResolution: string, files: string[]): string {
  const config = join(work, `tsconfig.${moduleResolution}.json`);
  writeFileSync(
    config,
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module, moduleResolution, target: "es2022", types: [] }, files }),
  );
  return runTsc(["-p", config], root);
}

describe("generated types in user code", () => {
  const files = [join(root, "test/types/narrowing.ts"), join(root, "test/types/open-types.ts")];

  it("narrow on @odata.type, accept the seed body, annotations and extensions, reject typos (nodenext)", () => {
    expect(typecheck("nodenext", "nodenext", files)).toBe("");
  });

  it("narrow on @odata.type, accept the seed body, annotations and extensions, reject typos (bundler)", () => {
    expect(typecheck("esnext", "bundler", files)).toBe("");
  });

  it("reject a wrong discriminator: the @ts-expect-error lines are real errors", () => {
    const broken = join(work, "broken.ts");
    writeFileSync(
      broken,
      `import type { IdentityApiConnector } from ${JSON.stringify(join(root, "generated/src/index.js"))};\n` +
        `export const c: IdentityApiConnector = { authenticationConfiguration: { "@odata.type": "#microsoft.graph.user" } };\n`,
    );
    expect(typecheck("nodenext", "nodenext", [broken])).toContain("error TS2322");
  });
});
