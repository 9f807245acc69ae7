// The programmatic API: generate(options) runs parse -> model -> select -> render -> format -> write
// and reports what it did, stage by stage. The CLI is a thin shell over it.
import { GraphgenError } from "./errors.js";
import type { EmitContext, PlannedModule } from "./emit/context.js";
import { planPackageIndex, planTypeModules } from "./types/modules.js";
import { planValidatorModules } from "./validators/modules.js";
import { planJsonSchema } from "./validators/json-schema.js";
import { loadModelFrom, readInput, type MetadataInput } from "./load.js";
import type { ModelWarning } from "./model/types.js";
import { buildNames } from "./naming.js";
import { planClient, validatorLookup } from "./client/plan.js";
import { resolveOptions, type GenerateOptions } from "./options.js";
import { createRenderer } from "./render.js";
import { selectTypes } from "./select.js";
import { formatFiles } from "./format.js";
import { hashInputs, isUpToDate, lockFile, lockHeader, readLockCounts, type TypeCounts } from "./lock.js";
import { packageFiles } from "./package/manifest.js";
import { planWrite, previousFiles, writeOutput, type OutputFile, type WriteResult } from "./write.js";

export type StageName = "parse" | "model" | "select" | "render" | "format" | "write";

export interface GenerateResult {
  readonly outDir: string;
  readonly files: readonly OutputFile[];
  readonly write: WriteResult;
  /** The lock matched and the files on disk were untouched, so nothing was rendered or written. */
  readonly upToDate: boolean;
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<StageName, number>>;
  readonly warnings: readonly ModelWarning[];
  /** Emitted types by kind. */
  readonly counts: TypeCounts;
  /** The docs site, when the `docs` option wrote it. */
  readonly docs?: { readonly outDir: string; readonly write: WriteResult };
}

/** How to run a generation, apart from what to generate (the options). */
export interface GenerateRun {
  /** Compute everything and compare with the output folder, writing nothing (`--check`). */
  readonly check?: boolean;
  /** Regenerate even when the lock file says the output is current. */
  readonly force?: boolean;
  /** Called as each stage ends, for progress displays. */
  readonly onStage?: (stage: StageName, detail: string) => void;
  /** The metadata, already read (`update`'s download), instead of the file `options.metadata` names. */
  readonly metadata?: MetadataInput;
}

