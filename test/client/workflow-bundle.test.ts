// Workflows cost nothing to a client that does not import them: esbuild bundles of the generated package's
// sources hold client/batch, client/delta and client/upload only when the consumer imports them.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDefaultClient, type GeneratedClient } from "./support/generated-client.js";

let generated: GeneratedClient;
beforeAll(async () => {
  generated = await generateDefaultClient();
});
afterAll(() => generated?.dispose());

/** The generated client modules a consumer's bundle holds. */
async function clientModules(source: string): Promise<string[]> {
  const entry = join(generated.dir, "consumer.ts");
  writeFileSync(entry, source);
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, metafile: true, logLevel: "error" });
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0]?.inputs ?? {});
  return inputs.filter((path) => path.includes("src/client/") && !path.includes("/paths/")).map((path) => path.replace(/^.*src\/client\//, "")).sort();
}

describe("workflow modules in a consumer's bundle", () => {
  it("are left out of a client that does not import them", async () => {
    const modules = await clientModules(`import { createGraphClient } from "./src/client/index.js";\nexport { createGraphClient };\n`);
    expect(modules).toEqual(["errors.ts", "index.ts", "retry.ts", "runtime.ts"]);
  });

  it("come in one by one, as imported", async () => {
    const source = (module: string, name: string) =>
      `import { createGraphClient } from "./src/client/index.js";\nimport { ${name} } from "./src/client/${module}.js";\nexport { createGraphClient, ${name} };\n`;
    expect(await clientModules(source("batch", "batch"))).toEqual(["batch.ts", "errors.ts", "index.ts", "retry.ts", "runtime.ts"]);
    expect(await clientModules(source("upload", "uploadLargeFile"))).toEqual(["errors.ts", "index.ts", "retry.ts", "runtime.ts", "upload.ts"]);
    expect(await clientModules(source("delta", "deltaSync"))).toEqual(["delta.ts", "errors.ts", "index.ts", "retry.ts", "runtime.ts"]);
  });
});

describe("a request builder imported on its own", () => {
  it("bundles its own specs, not those of the other builders in its module", async () => {
    // /identity, /identity/apiConnectors and /identity/apiConnectors/{id} share client/paths/identity (client/grouping.ts).
    const entry = join(generated.dir, "one-builder.ts");
    writeFileSync(entry, `export { identityApiConnectorsByIdRequests } from "./src/client/paths/identity.js";\n`);
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, logLevel: "error" });
    const text = result.outputFiles[0]?.text ?? "";
    expect(text).toContain('"/identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate"');
    // The collection's list, create and count specs, and the factories of the other two paths, are dropped.
    expect(text).not.toContain('"/identity/apiConnectors/$count"');
    expect(text).not.toContain('"/identity/apiConnectors"');
    expect(text).not.toContain("apiConnectors`");
  });
});
