// Crash safety, on real runs of the built `graphgen generate` on the real v1.0 metadata: the process
// is killed (SIGKILL, SIGTERM, SIGINT) at many points, including while it removes thousands of files
// after a switch to a smaller selection (issue 22). Right after the kill the output folder must be
// the old complete output or the new one (a caught signal waits for the write to end); after a
// SIGKILL it may also be half-moved, but then marked so: `--check` fails and nothing says "up to
// date". A rerun must then equal a clean generation, and the result must build.
// Runs use --no-format: formatting happens before the write stage and would only lengthen the runs.
// Each graphgen process parses all of v1.0, so the file starts no more of them than its cases need: only
// the runs it kills are processes; the clean generations, --check and the reruns that repair run the same
// code in this process and share one parse (loadModel remembers the model). Outputs to start from are
// copies of the clean ones, and the spread of kills stops one run per stage.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { findLeftovers, JOURNAL_FILE, STAGING_PREFIX } from "../../generator/write-journal.js";
import { listFiles, realMetadata, repoRoot, runTsc, tempDir } from "../support/output.js";

const work = tempDir("interrupt");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Selections: the app (thousands of files), a middle one and a small one. */
const WIDE = "user,group,message,driveItem";
const MIDDLE = "message";
const NARROW = "thumbnailSet";
const args = (include: string, out: string) => ["generate", "--metadata", realMetadata, "--include", include, "--no-format", "--out", out];

/** A run nothing interrupts, in this process: what the built command runs, without its own parse of v1.0. */
async function graphgen(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: work });
  return { status, stdout, stderr };
}

/** Every file's bytes by path; what "the output" is. */
function snapshot(dir: string): Record<string, string> {
  return existsSync(dir) ? Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), "utf8")])) : {};
}

const clean: Record<string, Record<string, string>> = {};
/** How long a whole run of the built command towards MIDDLE took here, for kills timed as fractions of it. */
let middleRunMs = 0;
beforeAll(async () => {
  for (const include of [WIDE, MIDDLE, NARROW]) {
    const started = performance.now();
    if (include === MIDDLE) {
      const built = spawnSync(process.execPath, [join(repoRoot, "bin/graphgen.js"), ...args(include, `clean-${include}`)], { cwd: work, encoding: "utf8" });
      expect(built.status, built.stderr).toBe(0);
      middleRunMs = performance.now() - started;
    } else expect((await graphgen(args(include, `clean-${include}`))).status).toBe(0);
    clean[include] = snapshot(join(work, `clean-${include}`));
    // So is every output that equals it byte for byte with no leftovers beside or inside it (what --check reads).
    expect((await graphgen([...args(include, `clean-${include}`), "--check"])).status).toBe(0);
  }
}, 300_000);

/** A copy of the clean output of `include` at `out`, as a finished generate leaves it. */
function copyClean(include: string, out: string): string {
  const folder = join(work, out);
  cpSync(join(work, `clean-${include}`), folder, { recursive: true });
  return folder;
}

type Trigger = { afterMs: number } | { onEntry: (name: string) => boolean };

/**
 * Starts from a clean `from` output, runs `generate` towards `to` and sends `signal` when the trigger
 * fires: after a delay, or when an entry appears in the output folder. Resolves once the process is gone.
 */
async function interrupt(out: string, from: string, to: string, signal: NodeJS.Signals, trigger: Trigger): Promise<number | null> {
  const folder = join(work, out);
  rmSync(folder, { recursive: true, force: true });
  copyClean(from, out);
  const child = spawn(process.execPath, [join(repoRoot, "bin/graphgen.js"), ...args(to, out)], { cwd: work, stdio: "ignore" });
  const watcher = "onEntry" in trigger ? watch(folder, (_event, name) => name && trigger.onEntry(name) && child.kill(signal)) : undefined;
  const timer = "afterMs" in trigger ? setTimeout(() => child.kill(signal), trigger.afterMs) : undefined;
  const exit = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  watcher?.close();
  clearTimeout(timer);
  return exit;
}

/** Right after an interrupt: old or new output, or (SIGKILL only) an output marked as unfinished. */
async function expectOldNewOrMarked(out: string, from: string, to: string, signal: NodeJS.Signals): Promise<"old" | "new" | "marked"> {
  const folder = join(work, out);
  const now = snapshot(folder);
  const leftovers = findLeftovers(folder).paths;
  if (leftovers.length === 0 && JSON.stringify(now) === JSON.stringify(clean[from])) return "old";
  if (leftovers.length === 0 && JSON.stringify(now) === JSON.stringify(clean[to])) return "new";
  expect(signal, `${out}: after ${signal} the output is neither the old nor the new one`).toBe("SIGKILL");
  expect(leftovers.length, `${out}: a half-written output carries no journal or staging folder`).toBeGreaterThan(0);
  const check = await graphgen([...args(to, out), "--check"]);
  expect(check.status, `${out}: --check passed over an interrupted output`).toBe(1);
  expect(check.stderr).toContain("(an interrupted run's)");
  return "marked";
}

/**
 * The rerun: the new output left whole is up to date; anything else is (re)written, leftovers removed.
 * The result is the clean output's bytes with no leftovers, which `--check` passes (asserted on the clean
 * outputs in beforeAll, instead of a whole run of --check after every rerun).
 */
