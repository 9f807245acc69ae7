// npm run bench: wall time and peak RSS per stage of graphgen on the full Graph v1.0 metadata
// (--all, types + validators, formatted) and its ratio to the floor's user CPU (bench/floor-run.mjs), the
// same with a client for every request path (--include-path '/**') and tsc --strict over that output, the
// default config cold and unchanged, and odata2ts generating models from the same file in the same run.
// Median of BENCH_RUNS runs (default 3). BENCH_ONLY=all runs only the --all case and its floor;
// BENCH_BASELINE=<another checkout, built> runs its graphgen on --all too, taking turns, for a before/after.
// BENCH_ONLY=paths runs the '/**' case alone (with its tsc), and BENCH_BASELINE's graphgen on it in turn.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const metadata = join(root, "metadata/v1.0-cleanMetadata.xml");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), "graphgen-bench-"));

interface Run {
  stages: { stage: string; atMs: number; peakRssMb: number; userMs: number }[];
  upToDate: boolean;
  /** generate()'s own per-stage milliseconds: parse, model and select are reported together by onStage. */
  timings: Record<string, number>;
  /** User CPU of the whole run (every thread, start-up included), and system CPU (the write stage's file creation, mostly). */
  userMs: number;
  systemMs: number;
  /** Files and bytes the run wrote. */
  files: number;
  bytes: number;
}

/** One generation by the graphgen built in `checkout` (this one by default), in a fresh process. */
function graphgen(options: object, checkout = root): Run {
  const output = execFileSync(process.execPath, [join(root, "bench/generate-run.mjs"), JSON.stringify(options), join(checkout, "dist/generate.js")], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as Run;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

type Figures = Record<string, { ms: number; rss: number; cpu: number }>;

/** Per stage: time and user CPU since the previous stage ended, and peak RSS so far; startup is node and module loading. */
function stageFigures(run: Run): Figures {
  const figures: Figures = {};
  let previous = { atMs: 0, userMs: 0 };
  for (const { stage, atMs, peakRssMb, userMs } of run.stages) {
    figures[stage === "start" ? "startup" : stage] = { ms: atMs - previous.atMs, rss: peakRssMb, cpu: userMs - previous.userMs };
    previous = { atMs, userMs };
  }
  for (const stage of ["parse", "model", "select"]) {
    const figure = figures[stage];
    if (figure && run.timings?.[stage] !== undefined) figure.ms = run.timings[stage] ?? figure.ms;
  }
  figures.total = { ms: run.stages.at(-1)?.atMs ?? NaN, rss: Math.max(...run.stages.map((s) => s.peakRssMb)), cpu: run.userMs };
  return figures;
}

function medianFigures(all: Run[]): Figures {
  const each = all.map(stageFigures);
  const keys = Object.keys(each[0] ?? {});
  const of = (k: string, field: "ms" | "rss" | "cpu") => median(each.map((f) => f[k]?.[field] ?? NaN));
  return Object.fromEntries(keys.map((k) => [k, { ms: of(k, "ms"), rss: of(k, "rss"), cpu: of(k, "cpu") }]));
}

function printTable(title: string, figures: Figures): void {
  console.log(`\n${title}`);
  console.log("  stage      wall ms   user CPU ms   peak RSS MB (parse, model and select end together: their CPU is under parse, their RSS one sample)");
  for (const [stage, { ms, rss, cpu }] of Object.entries(figures)) {
    console.log(`  ${stage.padEnd(9)} ${ms.toFixed(0).padStart(8)}   ${cpu.toFixed(0).padStart(11)}   ${rss.toFixed(0).padStart(11)}`);
  }
}

/** odata2ts 0.34.0 as a new user gets it to run on the real file (see issue 6): in its own temp folder. */
function odata2ts(): { ms: number; rssMb: number; files: number } | undefined {
  const dir = join(tmpdir(), "graphgen-bench-odata2ts");
  if (!existsSync(join(dir, "node_modules/.bin/odata2ts"))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "name": "odata2ts-bench", "private": true }\n');
    // It needs TypeScript's JS API, which typescript@7 no longer has.
    const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "@odata2ts/odata2ts@0.34.0", "typescript@5"], { cwd: dir, stdio: "inherit" });
    if (install.status !== 0) return undefined;
  }
  // It crashes on the two memberless enum types, so its copy goes without them.
  writeFileSync(join(dir, "graph.xml"), readFileSync(metadata, "utf8").replace(/^\s*<EnumType Name="[^"]*" \/>\n/gm, ""));
  writeFileSync(join(dir, "tsconfig.json"), '{ "compilerOptions": { "target": "es2022", "module": "esnext", "moduleResolution": "bundler", "strict": true } }\n');
  writeFileSync(
    join(dir, "odata2ts.config.cjs"),
    'module.exports = { services: { graph: { source: "graph.xml", output: "out", mode: 0, emitMode: "ts", prettier: false, allowRenaming: true, bundledFileGeneration: false } } };\n',
  );
  const times: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(join(dir, "out"), { recursive: true, force: true });
    const timed = spawnSync("/usr/bin/time", ["-f", "%e %M", join(dir, "node_modules/.bin/odata2ts")], { cwd: dir, encoding: "utf8" });
    const [seconds, kb] = (timed.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
    if (timed.status !== 0 || !seconds) return undefined;
    times.push({ ms: seconds * 1000, rssMb: (kb ?? NaN) / 1024 });
  }
  const files = execFileSync("find", [join(dir, "out"), "-name", "*.ts"], { encoding: "utf8" }).trim().split("\n").length;
  return { ms: median(times.map((t) => t.ms)), rssMb: median(times.map((t) => t.rssMb)), files };
}

