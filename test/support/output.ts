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
 * (16 GiB and more); on a smaller one it collects as it would (below its live memory, a limit makes it thrash).
 */
const TSC_GC: Record<string, string> = totalmem() >= 16 * 2 ** 30 ? { GOGC: "off", GOMEMLIMIT: "3GiB" } : {};

/**
 * Runs the repo's tsc with the given arguments; returns its output, empty when it passed. Single-threaded:
 * the test files already keep every core busy, and tsc's parallel checkers cost about a fifth more CPU
 * (each checker resolves the shared types again) for the same diagnostics. Its Go runtime collects no garbage
 * below 3 GiB (TSC_GC): a run lives seconds and keeps most of what it allocates, so the collector's work was
 * mostly wasted, a quarter to a third of tsc's CPU, for a fifth more memory (2.1 GB for all of v1.0).
 */
export function runTsc(args: string[], cwd: string): string {
  const { passed, output } = tsc(["--singleThreaded", ...args], cwd);
  return passed ? "" : output;
}

/**
 * `tsc -b` over several tsconfig files in `cwd`, in one process: it parses each source file once for all their
 * programs, where a process per config parses every file again (two programs over all of v1.0: 16 s of CPU
 * instead of 20). Each config's diagnostics, "" where clean; single-threaded like `runTsc`.
 */
export function runTscBuild(configs: readonly string[], cwd: string): Map<string, string> {
  const { passed, output } = tsc(["-b", "--force", "--verbose", "--singleThreaded", ...configs], cwd);
  // --verbose opens each program's diagnostics with "<time> - Building project '<config>'..."; its other lines
  // (the project list, why a project is built) are dropped. What comes before the first program goes to each.
  const [before = "", ...sections] = output.split(/^\S.* - Building project '(.*)'\.\.\.\r?$/m);
  const diagnostics = (text: string) => text.split("\n").filter((line) => line.trim() !== "" && !/^\S.* - (Projects in this build|Project '.*' is )|^ {4}\* /.test(line));
  const common = diagnostics(before);
  const found = new Map<string, string>();
  for (let i = 0; i < sections.length; i += 2) found.set(resolve(cwd, sections[i]!), [...common, ...diagnostics(sections[i + 1]!)].join("\n"));
  const each = configs.map((config) => found.get(resolve(cwd, config)) ?? `tsc -b built no program for ${config}:\n${output}`);
  // A failure no program's diagnostics explain (tsc crashed) fails them all.
  return new Map(configs.map((config, i) => [config, passed || each.some((d) => d !== "") ? each[i]! : `tsc -b failed:\n${output}`]));
}

/** Whether tsc passed, and what it wrote (stdout and stderr). */
function tsc(argv: string[], cwd: string): { passed: boolean; output: string } {
  const env = { ...process.env, ...TSC_GC };
  try {
    return { passed: true, output: execFileSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), ...argv], { cwd, encoding: "utf8", env }) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { passed: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` || String(error) };
  }
}
