// tsc (typescript@7, native) over files of a generated package, with the package's own strictest settings.
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { runTsc } from "../../support/output.js";

let checks = 0;

/**
 * tsc over the given files with the output package's own (strictest) settings; "" when clean. The tsconfig is named
 * per call, so files checking a shared package at the same time never overwrite each other's.
 */
export function typecheck(outDir: string, files: string[]): string {
  const config = join(outDir, `tsconfig.check-${process.pid}-${++checks}.json`);
  writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: "." }, include: [], files }));
  return runTsc(["-p", config], outDir);
}