/** The floor (bench/floor-run.mjs): parse the metadata with fast-xml-parser and write the files of `output` anew. */
function floor(output: string, target: string): { userMs: number; wallMs: number; files: number } {
  return JSON.parse(execFileSync(process.execPath, [join(root, "bench/floor-run.mjs"), metadata, output, target], { encoding: "utf8" }));
}

console.log(`graphgen bench: ${runs} run(s) each, median; machine: ${process.arch}, node ${process.version}`);
// graphgen and the floor take turns, so that both meet the same load; so does a baseline build, when given.
const baseline = process.env.BENCH_BASELINE && resolve(process.env.BENCH_BASELINE);
const pathsOnly = process.env.BENCH_ONLY === "paths";
const full: Run[] = [];
const baselines: Run[] = [];
const floors: ReturnType<typeof floor>[] = [];
for (let i = 0; i < (pathsOnly ? 0 : runs); i++) {
  if (baseline) baselines.push(graphgen({ metadata, all: true, out: join(work, `baseline-${i}`), cwd: baseline }, baseline));
  full.push(graphgen({ metadata, all: true, out: join(work, `all-${i}`), cwd: root }));
  floors.push(floor(join(work, `all-${i}`), join(work, `floor-${i}`)));
}
const fullFigures = medianFigures(full);
if (!pathsOnly) {
  printTable("full v1.0 --all (types + validators), formatted, cold", fullFigures);
  const [oursCpu, floorCpu] = [median(full.map((r) => r.userMs)), median(floors.map((f) => f.userMs))];
  console.log(`  user CPU: graphgen ${oursCpu.toFixed(0)} ms; the floor (parse with fast-xml-parser, write the same ${floors[0]?.files} files) ${floorCpu.toFixed(0)} ms, ${median(floors.map((f) => f.wallMs)).toFixed(0)} ms wall`);
  console.log(`  ratio graphgen/floor user CPU: ${(oursCpu / floorCpu).toFixed(2)} (target <= 3)`);
  if (baseline) {
    const baselineCpu = median(baselines.map((r) => r.userMs));
    console.log(`  baseline ${baseline} (BENCH_BASELINE), in turn with the above: user CPU ${baselineCpu.toFixed(0)} ms, ratio to the floor ${(baselineCpu / floorCpu).toFixed(2)}`);
  }
}
if (process.env.BENCH_ONLY === "all") {
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

/** tsc --strict (the output's own tsconfig: strict, exactOptionalPropertyTypes, ...) over a generated package. */
function typecheck(dir: string): { errors: number; ms: number; rssMb: number } {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const timed = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, tsc, "-p", join(dir, "tsconfig.json"), "--noEmit"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const [seconds, kb] = (timed.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { errors: (timed.stdout.match(/error TS/g) ?? []).length, ms: (seconds ?? NaN) * 1000, rssMb: (kb ?? NaN) / 1024 };
}

const everyPath: Run[] = [];
const everyPathBaseline: Run[] = [];
for (let i = 0; i < runs; i++) {
  if (baseline && pathsOnly) everyPathBaseline.push(graphgen({ metadata, all: true, includePaths: ["/**"], out: join(work, `paths-baseline-${i}`), cwd: baseline }, baseline));
  everyPath.push(graphgen({ metadata, all: true, includePaths: ["/**"], out: join(work, `paths-${i}`), cwd: root }));
}
/** User and system CPU, files and bytes written, of '/**' runs. */
const writtenLine = (all: Run[]) =>
  `user CPU ${median(all.map((r) => r.userMs)).toFixed(0)} ms, system CPU ${median(all.map((r) => r.systemMs)).toFixed(0)} ms; ${all[0]?.files} files, ${((all[0]?.bytes ?? NaN) / 1e6).toFixed(1)} MB`;
if (everyPathBaseline.length > 0) {
  printTable(`the same by the baseline ${baseline} (BENCH_BASELINE), in turn with the runs below`, medianFigures(everyPathBaseline));
  console.log(`  ${writtenLine(everyPathBaseline)}`);
}
const everyPathFigures = medianFigures(everyPath);
printTable("full v1.0 --all --include-path '/**' (types + validators + a client for every request path), formatted, cold", everyPathFigures);
console.log(`  ${writtenLine(everyPath)}; load average ${loadavg()[0]?.toFixed(1)}`);
const checked = typecheck(join(work, "paths-0"));
console.log(`  tsc --strict over that output: ${checked.errors} error(s), ${checked.ms.toFixed(0)} ms, peak RSS ${checked.rssMb.toFixed(0)} MB`);
const reach = everyPathFigures.total ?? { ms: NaN, rss: NaN, cpu: NaN };
console.log(`  targets: under 10000 ms (${reach.ms.toFixed(0)}), peak RSS under 1536 MB (${reach.rss.toFixed(0)}), tsc 0 errors (${checked.errors})`);

if (!pathsOnly) {
  const defaults = { ...JSON.parse(readFileSync(join(root, "graphgen.config.json"), "utf8")), cwd: root };
  const cold = Array.from({ length: runs }, (_, i) => graphgen({ ...defaults, out: join(work, `default-${i}`) }));
  const unchanged = Array.from({ length: runs }, (_, i) => graphgen({ ...defaults, out: join(work, `default-${i}`) }));
  printTable("default config (identityApiConnector, identity, thumbnailSet + closure), cold", medianFigures(cold));
  printTable(`default config, unchanged regeneration (up to date: ${unchanged.every((r) => r.upToDate)})`, medianFigures(unchanged));

  const other = odata2ts();
  const ours = fullFigures.total ?? { ms: NaN, rss: NaN, cpu: NaN };
  if (other) {
    console.log(`\nodata2ts 0.34.0, models only, no prettier: ${other.ms.toFixed(0)} ms, peak RSS ${other.rssMb.toFixed(0)} MB, ${other.files} files`);
    console.log(`ratio graphgen/odata2ts wall: ${(ours.ms / other.ms).toFixed(2)} (target <= 0.33)`);
    console.log(`ratio graphgen/odata2ts peak RSS: ${(ours.rss / other.rssMb).toFixed(2)}`);
  } else {
    console.log("\nodata2ts: could not be installed or run here; no ratio");
  }
  console.log(`targets: --all under 5000 ms (${ours.ms.toFixed(0)}), peak RSS under 1024 MB (${ours.rss.toFixed(0)})`);
}
rmSync(work, { recursive: true, force: true });
