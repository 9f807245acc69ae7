// npm run bench:docs (also part of npm run bench): the reference docs site for the default config and
// for all of Graph v1.0 (--all --include-path '/**'), written cold into an empty folder and rewritten
// over itself. Median of BENCH_RUNS runs (default 3); targets: default < 2 s, --all < 30 s.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "../generator/config.js";

const root = resolve(import.meta.dirname, "..");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), "graphgen-bench-docs-"));

interface DocsRun {
  timings: { load: number; render: number; write: number };
  wallMs: number;
  peakRssMb: number;
  files: number;
  pages: { permissions: number; types: number; paths: number };
}

function docs(options: object): DocsRun {
  const output = execFileSync(process.execPath, [join(root, "bench/docs-run.mjs"), JSON.stringify(options)], { encoding: "utf8" });
  return JSON.parse(output) as DocsRun;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function folderSize(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function measure(title: string, options: Record<string, unknown>): void {
  const out = join(work, title.replace(/\W+/g, "-"));
  const cold: DocsRun[] = [];
  const warm: DocsRun[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    cold.push(docs({ ...options, docsOut: out }));
    warm.push(docs({ ...options, docsOut: out }));
  }
  const last = cold.at(-1) as DocsRun;
  const row = (name: string, list: DocsRun[]) =>
    `  ${name.padEnd(22)} ${median(list.map((r) => r.timings.load)).toFixed(0).padStart(7)} ${median(list.map((r) => r.timings.render)).toFixed(0).padStart(8)} ${median(list.map((r) => r.timings.write)).toFixed(0).padStart(7)} ${median(list.map((r) => r.wallMs)).toFixed(0).padStart(9)} ${median(list.map((r) => r.peakRssMb)).toFixed(0).padStart(8)}`;
  console.log(`\n${title}: ${last.pages.permissions} permission, ${last.pages.types} type, ${last.pages.paths} path pages; ${last.files} files, ${(folderSize(out) / 1024 / 1024).toFixed(1)} MB`);
  console.log("  run                    load ms  render ms write ms  total ms  peak RSS MB");
  console.log(row("cold (empty folder)", cold));
  console.log(row("rewrite (same site)", warm));
}

const config = loadConfig(join(root, "graphgen.config.json"));
console.log(`graphgen docs, median of ${runs} run(s) each (BENCH_RUNS to change)`);
measure("default config", { ...config });
measure("--all --include-path '/**'", { ...config, all: true, includePaths: ["/**"] });
rmSync(work, { recursive: true, force: true });
