// tsc (typescript@7, native) over files of a generated package, with the package's own strictest settings.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { REPO } from "./generated-client.js";

const TSC = join(REPO, "node_modules/typescript/bin/tsc");

/** tsc over the given files with the output package's own (strictest) settings; "" when clean. */
export function typecheck(outDir: string, files: string[]): string {
  const config = join(outDir, "tsconfig.client-check.json");
  writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: "." }, include: [], files }));
  try {
    execFileSync(process.execPath, [TSC, "-p", config], { encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}
