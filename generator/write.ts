// The write stage: compares the generation (all in memory) with the output folder, then writes
// only what changed, through a staging folder and a journal so that a failure or an interrupt
// leaves the previous output intact or repairable. Stale files are those the previous lock (or an
// interrupted run's journal) listed; nothing else in the output folder is touched.
import * as crypto from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { GraphgenError } from "./errors.js";
import { findLeftovers, JOURNAL_FILE, journalContent, removeLeftovers, siblingStagingPrefix, STAGING_PREFIX, type Journal, type Leftovers } from "./write-journal.js";

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
  /** An interrupted run's staging folders and journal, relative to the output folder; the write removes them. */
  readonly leftovers: string[];
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

/**
 * Hex sha256 of a string's UTF-8 bytes or of bytes. The lock hashes every file of a generation (7,678 for
 * `--all`): Node's one-shot `crypto.hash` (20.12 and later) makes no Hash object per file.
 */
export const sha256: (content: string | Uint8Array) => string =
  typeof crypto.hash === "function"
    ? (content) => crypto.hash("sha256", content, "hex")
    : (content) => crypto.createHash("sha256").update(content).digest("hex");

/**
 * A relative path of plain names (no `.`/`..` segment, no empty one, no `\\`, `:` or NUL): it cannot leave the
 * folder it is joined to, so the generated files (14,000 of them for every request path) skip resolve() and relative().
 */
const PLAIN_PATH = /^(?!\.\.?(?:\/|$))(?:[^/\\:\0]+\/(?!\.\.?(?:\/|$)))*[^/\\:\0]+$/;

/** Resolves a relative output path, refusing anything that would land outside `outDir`. */
export function outputPath(outDir: string, path: string): string {
  // Both normal (an absolute folder without `.`, `..` or empty segments): joining is what resolve() would give.
  if (sep === "/" && outDir.startsWith("/") && PLAIN_PATH.test(path) && PLAIN_PATH.test(outDir.slice(1))) return `${outDir}/${path}`;
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
  return planWithLeftovers(outDir, files).plan;
}

function planWithLeftovers(outDir: string, files: readonly OutputFile[]): { plan: WritePlan; leftovers: Leftovers } {
  const leftovers = findLeftovers(outDir);
  const plan: WritePlan = { added: [], changed: [], unchanged: [], removed: [], leftovers: leftovers.paths.map((path) => relative(outDir, path).split(sep).join("/")) };
  // An interrupted run may have put files in place that no lock lists yet: its journal names them.
  const stale = new Set([...previousFiles(outDir), ...leftovers.touched]);
  const seen = new Set<string>();
  // Into a missing or empty folder every file is added: no need to look for each one.
  const empty = isMissingOrEmpty(outDir);
  for (const file of files) {
    const target = outputPath(outDir, file.path);
    if (seen.has(file.path)) {
      throw new GraphgenError(`two generated files share the path "${file.path}"; one would silently overwrite the other`, {
        hint: "this is a graphgen bug (two parts of the package plan the same module); please report it",
      });
    }
    seen.add(file.path);
    stale.delete(file.path);
    if (empty || !existsSync(target)) plan.added.push(file.path);
    else if (readFileSync(target, "utf8") === file.content) plan.unchanged.push(file.path);
    else plan.changed.push(file.path);
  }
  plan.removed.push(...[...stale].sort().filter((path) => existsSync(outputPath(outDir, path))));
  return { plan, leftovers };
}

/**
 * Applies a generation so that an interrupt at any point leaves either the old output or the new
 * one, or a journal that makes the next run repair the folder (see write-journal.ts):
 *
 * 1. changed files are written into a staging folder inside `outDir` (same file system, so the
 *    renames below are atomic); until step 2 the output folder is the old output, untouched;
 * 2. the journal (every file this run puts in place or an interrupted one may have, every file to
 *    remove) is moved into place;
 * 3. files are renamed into place, stale ones removed, then the lock, then the journal is deleted.
 *
 * Steps 2-3 are renames and unlinks only, and run synchronously: the CLI's SIGINT/SIGTERM handler
 * cannot run in between, so only a SIGKILL or a power cut can stop them half way.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): WriteResult {
  const { plan, leftovers: found } = planWithLeftovers(outDir, files);
  const leftovers = found.paths;
  const toWrite = new Set([...plan.added, ...plan.changed]);
  const pending = files.filter((f) => toWrite.has(f.path) && f.path !== LOCK_FILE);
  const lock = files.find((f) => f.path === LOCK_FILE && toWrite.has(f.path));
  const body = lock ? [...pending, lock] : pending;
  if (body.length > 0 && isMissingOrEmpty(outDir)) {
    removeLeftovers(leftovers);
    writeFreshFolder(outDir, body);
  } else if (body.length > 0 || plan.removed.length > 0 || leftovers.length > 0) {
    // What this run puts in place, and what an earlier interrupted run may have (no lock lists those yet).
    const generated = new Set(files.map((f) => f.path));
    const writing = [...new Set([...body.map((f) => f.path), ...found.touched.filter((path) => generated.has(path))])];
    const journal = { writing, removing: plan.removed };
    commit(outDir, { pending, lock, journal, leftovers });
  }
  return { ...plan, written: body.map((f) => f.path).sort() };
}

interface Commit {
  readonly pending: readonly OutputFile[];
  readonly lock: OutputFile | undefined;
  readonly journal: Journal;
  /** An interrupted run's staging folders and journal. */
  readonly leftovers: readonly string[];
}

function commit(outDir: string, { pending, lock, journal, leftovers }: Commit): void {
  mkdirSync(outDir, { recursive: true });
  const journalPath = join(outDir, JOURNAL_FILE);
  // Stray staging folders hold nothing the output needs; the journal stays until this run's replaces it.
  removeLeftovers(leftovers.filter((path) => path !== journalPath));
  const staging = join(outDir, `${STAGING_PREFIX}${crypto.randomBytes(6).toString("hex")}`);
  try {
    mkdirSync(staging);
    pending.forEach((file, i) => writeFileSync(join(staging, String(i)), file.content));
    if (lock) writeFileSync(join(staging, "lock"), lock.content);
    writeFileSync(join(staging, "journal"), journalContent(journal));
    renameSync(join(staging, "journal"), journalPath);
    const folders = new FolderMaker();
    pending.forEach((file, i) => {
      const target = outputPath(outDir, file.path);
      folders.ensure(dirname(target));
      renameSync(join(staging, String(i)), target);
    });
    removeFiles(outDir, journal.removing);
    if (lock) renameSync(join(staging, "lock"), join(outDir, LOCK_FILE));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(journalPath, { force: true });
}

/** Unlinks the files, then every folder left empty below `outDir`, deepest first. */
function removeFiles(outDir: string, paths: readonly string[]): void {
  const folders = new Set<string>();
  for (const path of paths) {
    const target = outputPath(outDir, path);
    rmSync(target, { force: true });
    for (let folder = dirname(target); folder.startsWith(`${outDir}${sep}`); folder = dirname(folder)) folders.add(folder);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
  }
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
  const building = join(parent, `${siblingStagingPrefix(outDir)}${crypto.randomBytes(6).toString("hex")}`);
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
