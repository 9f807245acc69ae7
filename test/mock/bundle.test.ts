// The mock bundles only into tests: a bundle of the client (by subpath or from the package root) holds
// no module of src/mock, and the mock itself bundles for the browser without node:http.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMock, type GeneratedMock } from "./support/generated-mock.js";

let generated: GeneratedMock;
beforeAll(async () => {
  generated = await generateMock();
});
afterAll(() => generated?.dispose());

/** The source files esbuild put into a minified ESM bundle of `source`. */
async function bundledInputs(source: string): Promise<string[]> {
  const entry = join(generated.dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  try {
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, metafile: true, logLevel: "silent" });
    return Object.keys(result.metafile.inputs);
  } finally {
    rmSync(entry);
  }
}

describe("the mock stays out of the client's bundle", () => {
  it.each([
    ["the client by subpath", `import { createGraphClient } from "./src/client/index.js";\nexport { createGraphClient };\n`],
    ["the package root", `import { createGraphClient, validateIdentityApiConnector } from "./src/index.js";\nexport { createGraphClient, validateIdentityApiConnector };\n`],
  ])("importing %s bundles no mock module", async (_, source) => {
    const inputs = await bundledInputs(source);
    expect(inputs.some((path) => path.includes("src/client/runtime.ts"))).toBe(true);
    expect(inputs.filter((path) => path.includes("src/mock/"))).toEqual([]);
  });

  it("the mock bundles for a browser test without resolving node:http", async () => {
    const inputs = await bundledInputs(`import { createMockGraph } from "./src/mock/index.js";\nexport { createMockGraph };\n`);
    expect(inputs.some((path) => path.includes("src/mock/graph.ts"))).toBe(true);
    expect(inputs.some((path) => path.includes("node:"))).toBe(false);
  });
});
