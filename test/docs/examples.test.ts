// The docs' code examples compile: every TypeScript example of the default config's site against the
// committed generated/ client, and every @microsoft/microsoft-graph-client example against that package,
// with tsc in strict mode. An example that no longer matches the client fails here, not in a reader's editor.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runTsc } from "../support/output.js";
import { defaultConfig, renderSite } from "./support/site.js";

// Inside the repository, so `@microsoft/microsoft-graph-client` resolves from its node_modules.
const work = join(repoRoot, ".vitest-tmp", `docs-examples-${process.pid}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FENCE = /```(ts|js)\n([\s\S]*?)```/g;

describe("code examples in the docs", () => {
  const examples = new Set<string>();
  for (const file of renderSite(defaultConfig()).filter((f) => f.path.endsWith(".md"))) {
    for (const match of file.content.matchAll(FENCE)) examples.add(match[2] as string);
  }

  it("compile with tsc --strict against the generated client and @microsoft/microsoft-graph-client", () => {
    mkdirSync(work, { recursive: true });
    [...examples].forEach((code, i) => writeFileSync(join(work, `example-${i}.ts`), `declare const token: string;\n${code}export {};\n`));
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "esnext",
          moduleResolution: "bundler",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          paths: { "graphgen-microsoft-graph/client/index": [join(repoRoot, "generated/src/client/index.ts")] },
        },
        include: ["*.ts"],
      }),
    );
    // Each request of the default config has its example: list, create, count, get, update, delete and
    // uploadClientCertificate, 7 with the generated client and 7 with the SDK, all different (the permission
    // page repeats one of them).
    expect(examples.size).toBe(14);
    expect(runTsc(["-p", "tsconfig.json"], work)).toBe("");
  });
});
