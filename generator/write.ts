// The write stage: only changed files are written, stale ones
// removed (as listed by the previous lock file), and nothing is ever written outside the output folder.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { GraphgenError } from "./errors.js";

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

export interface WriteResult {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

export const LOCK_FILE = "graphgen.lock.json";
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

/** Files listed by the previous run's lock file, so stale ones can be removed and nothing else touched. */
export function previousFiles(outDir: string): string[] {
  const lockPath = join(outDir, LOCK_FILE);
  if (!existsSync(lockPath)) return [];
  try {
    const lock = JSON.parse(readFileSync(lockPath, "utf8")) as { files?: Record<string, string> };
    return Object.keys(lock.files ?? {});
  } catch {
    return [];
  }
}

export function writeOutput(outDir: string, files: readonly OutputFile[]): WriteResult {
  const targets = files.map((file) => ({ file, target: outputPath(outDir, file.path) }));
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const stale = new Set(previousFiles(outDir));
  for (const { file, target } of targets) {
    stale.delete(file.path);
    if (existsSync(target) && readFileSync(target, "utf8") === file.content) {
      result.unchanged.push(file.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    result.written.push(file.path);
  }
  for (const path of [...stale].sort()) {
    const target = outputPath(outDir, path);
    if (!existsSync(target)) continue;
    rmSync(target);
    removeEmptyParents(outDir, dirname(target));
    result.removed.push(path);
  }
  return result;
}

function removeEmptyParents(outDir: string, folder: string): void {
  for (let current = folder; current.startsWith(outDir) && current !== outDir; current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
