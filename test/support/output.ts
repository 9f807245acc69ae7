// Helpers for tests that generate into a temporary folder and inspect or type-check the result.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const realMetadata = join(repoRoot, "metadata/v1.0-cleanMetadata.xml");

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `graphgen-${prefix}-`));
}

/** Every file below `dir`, as sorted `/`-separated relative paths. */
export function listFiles(dir: string, ignore: (path: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      const path = relative(dir, full).split("\\").join("/");
      if (ignore(path)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

/**
 * tsc's Go runtime collects no garbage below 3 GiB, on a machine where two such runs and two test workers fit
 * (12 GiB and more); on a smaller one it collects as it would (below its live memory, a limit makes it thrash).
 */
const TSC_GC: Record<string, string> = totalmem() >= 12 * 2 ** 30 ? { GOGC: "off", GOMEMLIMIT: "3GiB" } : {};

/**
 * Runs the repo's tsc with the given arguments; returns its output, empty when it passed. Single-threaded:
 * the test files already keep every core busy, and tsc's parallel checkers cost about a fifth more CPU
 * (each checker resolves the shared types again) for the same diagnostics. Its Go runtime collects no garbage
 * below 3 GiB (TSC_GC): a run lives seconds and keeps most of what it allocates, so the collector's work was
 * mostly wasted, a quarter to a third of tsc's CPU, for a fifth more memory (2.1 GB for all of v1.0).
 */
export function runTsc(args: string[], cwd: string): string {
  const env = { ...process.env, ...TSC_GC };
  try {
    execFileSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "--singleThreaded", ...args], { cwd, encoding: "utf8", env });
    return "";
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}` || String(error);
  }
}
