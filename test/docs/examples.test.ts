// The docs' code examples compile: every TypeScript example of the default config's site against the
// committed generated/ client, and every @microsoft/microsoft-graph-client example against that package,
// with tsc in strict mode. An example that no longer matches the client fails here, not in a reader's editor.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { repoRoot } from "../support/output.js";
import { codeExamples, compileExamples, examplesWork } from "./support/examples.js";
import { defaultConfig, renderSite } from "./support/site.js";

const work = examplesWork("docs-examples");
const inPlace = examplesWork("docs-examples-in-place");
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(inPlace, { recursive: true, force: true });
});

describe("code examples in the docs", () => {
  const examples = codeExamples(renderSite(defaultConfig()));

  it("compile with tsc --strict against the generated client and @microsoft/microsoft-graph-client", () => {
    // Each request of the default config has its example: list, create, count, get, update, delete and
    // uploadClientCertificate, 7 with the generated client and 7 with the SDK, all different (the permission
    // page repeats one of them).
    expect(examples.size).toBe(14);
    expect(compileExamples(examples, work, { packageName: "graphgen-microsoft-graph", clientIndex: join(repoRoot, "generated/src/client/index.ts") })).toBe("");
  });

  it("import from where the package is: a relative path from src/ for an out inside it", async () => {
    const out = join(inPlace, "src/graph");
    const inPlaceExamples = codeExamples(renderSite({ ...defaultConfig(), out }));
    const imports = new Set([...inPlaceExamples].flatMap((code) => code.match(/^import .* from ".*";$/gm) ?? []));
    expect([...imports].sort()).toEqual([
      'import { Client } from "@microsoft/microsoft-graph-client";',
      'import { createGraphClient } from "./graph/src/client/index.js";',
    ]);
    // The package generated there (JavaScript + .d.ts, the default inside src/), the examples beside it in src/.
    await generate({ ...defaultConfig(), out, format: false });
    expect(compileExamples(inPlaceExamples, join(inPlace, "src"))).toBe("");
  }, 120_000);
});