export async function generate(options: GenerateOptions = {}, run: GenerateRun = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  if (!resolved.all && resolved.include.length === 0 && resolved.includePaths.length === 0) {
    throw new GraphgenError("nothing to generate: no types included", {
      hint: "pass --include <type,...> or --all, or set \"include\" in graphgen.config.json",
    });
  }
  // The docs site's modules are loaded only when it is asked for: a package-only run does not pay for them.
  const docsSite = resolved.docs ? await import("./docs/generate-docs.js") : undefined;
  docsSite?.checkDocsFolder(resolved);
  const timings: Record<StageName, number> = { parse: 0, model: 0, select: 0, render: 0, format: 0, write: 0 };
  // Read once: the lock's hashes and the model come from the same bytes.
  const metadata = run.metadata ?? readInput(resolved.metadata, resolved.cwd, "metadata");
  const inputHashes = hashInputs(resolved, metadata);
  const header = lockHeader(resolved, inputHashes);
  const docsCurrent = !resolved.docs || isUpToDate(resolved.docsOut, header);
  if (!run.force && docsCurrent && isUpToDate(resolved.out, header)) {
    const write: WriteResult = { written: [], added: [], changed: [], unchanged: previousFiles(resolved.out), removed: [], leftovers: [] };
    return { outDir: resolved.out, files: [], write, upToDate: true, timings, warnings: [], counts: readLockCounts(resolved.out) };
  }
  const stage = (name: StageName, started: number, detail: string) => {
    timings[name] = performance.now() - started;
    run.onStage?.(name, detail);
  };
  const { model } = loadModelFrom(metadata, resolved.overlays, resolved.cwd, { timings, metadataHash: inputHashes[metadata.name] });

  let started = performance.now();
  const client = planClient(model, resolved);
  const selection = selectTypes(model, { ...resolved, pathTypes: client.types });
  const names = buildNames(selection.model, selection.types, resolved.rootNamespace);
  run.onStage?.("parse", `${Object.keys(header.inputs).length} input file(s)`);
  run.onStage?.("model", `${model.types.size} types, ${model.operations.length} operations`);
  stage("select", started, `${selection.types.length} types`);

  started = performance.now();
  // The client's modules and the fake Graph are planned from the request paths: a generation without any (`--all`)
  // does not load their modules.
  const clientPart = client.roots.length > 0 ? await import("./client/part.js") : undefined;
  const mock = resolved.mock && client.roots.length > 0 ? await import("./mock/plan.js") : undefined;
  const renderer = createRenderer();
  const context: EmitContext = { model: selection.model, selection, names, options: resolved };
  // Each part of the package plans its own modules; the package index re-exports them all.
  const modules: PlannedModule[] = [
    ...planTypeModules(context),
    ...planValidatorModules(context),
    ...(clientPart ? clientPart.planClientPart(context, client) : []),
    ...(mock ? mock.planMockModules(context, client.roots, validatorLookup(context)) : []),
    planPackageIndex(["./edm.js", "./models/index.js", "./validators/index.js", "./runtime/validation.js", ...client.indexModules]),
  ];
  const sources: OutputFile[] = modules.map((m) => ({
    path: `src/${m.modulePath}.ts`,
    content: "runtime" in m ? renderer.runtime(m.modulePath) : renderer.render(m.template, m.view),
  }));
  sources.push(...packageFiles(resolved, { mock: mock !== undefined && modules.some((m) => m.modulePath === mock.MOCK_INDEX_MODULE) }));
  sources.push(planJsonSchema(context));
  stage("render", started, `${sources.length} files`);

  started = performance.now();
  const stable = new Set(modules.filter((m) => "runtime" in m || m.prettierStable).map((m) => `src/${m.modulePath}.ts`));
  // Runtime files are copied as they are: their sources are kept in prettier's layout (test/runtime/sources.test.ts).
  const verbatim = new Set(modules.filter((m) => "runtime" in m).map((m) => `src/${m.modulePath}.ts`));
  const typescript = resolved.format ? await formatFiles(sources, stable, verbatim) : sources;
  // JavaScript + declarations are made from the formatted TypeScript, so both read as it does.
  const formatted = resolved.emit === "js" ? await emitJavaScript(typescript) : typescript;
  stage("format", started, `${resolved.format ? `${typescript.length} files` : "skipped"}${resolved.emit === "js" ? ", emitted as .js + .d.ts" : ""}`);

  const counts: Record<keyof TypeCounts, number> = { entity: 0, complex: 0, enum: 0, typeDefinition: 0 };
  for (const name of selection.types) {
    const kind = model.types.get(name)?.kind;
    if (kind) counts[kind] += 1;
  }

  started = performance.now();
  const files = [...formatted, lockFile(header, counts, formatted)];
  const write: WriteResult = run.check ? { ...planWrite(resolved.out, files), written: [] } : writeOutput(resolved.out, files);
  // The docs site (option `docs`) goes into its own folder with its own lock, after the package.
  const docs =
    docsSite && !run.check
      ? { outDir: resolved.docsOut, write: writeOutput(resolved.docsOut, docsSite.docsFiles({ model: selection.model, types: selection.types, roots: client.roots }, resolved, header).files) }
      : undefined;
  stage("write", started, run.check ? "checked, nothing written" : `${write.written.length} written, ${write.removed.length} removed`);
  return { outDir: resolved.out, files, write, upToDate: false, timings, warnings: model.warnings, counts, ...(docs ? { docs } : {}) };
}

/** `emit: "js"`: loads oxc-transform and esbuild only when asked for, so that a TypeScript package does not pay for them. */
async function emitJavaScript(typescript: readonly OutputFile[]): Promise<OutputFile[]> {
  const [{ bundleEntries }, { prebuiltModules }] = await Promise.all([import("./package/entry-bundles.js"), import("./package/prebuilt.js")]);
  return bundleEntries(prebuiltModules(typescript));
}
