// The lock file (Kiota's KiotaLock): what an output was made from and each file's sha256, so
// `--check` and readers can tell whether it is current, and an unchanged regeneration is skipped.
import { relative } from "node:path";
import { codeHash } from "./code-hash.js";
import { readInput, type MetadataInput } from "./load.js";
import type { ResolvedOptions } from "./options.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "./version.js";
import { findLeftovers } from "./write-journal.js";
import { LOCK_FILE, outputMatchesLock, readLock, sha256, type OutputFile } from "./write.js";

/** Everything the output is a function of: generator, input files and options. */
export interface LockHeader {
  readonly generator: { readonly name: string; readonly version: string };
  readonly inputs: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
  /**
   * sha256 over the header and graphgen's own code and templates (`codeHash`): a generator edited without
   * a version bump (a source checkout) must not be mistaken for the one that made the output.
   */
  readonly fingerprint: string;
}

export function lockHeader(options: ResolvedOptions, inputHashes: Readonly<Record<string, string>>): LockHeader {
  const generator = { name: GENERATOR_NAME, version: GENERATOR_VERSION };
  const inputs = Object.fromEntries(Object.entries(inputHashes).sort(([a], [b]) => (a < b ? -1 : 1)));
  const recorded = recordedOptions(options);
  const fingerprint = sha256(JSON.stringify({ generator, code: codeHash(), inputs, options: recorded }));
  return { generator, inputs, options: recorded, fingerprint };
}

/**
 * The options that shape the output; paths made relative to `cwd` so the lock is the same on every machine.
 * Where the output goes (`out`, `docsOut`) and whether docs come too (`docs`) change no file of the package.
 */
function recordedOptions(options: ResolvedOptions): Record<string, unknown> {
  const { cwd, out: _out, docs: _docs, docsOut: _docsOut, metadata, overlays, ...rest } = options;
  const portable = (path: string) => relative(cwd, path).split("\\").join("/");
  return { ...rest, metadata: portable(metadata), overlays: overlays.map(portable) };
}

/** Hashes the input files the way `loadModel` does, without parsing them. */
export function hashInputs(options: ResolvedOptions, metadata: MetadataInput = readInput(options.metadata, options.cwd, "metadata")): Record<string, string> {
  const hashes: Record<string, string> = { [metadata.name]: sha256(metadata.bytes) };
  for (const overlay of options.overlays) {
    const { bytes, name } = readInput(overlay, options.cwd, "overlay");
    hashes[name] = sha256(bytes);
  }
  return hashes;
}

/** Emitted types by kind. */
export type TypeCounts = Readonly<Record<"entity" | "complex" | "enum" | "typeDefinition", number>>;

export function lockFile(header: LockHeader, counts: TypeCounts, files: readonly OutputFile[]): OutputFile {
  const lock = { ...header, counts, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])) };
  return { path: LOCK_FILE, content: `${JSON.stringify(lock, null, 2)}\n` };
}

/**
 * The output was made from exactly these inputs and is untouched since: regenerating would change
 * nothing. Never true while an interrupted write's journal or staging folder is there, whatever the lock says.
 */
export function isUpToDate(outDir: string, header: LockHeader): boolean {
  const lock = readLock(outDir);
  if (lock?.fingerprint !== header.fingerprint || lock.files === undefined) return false;
  return findLeftovers(outDir).paths.length === 0 && outputMatchesLock(outDir, lock.files);
}

/** The counts the lock recorded, for reporting a skipped regeneration. */
export function readLockCounts(outDir: string): TypeCounts {
  const counts = (readLock(outDir) as { counts?: TypeCounts } | undefined)?.counts;
  return counts ?? { entity: 0, complex: 0, enum: 0, typeDefinition: 0 };
}
