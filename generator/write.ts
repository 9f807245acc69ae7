// The write stage: compares the generation (all in memory) with the output folder, then writes
// only what changed, through a staging folder so a failure leaves the previous output intact.
// Stale files are those the previous lock listed; nothing outside the output folder is touched.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { GraphgenError } from "./errors.js";

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

/** What a generation would do to the output folder; `--check` reports it, the write stage applies it. */
export interface WritePlan {
  readonly added: string[];
  readonly changed: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

export interface WriteResult extends WritePlan {
  /** Files actually written (empty for `--check`). */
  readonly written: string[];
}

/** The lock file's shape as far as the write stage reads it; `lock.ts` writes the rest. */
export interface Lock {
  readonly fingerprint?: string;
  readonly files?: Readonly<Record<string, string>>;
}

export const LOCK_FILE = "graphgen.lock.json";
const STAGING_PREFIX = ".graphgen-staging-";

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Resolves a relative output path, refusing anything that would land outside `outDir`. */
export function outputPath(outDir: string, path: string): string {
  const target = resolve(outDir, path);
  const inside = relative(outDir, target);
  if (inside === "" || inside.startsWith("..") || inside.includes(`..${sep}`) || resolve(outDir, inside) !== target) {
    throw new GraphgenError(`refusing to write "${path}": it is outside the output folder ${outDir}`, {
      hint: "this is a graphgen bug or a hostile name in the metadata; please report it",
    });
  }
  return target;
}

/** The previous run's lock file, if there is a readable one. */
export function readLock(outDir: string): Lock | undefined {
  const lockPath = join(outDir, LOCK_FILE);
  if (!existsSync(lockPath)) return undefined;
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as Lock;
  } catch {
    return undefined;
  }
}

/** Files listed by the previous run's lock file, so stale ones can be removed and nothing else touched. */
export function previousFiles(outDir: string): string[] {
  return Object.keys(readLock(outDir)?.files ?? {});
}

/** Compares the generation with the disk; reads, never writes. */
export function planWrite(outDir: string, files: readonly OutputFile[]): WritePlan {
  const plan: WritePlan = { added: [], changed: [], unchanged: [], removed: [] };
  const stale = new Set(previousFiles(outDir));
  const seen = new Set<string>();
  for (const file of files) {
    const target = outputPath(outDir, file.path);
    if (seen.has(file.path)) {
      throw new GraphgenError(`two generated files share the path "${file.path}"; one would silently overwrite the other`, {
        hint: "this is a graphgen bug (two parts of the package plan the same module); please report it",
      });
    }
    seen.add(file.path);
    stale.delete(file.path);
    if (!existsSync(target)) plan.added.push(file.path);
    else if (readFileSync(target, "utf8") === file.content) plan.unchanged.push(file.path);
    else plan.changed.push(file.path);
  }
  plan.removed.push(...[...stale].sort().filter((path) => existsSync(outputPath(outDir, path))));
  return plan;
}

/**
 * Applies a generation: changed files are first written into a staging folder inside `outDir`
 * (same file system, so the final renames are atomic), then moved into place with the lock file
 * last; an interrupted run therefore leaves a lock that no longer matches, and the next run repairs it.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): WriteResult {
  const plan = planWrite(outDir, files);
  const toWrite = new Set([...plan.added, ...plan.changed]);
  const pending = files.filter((f) => toWrite.has(f.path)).sort((a, b) => Number(a.path === LOCK_FILE) - Number(b.path === LOCK_FILE));
  if (pending.length > 0 && isMissingOrEmpty(outDir)) {
    writeFreshFolder(outDir, pending);
  } else if (pending.length > 0) {
    mkdirSync(outDir, { recursive: true });
    const staging = join(outDir, `${STAGING_PREFIX}${randomBytes(6).toString("hex")}`);
    try {
      mkdirSync(staging);
      pending.forEach((file, i) => writeFileSync(join(staging, String(i)), file.content));
      const folders = new FolderMaker();
      pending.forEach((file, i) => {
        const target = outputPath(outDir, file.path);
        folders.ensure(dirname(target));
        renameSync(join(staging, String(i)), target);
      });
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  for (const path of plan.removed) {
    const target = outputPath(outDir, path);
    rmSync(target, { force: true });
    removeEmptyParents(outDir, dirname(target));
  }
  return { ...plan, written: pending.map((f) => f.path).sort() };
}

function isMissingOrEmpty(folder: string): boolean {
  return !existsSync(folder) || readdirSync(folder).length === 0;
}

/**
 * A first generation: the whole tree is written into a sibling folder and renamed into place in
 * one step, which is atomic and saves a rename per file.
 */
function writeFreshFolder(outDir: string, files: readonly OutputFile[]): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const building = join(parent, `${STAGING_PREFIX}${randomBytes(6).toString("hex")}`);
  try {
    const folders = new FolderMaker();
    for (const file of files) {
      const target = outputPath(building, file.path);
      folders.ensure(dirname(target));
      writeFileSync(target, file.content);
    }
    if (existsSync(outDir)) rmdirSync(outDir);
    renameSync(building, outDir);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** mkdir -p, once per folder. */
class FolderMaker {
  private readonly made = new Set<string>();

  ensure(folder: string): void {
    if (this.made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.made.add(folder);
  }
}

/** True when every file the lock lists is on disk with the recorded sha256. */
export function outputMatchesLock(outDir: string, recorded: Readonly<Record<string, string>>): boolean {
  return Object.entries(recorded).every(([path, hash]) => {
    const target = outputPath(outDir, path);
    return existsSync(target) && sha256(readFileSync(target)) === hash;
  });
}

function removeEmptyParents(outDir: string, folder: string): void {
  for (let current = folder; current.startsWith(outDir) && current !== outDir; current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
