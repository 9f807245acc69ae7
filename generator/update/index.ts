// `update()`: fetch Graph's newest metadata, check it, diff it against the project's, find the places
// in the user's code that a breaking change touches, then (unless checking) write it and regenerate.
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadConfig } from "../config.js";
import { compareAge, type AgeComparison, type ApiDiff } from "../diff/index.js";
import { GraphgenError } from "../errors.js";
import { generate, type GenerateResult } from "../generate.js";
import { loadModel, loadModelFrom, type MetadataInput } from "../load.js";
import { EMBEDDED_DESCRIPTIONS, EMBEDDED_OVERLAY, resolveOptions, type GenerateOptions, type ResolvedOptions } from "../options.js";
import { projectDiff, type BreakingChanges } from "./changes.js";
import { checkCsdl } from "./csdl.js";
import { GRAPH_V1_METADATA_URL, readMetadataSource } from "./download.js";
import { replaceFile } from "./files.js";
// impact.js and usages.js load ts-morph (and the TypeScript compiler): imported where used, so that
// `graphgen generate` does not pay for them.
import type { BreakingUsage } from "./usages.js";
import { previousFiles, type OutputFile } from "../write.js";

export { GRAPH_V1_METADATA_URL } from "./download.js";
export type { BreakingUsage } from "./usages.js";

/** Where update puts the metadata when the config still uses the copy shipped with graphgen. */
export const PROJECT_METADATA = "graphgen/metadata.xml";
export const PROJECT_OVERLAY = "graphgen/overlay.xml";
export const PROJECT_DESCRIPTIONS = "graphgen/descriptions.json";

export interface UpdateOptions {
  /** The project's config file (absolute); update records the metadata's location in it. */
  readonly config: string;
  /** URL or file of the new metadata. Default: Microsoft's published clean v1.0 file. */
  readonly from?: string;
  /** The user's tsconfig.json; undefined skips the code analysis. */
  readonly project?: string;
  /** Write nothing. */
  readonly check?: boolean;
  readonly timeoutMs?: number;
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** Show the diff of all of the metadata, not only the project's selection. */
  readonly all?: boolean;
  /** A mirror of Microsoft's msgraph-metadata repository, for short names in `from`. */
  readonly mirror?: string;
  /** Folder a relative `from` is read from and reported file names are relative to. Default: the config's folder. */
  readonly cwd?: string;
}

export interface UpdateResult {
  /** The project's metadata file before the update. */
  readonly current: string;
  /** Where the new metadata came from. */
  readonly source: string;
  readonly upToDate: boolean;
  readonly diff: ApiDiff;
  /** Which file looks older (the project's, `old`, or the new one). */
  readonly age: AgeComparison;
  /** Places in the user's code that a breaking change touches, in file order. */
  readonly usages: readonly BreakingUsage[];
  /**
   * Why the new metadata cannot be generated with this config (e.g. an `includePaths` pattern that no
   * longer matches): then the usages were found by searching the code for what changed, not by tsc.
   */
  readonly unbuildable?: string;
  /** Files written, absolute (none with `check`). */
  readonly written: readonly string[];
  readonly generated?: GenerateResult;
}

export async function update(options: UpdateOptions): Promise<UpdateResult> {
  if (!existsSync(options.config)) {
    throw new GraphgenError(`config file ${options.config} not found`, { hint: "run `graphgen init` first: update records the metadata's location in the config" });
  }
  const cwd = dirname(options.config);
  const config = loadConfig(options.config);
  const resolved = resolveOptions(config);
  const source = await readMetadataSource(options.from ?? GRAPH_V1_METADATA_URL, { cwd: options.cwd ?? cwd, timeoutMs: options.timeoutMs, onProgress: options.onProgress, mirror: options.mirror });
  const currentBytes = readFileSync(resolved.metadata);
  const base = { current: resolved.metadata, source: source.name };
  if (currentBytes.equals(source.bytes)) {
    checkCsdl(source.bytes, source.name);
    return { ...base, upToDate: true, diff: { changes: [], bump: "none" }, age: {}, usages: [], written: [] };
  }

  const before = loadModel(resolved.metadata, resolved.overlays, cwd).model;
  // The model `generate` would build with the project's overlays; bytes already checked under this name reuse theirs.
  const after = loadModelFrom(source, resolved.overlays, cwd, { parse: checkCsdl }).model;
  const { diff, breaking } = projectDiff(before, after, options.all ? { ...resolved, all: true } : resolved);
  const age = compareAge(before, after);
  const { usages, unbuildable } = options.project ? await impactOn(options.project, config, resolved, breaking, source, options.cwd ?? cwd) : { usages: [] };
  const analysis = { ...(unbuildable ? { unbuildable } : {}) };
  if (options.check) return { ...base, upToDate: false, diff, age, usages, ...analysis, written: [] };

  const written = writeMetadata(options.config, config.metadata === undefined, source.bytes);
  const target = resolveOptions(loadConfig(options.config)).metadata;
  try {
    const generated = await generate(loadConfig(options.config));
    return { ...base, upToDate: false, diff, age, usages, ...analysis, written, generated };
  } catch (error) {
    if (target === resolved.metadata) replaceFile(target, currentBytes);
    throw error;
  }
}

