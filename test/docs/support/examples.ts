// Compiles the code examples of a docs site: each TypeScript fence against a generated client, each
// @microsoft/microsoft-graph-client fence against that package, with tsc in strict mode.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTsc } from "../../support/output.js";
import type { OutputFile } from "../../../generator/write.js";

const FENCE = /```(ts|js)\n([\s\S]*?)```/g;

/** The distinct code examples of a site's Markdown pages. */
export function codeExamples(files: readonly OutputFile[]): Set<string> {
  const examples = new Set<string>();
  for (const file of files.filter((f) => f.path.endsWith(".md"))) {
    for (const match of file.content.matchAll(FENCE)) examples.add(match[2] as string);
  }
  return examples;
}

/**
 * tsc's complaints about the examples ("" when they compile), with `<packageName>/client/index` mapped to the
 * client's index.ts when given (else the examples' imports resolve as written). `work` must be inside the
 * repository, so `@microsoft/microsoft-graph-client` resolves.
 */
export function compileExamples(examples: Iterable<string>, work: string, mapped?: { packageName: string; clientIndex: string }): string {
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
        ...(mapped ? { paths: { [`${mapped.packageName}/client/index`]: [mapped.clientIndex] } } : {}),
      },
      include: ["*.ts"],
    }),
  );
  return runTsc(["-p", "tsconfig.json"], work);
}

export const examplesWork = (name: string): string => join(repoRoot, ".vitest-tmp", `${name}-${process.pid}`);