async function expectRepaired(out: string, to: string, state: "old" | "new" | "marked"): Promise<void> {
  const rerun = await graphgen(args(to, out));
  expect(rerun.status).toBe(0);
  if (state === "new") expect(rerun.stdout).toContain("up to date");
  else expect(rerun.stdout).not.toContain("up to date");
  if (state === "marked") expect(rerun.stdout).toContain("repaired an interrupted run");
  expect(snapshot(join(work, out))).toEqual(clean[to]);
  expect(findLeftovers(join(work, out)).paths).toEqual([]);
}

describe("an interrupted generate", () => {
  it("killed while removing thousands of files after a switch to a smaller selection: marked, then repaired, and it builds", async () => {
    await interrupt("removing", WIDE, NARROW, "SIGKILL", { onEntry: (name) => name === JOURNAL_FILE });
    expect(await expectOldNewOrMarked("removing", WIDE, NARROW, "SIGKILL")).toBe("marked");
    // What the issue saw: a rerun said "up to date" over the half-removed folder.
    await expectRepaired("removing", NARROW, "marked");
    expect(runTsc(["-p", join(work, "removing"), "--noEmit"], work)).toBe("");
  }, 180_000);

  it("stopped by Ctrl-C (SIGINT) while removing: the write ends first, the output is the new one", async () => {
    const code = await interrupt("removing-SIGINT", WIDE, NARROW, "SIGINT", { onEntry: (name) => name === JOURNAL_FILE });
    expect(code).toBe(130);
    expect(await expectOldNewOrMarked("removing-SIGINT", WIDE, NARROW, "SIGINT")).toBe("new");
  }, 180_000);

  it("killed while writing its staging folder: the old output with a leftover, removed by the rerun", async () => {
    let seen = false;
    await interrupt("staging", NARROW, WIDE, "SIGKILL", { onEntry: (name) => (seen ||= name.startsWith(STAGING_PREFIX)) });
    expect(await expectOldNewOrMarked("staging", NARROW, WIDE, "SIGKILL")).toBe("marked");
    expect(snapshot(join(work, "staging"))).toMatchObject(clean[NARROW] as object);
    await expectRepaired("staging", WIDE, "marked");
  }, 180_000);

  it("killed at a spread of moments of a whole run, by SIGKILL and SIGTERM: every state is old, new or marked, and a rerun repairs it", async () => {
    // One kill per stage: reading and modelling (timed), writing the staging folder and moving files
    // into place (when its entry appears), and after the run ended. Both signals reach a write stage.
    const runMs = middleRunMs;
    let staged = false;
    const kills: [string, NodeJS.Signals, () => Trigger][] = [
      ["0.1", "SIGKILL", () => ({ afterMs: Math.round(runMs * 0.1) })],
      ["0.5", "SIGTERM", () => ({ afterMs: Math.round(runMs * 0.5) })],
      ["staging", "SIGTERM", () => ({ onEntry: (name) => (staged ||= name.startsWith(STAGING_PREFIX)) })],
      ["journal", "SIGKILL", () => ({ onEntry: (name) => name === JOURNAL_FILE })],
      ["1.1", "SIGKILL", () => ({ afterMs: Math.round(runMs * 1.1) })],
    ];
    const outcomes: string[] = [];
    for (const [i, [moment, signal, trigger]] of kills.entries()) {
      const [from, to] = i % 2 === 0 ? [MIDDLE, NARROW] : [NARROW, MIDDLE];
      const out = `timed-${i}`;
      await interrupt(out, from, to, signal, trigger());
      const state = await expectOldNewOrMarked(out, from, to, signal);
      outcomes.push(`${moment}:${signal}:${state}`);
      await expectRepaired(out, to, state);
    }
    // Both ends of the run were reached: some kills left the old output, some came after the new one.
    expect(outcomes.some((o) => o.endsWith(":old"))).toBe(true);
  }, 600_000);
});

describe("leftovers of an interrupted run", () => {
  it("are reported by --check and removed by the next generate, next to and inside the output folder", async () => {
    const out = copyClean(NARROW, "stray");
    mkdirSync(join(out, `${STAGING_PREFIX}0a1b2c`));
    writeFileSync(join(out, `${STAGING_PREFIX}0a1b2c`, "0"), "half a file");
    mkdirSync(join(work, `.stray${STAGING_PREFIX}3d4e5f`));
    const check = await graphgen([...args(NARROW, "stray"), "--check"]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`  leftover ${STAGING_PREFIX}0a1b2c (an interrupted run's)\n  leftover ../.stray${STAGING_PREFIX}3d4e5f (an interrupted run's)\n`);
    await expectRepaired("stray", NARROW, "marked");
    expect(existsSync(join(work, `.stray${STAGING_PREFIX}3d4e5f`))).toBe(false);
  }, 120_000);

  it("a journal naming files no lock lists: they are removed even when the rerun's inputs match the old lock", async () => {
    const out = copyClean(NARROW, "journal");
    // As a run towards a wider selection leaves it when killed after moving one new file into place.
    writeFileSync(join(out, "src/models/Extra.ts"), "export const extra = 1;\n");
    writeFileSync(join(out, JOURNAL_FILE), JSON.stringify({ writing: ["src/models/Extra.ts"], removing: [] }));
    expect((await graphgen(args(NARROW, "journal"))).stdout).toContain("1 removed");
    expect(snapshot(out)).toEqual(clean[NARROW]);
  }, 120_000);
});
