// The programmatic API: generate(options) runs parse -> model -> select -> render -> format -> write
// and reports what it did, stage by stage. The CLI is a thin shell over it.
import { relative } from "node:path";
import { GraphgenError } from "./errors.js";
import type { EmitContext, PlannedModule } from "./emit/context.js";
import { planPackageIndex, planTypeModules } from "./emit/modules.js";
import { loadModel } from "./load.js";
import type { ModelWarning } from "./model/types.js";
import { buildNames } from "./naming.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "./options.js";
import { createRenderer } from "./render.js";
import { selectTypes } from "./select.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "./version.js";
import { formatFiles } from "./format.js";
import { LOCK_FILE, sha256, writeOutput, type OutputFile, type WriteResult } from "./write.js";

export type StageName = "parse" | "model" | "select" | "render" | "format" | "write";

export interface GenerateResult {
  readonly outDir: string;
  readonly files: readonly OutputFile[];
  readonly write: WriteResult;
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<StageName, number>>;
  readonly warnings: readonly ModelWarning[];
  /** Emitted types by kind. */
  readonly counts: Readonly<Record<"entity" | "complex" | "enum" | "typeDefinition", number>>;
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  if (!resolved.all && resolved.include.length === 0) {
    throw new GraphgenError("nothing to generate: no types included", {
      hint: "pass --include <type,...> or --all, or set \"include\" in graphgen.config.json",
    });
  }
  const timings: Record<StageName, number> = { parse: 0, model: 0, select: 0, render: 0, format: 0, write: 0 };
  const { model, inputHashes } = loadModel(resolved.metadata, resolved.overlays, resolved.cwd, timings);

  let started = performance.now();
  const selection = selectTypes(model, resolved);
  const names = buildNames(model, selection.types, resolved.rootNamespace);
  timings.select = performance.now() - started;

  started = performance.now();
  const renderer = createRenderer();
  const context: EmitContext = { model, selection, names, options: resolved };
  // Each part of the package plans its own modules; the package index re-exports them all.
  const modules: PlannedModule[] = [
    ...planTypeModules(context),
    planPackageIndex(["./edm.js", "./models/index.js"]),
  ];
  const sources: OutputFile[] = modules.map((m) => ({ path: `src/${m.modulePath}.ts`, content: renderer.render(m.template, m.view) }));
  sources.push({ path: "tsconfig.json", content: `${JSON.stringify(OUTPUT_TSCONFIG, null, 2)}\n` });
  sources.push({ path: "package.json", content: `${JSON.stringify(OUTPUT_PACKAGE, null, 2)}\n` });
  timings.render = performance.now() - started;

  started = performance.now();
  const formatted = resolved.format ? await formatFiles(sources) : sources;
  timings.format = performance.now() - started;

  started = performance.now();
  const files = [...formatted, lockFile(resolved, inputHashes, formatted)];
  const write = writeOutput(resolved.out, files);
  timings.write = performance.now() - started;

  const counts = { entity: 0, complex: 0, enum: 0, typeDefinition: 0 };
  for (const name of selection.types) {
    const kind = model.types.get(name)?.kind;
    if (kind) counts[kind] += 1;
  }
  return { outDir: resolved.out, files, write, timings, warnings: model.warnings, counts };
}

/** Compiler settings the output is checked with; strictest nodenext ESM. */
const OUTPUT_TSCONFIG = {
  compilerOptions: {
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: false,
    declaration: true,
    outDir: "dist",
    rootDir: "src",
    types: [],
  },
  include: ["src"],
};

/** The output is an ES module package; its sources import with `.js` suffixes as nodenext requires. */
const OUTPUT_PACKAGE = { name: "graphgen-output", private: true, type: "module", sideEffects: false };

/** The lock file records what the output was made from, so a reader (and `--check`) can tell if it is current. */
function lockFile(options: ResolvedOptions, inputHashes: Record<string, string>, files: readonly OutputFile[]): OutputFile {
  const lock = {
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    inputs: inputHashes,
    options: {
      include: options.include,
      all: options.all,
      rootNamespace: options.rootNamespace,
      format: options.format,
      overlays: options.overlays.map((o) => relative(options.cwd, o).split("\\").join("/")),
    },
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])),
  };
  return { path: LOCK_FILE, content: `${JSON.stringify(lock, null, 2)}\n` };
}
