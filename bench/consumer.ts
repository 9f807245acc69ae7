// `npm run bench:consumer`: what the generated package costs in a user's own project. Builds, in a
// temporary folder, the app of issue 19 as a user would (graphgen generate into src/graph, a function that
// lists users and adds a group member, one vitest test of it against the generated mock), beside the same
// app on @microsoft/microsoft-graph-client with a hand-written fetch stub, typed with
// @microsoft/microsoft-graph-types. Prints the generated files and bytes, a cold `vitest run` of each
// test (interleaved, median of three) and each app's `tsc --noEmit` time and peak memory (median of
// three). Goals: the test and tsc at most 2x graph-client's. BENCH_BASELINE=<another graphgen checkout,
// built> adds the app as that checkout generates it to the test's runs. Figures, no asserts.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { APP_SOURCES, CLIENT_APP_SOURCES, INCLUDE_PATHS } from "./consumer-apps.js";

const repoRoot = resolve(import.meta.dirname, "..");
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
const vitest = join(repoRoot, "node_modules/vitest/vitest.mjs");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const env = { ...process.env, npm_config_update_notifier: "false", CI: "1", NO_COLOR: "1" };

/** The two projects a user would have: one per app, each with its own package.json, tsconfig and vitest config. */
function writeProject(dir: string, sources: Record<string, string>): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }, null, 2));
  // What `tsc --init` suggests for a Node project, with the app's own folder as its program.
  const compilerOptions = { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: true, types: [], noEmit: true };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }, null, 2));
  writeFileSync(join(dir, "vitest.config.mjs"), `export default { cacheDir: ".vite-cache", test: { include: ["src/**/*.test.ts"] } };\n`);
  for (const [file, text] of Object.entries(sources)) writeFileSync(join(dir, "src", file), text);
}

function folderStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderStats(full);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += statSync(full).size;
    }
  }
  return { files, bytes };
}