/**
 * The compile errors the regeneration adds to the user's code; when the new metadata cannot be
 * generated with this config, the symbol search for what the breaking changes touch instead.
 */
async function impactOn(tsconfig: string, config: GenerateOptions, resolved: ResolvedOptions, changes: BreakingChanges, source: MetadataInput, cwd: string): Promise<{ usages: BreakingUsage[]; unbuildable?: string }> {
  const query = { tsconfig, generatedRoots: generatedRoots(resolved), changes, cwd, rootNamespace: resolved.rootNamespace };
  let next: readonly OutputFile[];
  try {
    next = await regeneration(config, resolved, source);
  } catch (error) {
    if (!(error instanceof GraphgenError)) throw error;
    const { findBreakingUsages } = await import("./usages.js");
    return { usages: findBreakingUsages(query), unbuildable: error.message };
  }
  const { compileImpact } = await import("./impact.js");
  return { usages: compileImpact({ ...query, outDir: resolved.out, previous: previousFiles(resolved.out), next }) };
}

/**
 * What `generate` will write from the new metadata, computed without writing (unformatted: the types are the same).
 * The downloaded bytes are handed over under their own name, so the model `update` built of them is reused
 * (`loadModel` remembers models by name and sha256).
 */
async function regeneration(config: GenerateOptions, resolved: ResolvedOptions, metadata: MetadataInput): Promise<readonly OutputFile[]> {
  const run = await generate({ ...config, overlays: resolved.overlays, format: false, docs: false }, { check: true, force: true, metadata });
  return run.files;
}

/** The output folder, and the generated package as installed in node_modules, where the user's imports may resolve. */
function generatedRoots(options: ReturnType<typeof resolveOptions>): string[] {
  return [options.out, join(options.cwd, "node_modules", options.packageName)];
}

/**
 * Replaces the project's metadata. A config still on graphgen's shipped copy gets its own files
 * (the metadata, and the overlay it was used with) and says so, so `generate` reads them from now on.
 */
function writeMetadata(configPath: string, onEmbedded: boolean, bytes: Buffer): string[] {
  const cwd = dirname(configPath);
  if (!onEmbedded) {
    const target = resolveOptions(loadConfig(configPath)).metadata;
    replaceFile(target, bytes);
    return [target];
  }
  const raw = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, unknown>;
  const written = [resolve(cwd, PROJECT_METADATA)];
  replaceFile(resolve(cwd, PROJECT_METADATA), bytes);
  // The overlay and the 2023 descriptions fill gaps only: the new file's own words win wherever it has some.
  const overlays = [
    [EMBEDDED_OVERLAY, PROJECT_OVERLAY],
    [EMBEDDED_DESCRIPTIONS, PROJECT_DESCRIPTIONS],
  ] as const;
  if (raw.overlays === undefined) {
    for (const [from, to] of overlays) {
      copyFileSync(from, resolve(cwd, to));
      written.push(resolve(cwd, to));
    }
  }
  const updated = { ...raw, metadata: PROJECT_METADATA, ...(raw.overlays === undefined ? { overlays: overlays.map(([, to]) => to) } : {}) };
  replaceFile(configPath, `${JSON.stringify(updated, null, 2)}\n`);
  return [...written, configPath];
}
