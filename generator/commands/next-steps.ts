// `generate`'s closing lines: how to import what was made (the package name, or the relative path from a
// module in the project's src/) and how to use the fake Graph in a test. Read from the output folder, so
// an up-to-date run that wrote nothing says the same.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedOptions } from "../options.js";
import { importSpecifiers } from "../package/imports.js";

export function nextSteps(options: Pick<ResolvedOptions, "out" | "cwd" | "packageName" | "emit">): string {
  const made = (module: string) => [".ts", ".js"].some((extension) => existsSync(join(options.out, "src", `${module}${extension}`)));
  const where = importSpecifiers(options);
  const build = options.emit === "ts" ? "npm run build in it, then install or link it" : "install or link it";
  const lines = [where.from ? `  use it from a module in ${where.from} (imported in place):` : `  use it as the package ${options.packageName} (${build}):`];
  if (!made("client/index")) {
    lines.push(`    import { ... } from "${where.root}";   // types and validators`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(`    import { createGraphClient } from "${where.client}";`);
  lines.push(`    const graph = createGraphClient({ getAccessToken: async () => token });`);
  if (made("mock/index")) {
    const path = firstSeedPath(options.out);
    lines.push("  and in a test, on the fake Graph (in memory, no network):");
    lines.push(`    import { createMockGraph } from "${where.mock}";`);
    lines.push("    const mock = createMockGraph();");
    if (path) lines.push(`    mock.seed("${path}", [{ id: "1" }]);`);
    lines.push(`    const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });`);
  }
  return `${lines.join("\n")}\n`;
}

/** The first path `mock.seed` takes, from the mock index's `MockSeed` (TypeScript or declarations). */
function firstSeedPath(out: string): string | undefined {
  for (const file of ["src/mock/index.ts", "src/mock/index.d.ts"]) {
    const path = join(out, file);
    if (!existsSync(path)) continue;
    const seed = /interface MockSeed \{\s*"([^"]+)":/.exec(readFileSync(path, "utf8"));
    return seed?.[1]?.replaceAll("${string}", "1");
  }
  return undefined;
}