/** Wall seconds, CPU seconds (user + system, children included) and peak resident MB of one command, from GNU time. */
function measured(command: string, args: string[], cwd: string): { seconds: number; cpu: number; peakMb: number; ok: boolean; output: string } {
  const run = spawnSync("/usr/bin/time", ["-v", command, ...args], { cwd, env, encoding: "utf8" });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const cpu = ["User", "System"].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? Number.NaN));
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  return { seconds, cpu: cpu[0]! + cpu[1]!, peakMb: rss ? Number(rss[1]) / 1024 : Number.NaN, ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function coldTest(dir: string): ReturnType<typeof measured> {
  rmSync(join(dir, ".vite-cache"), { recursive: true, force: true });
  return measured(process.execPath, [vitest, "run"], dir);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const secs = (values: number[]) => `${median(values).toFixed(2)} s (runs: ${values.map((v) => v.toFixed(2)).join(", ")})`;

function compare(label: string, ours: number[], theirs: number[], unit: (v: number[]) => string): void {
  console.log(`${label}\n  graphgen:     ${unit(ours)}\n  graph-client: ${unit(theirs)}\n  ratio:        ${(median(ours) / median(theirs)).toFixed(1)}x (goal: at most 2x)`);
}

/** `graphgen generate` of the issue's paths into the project's src/graph, by the graphgen checkout at `graphgen`. */
function generateInto(project: string, graphgen: string): SpawnSyncReturns<string> {
  const args = [join(graphgen, "bin/graphgen.js"), "generate", "--include-path", ...INCLUDE_PATHS, "--out", "src/graph"];
  const generate = spawnSync(process.execPath, args, { cwd: project, env, encoding: "utf8" });
  if (generate.status !== 0) fail(`graphgen generate (${graphgen})`, `${generate.stdout}${generate.stderr}`);
  return generate;
}

function fail(what: string, output: string): never {
  throw new Error(`${what} failed:\n${output.split("\n").slice(-40).join("\n")}`);
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), "graphgen-bench-consumer-"));
  try {
    execFileSync("npm", ["run", "build"], { cwd: repoRoot, env, stdio: "ignore" });
    const ours = join(work, "graphgen-app");
    const theirs = join(work, "graph-client-app");
    writeProject(ours, APP_SOURCES);
    writeProject(theirs, CLIENT_APP_SOURCES);
    const started = performance.now();
    const generate = generateInto(ours, repoRoot);
    // BENCH_BASELINE=<another graphgen checkout, built>: the same app generated by it, timed in the same runs.
    const baseline = process.env.BENCH_BASELINE ? join(work, "baseline-app") : undefined;
    if (baseline) {
      writeProject(baseline, APP_SOURCES);
      generateInto(baseline, resolve(process.env.BENCH_BASELINE!));
    }
    const out = folderStats(join(ours, "src/graph"));
    console.log(`machine: ${process.env.BENCH_NOTE ?? "2 cores, shared with other work: figures are noisy, compare within one run"}`);
    console.log(`graphgen generate --include-path ${INCLUDE_PATHS.join(" ")} --out src/graph: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`generated: ${out.files} files, ${(out.bytes / 1_048_576).toFixed(2)} MB (${out.bytes} bytes)`);
    console.log(`generate's closing lines:\n${generate.stdout.trim().split("\n").map((l) => `  | ${l}`).join("\n")}`);

    const tests = { ours: [] as ReturnType<typeof measured>[], theirs: [] as ReturnType<typeof measured>[], baseline: [] as ReturnType<typeof measured>[] };
    for (let run = 0; run < RUNS; run++) {
      for (const [dir, runs] of [[ours, tests.ours], [theirs, tests.theirs], [baseline, tests.baseline]] as const) {
        if (!dir) continue;
        const result = coldTest(dir);
        if (!result.ok) fail(`vitest run in ${dir}`, result.output);
        runs.push(result);
      }
    }
    compare(`cold \`vitest run\` of the one test, wall (median of ${RUNS}, interleaved)`, tests.ours.map((r) => r.seconds), tests.theirs.map((r) => r.seconds), secs);
    // CPU (user + system, vitest's workers included) moves less than wall time with the machine's load.
    compare("  the same runs' CPU", tests.ours.map((r) => r.cpu), tests.theirs.map((r) => r.cpu), secs);
    if (baseline) {
      const [wall, cpu] = [tests.baseline.map((r) => r.seconds), tests.baseline.map((r) => r.cpu)];
      console.log(`  BENCH_BASELINE's app, same runs: wall ${secs(wall)}, ${(median(wall) / median(tests.theirs.map((r) => r.seconds))).toFixed(1)}x; CPU ${secs(cpu)}, ${(median(cpu) / median(tests.theirs.map((r) => r.cpu))).toFixed(1)}x`);
    }

    const tscRuns = { ours: [] as ReturnType<typeof measured>[], theirs: [] as ReturnType<typeof measured>[] };
    for (let run = 0; run < RUNS; run++) {
      for (const [dir, runs] of [[ours, tscRuns.ours], [theirs, tscRuns.theirs]] as const) {
        // tsc's errors are the nine-settings issue's business; they are counted, and the run still measured.
        const result = measured(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit"], dir);
        if (run === 0 && !result.ok) console.log(`tsc in ${dir.slice(work.length + 1)}: ${(result.output.match(/error TS\d+/g) ?? []).length} error(s), first: ${result.output.split("\n")[0]}`);
        runs.push(result);
      }
    }
    compare(`\`tsc --noEmit\` of the app, wall (median of ${RUNS}; graph-client app typed with graph-types)`, tscRuns.ours.map((r) => r.seconds), tscRuns.theirs.map((r) => r.seconds), secs);
    const mbs = (values: number[]) => `${median(values).toFixed(0)} MB peak (runs: ${values.map((v) => v.toFixed(0)).join(", ")})`;
    compare("`tsc --noEmit` peak memory", tscRuns.ours.map((r) => r.peakMb), tscRuns.theirs.map((r) => r.peakMb), mbs);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main();
