// Crash safety, on real runs of the built `graphgen generate` on the real v1.0 metadata: the process
// is killed (SIGKILL, SIGTERM, SIGINT) at many points, including while it removes thousands of files
// after a switch to a smaller selection (issue 22). Right after the kill the output folder must be
// the old complete output or the new one (a caught signal waits for the write to end); after a
// SIGKILL it may also be half-moved, but then marked so: `--check` fails and nothing says "up to
// date". A rerun must then equal a clean generation, and the result must build.
// Runs use --no-format: formatting happens before the write stage and would only lengthen the runs.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLeftovers, JOURNAL_FILE, STAGING_PREFIX } from "../../generator/write-journal.js";
import { listFiles, realMetadata, repoRoot, runTsc, tempDir } from "../support/output.js";

const work = tempDir("interrupt");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Selections: the app (thousands of files), a middle one and a small one. */
const WIDE = "user,group,message,driveItem";
const MIDDLE = "message";
const NARROW = "thumbnailSet";
const args = (include: string, out: string) => ["generate", "--metadata", realMetadata, "--include", include, "--no-format", "--out", out];

function graphgen(argv: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(repoRoot, "bin/graphgen.js"), ...argv], { cwd: work, encoding: "utf8" });
}

/** Every file's bytes by path; what "the output" is. */
function snapshot(dir: string): Record<string, string> {
  return existsSync(dir) ? Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), "utf8")])) : {};
}

const clean: Record<string, Record<string, string>> = {};
beforeAll(() => {
  for (const include of [WIDE, MIDDLE, NARROW]) {
    expect(graphgen(args(include, `clean-${include}`)).status).toBe(0);
    clean[include] = snapshot(join(work, `clean-${include}`));
  }
}, 300_000);

type Trigger = { afterMs: number } | { onEntry: (name: string) => boolean };

/**
 * Starts from a clean `from` output, runs `generate` towards `to` and sends `signal` when the trigger
 * fires: after a delay, or when an entry appears in the output folder. Resolves once the process is gone.
 */
async function interrupt(out: string, from: string, to: string, signal: NodeJS.Signals, trigger: Trigger): Promise<number | null> {
  const folder = join(work, out);
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(work, `clean-${from}`), folder, { recursive: true });
  const child = spawn(process.execPath, [join(repoRoot, "bin/graphgen.js"), ...args(to, out)], { cwd: work, stdio: "ignore" });
  const watcher = "onEntry" in trigger ? watch(folder, (_event, name) => name && trigger.onEntry(name) && child.kill(signal)) : undefined;
  const timer = "afterMs" in trigger ? setTimeout(() => child.kill(signal), trigger.afterMs) : undefined;
  const exit = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  watcher?.close();
  clearTimeout(timer);
  return exit;
}

/** Right after an interrupt: old or new output, or (SIGKILL only) an output marked as unfinished. */
function expectOldNewOrMarked(out: string, from: string, to: string, signal: NodeJS.Signals): "old" | "new" | "marked" {
  const folder = join(work, out);
  const now = snapshot(folder);
  const leftovers = findLeftovers(folder).paths;
  if (leftovers.length === 0 && JSON.stringify(now) === JSON.stringify(clean[from])) return "old";
  if (leftovers.length === 0 && JSON.stringify(now) === JSON.stringify(clean[to])) return "new";
  expect(signal, `${out}: after ${signal} the output is neither the old nor the new one`).toBe("SIGKILL");
  expect(leftovers.length, `${out}: a half-written output carries no journal or staging folder`).toBeGreaterThan(0);
  const check = graphgen([...args(to, out), "--check"]);
  expect(check.status, `${out}: --check passed over an interrupted output`).toBe(1);
  expect(check.stderr).toContain("(an interrupted run's)");
  return "marked";
}

/** The rerun: the new output left whole is up to date; anything else is (re)written, leftovers removed. */
function expectRepaired(out: string, to: string, state: "old" | "new" | "marked"): void {
  const rerun = graphgen(args(to, out));
  expect(rerun.status).toBe(0);
  if (state === "new") expect(rerun.stdout).toContain("up to date");
  else expect(rerun.stdout).not.toContain("up to date");
  if (state === "marked") expect(rerun.stdout).toContain("repaired an interrupted run");
  expect(snapshot(join(work, out))).toEqual(clean[to]);
  expect(graphgen([...args(to, out), "--check"]).status).toBe(0);
}

describe("an interrupted generate", () => {
  it("killed while removing thousands of files after a switch to a smaller selection: marked, then repaired, and it builds", async () => {
    await interrupt("removing", WIDE, NARROW, "SIGKILL", { onEntry: (name) => name === JOURNAL_FILE });
    expect(expectOldNewOrMarked("removing", WIDE, NARROW, "SIGKILL")).toBe("marked");
    // What the issue saw: a rerun said "up to date" over the half-removed folder.
    expectRepaired("removing", NARROW, "marked");
    expect(runTsc(["-p", join(work, "removing"), "--noEmit"], work)).toBe("");
  }, 180_000);

  it("stopped by Ctrl-C (SIGINT) while removing: the write ends first, the output is the new one", async () => {
    const code = await interrupt("removing-SIGINT", WIDE, NARROW, "SIGINT", { onEntry: (name) => name === JOURNAL_FILE });
    expect(code).toBe(130);
    expect(expectOldNewOrMarked("removing-SIGINT", WIDE, NARROW, "SIGINT")).toBe("new");
  }, 180_000);

  it("killed while writing its staging folder: the old output with a leftover, removed by the rerun", async () => {
    let seen = false;
    await interrupt("staging", NARROW, WIDE, "SIGKILL", { onEntry: (name) => (seen ||= name.startsWith(STAGING_PREFIX)) });
    expect(expectOldNewOrMarked("staging", NARROW, WIDE, "SIGKILL")).toBe("marked");
    expect(snapshot(join(work, "staging"))).toMatchObject(clean[NARROW] as object);
    expectRepaired("staging", WIDE, "marked");
  }, 180_000);

  it("killed at a spread of moments of a whole run, by SIGKILL and SIGTERM: every state is old, new or marked, and a rerun repairs it", async () => {
    const started = performance.now();
    expect(graphgen(args(MIDDLE, "timed")).status).toBe(0);
    const runMs = performance.now() - started;
    const outcomes: string[] = [];
    for (const [i, fraction] of [0.05, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.1].entries()) {
      const [from, to] = i % 2 === 0 ? [MIDDLE, NARROW] : [NARROW, MIDDLE];
      const signal = i % 3 === 2 ? "SIGTERM" : "SIGKILL";
      const out = `timed-${i}`;
      await interrupt(out, from, to, signal, { afterMs: Math.round(runMs * fraction) });
      const state = expectOldNewOrMarked(out, from, to, signal);
      outcomes.push(`${fraction}:${signal}:${state}`);
      expectRepaired(out, to, state);
    }
    // Both ends of the run were reached: some kills left the old output, some came after the new one.
    expect(outcomes.some((o) => o.endsWith(":old"))).toBe(true);
  }, 600_000);
});

describe("leftovers of an interrupted run", () => {
  it("are reported by --check and removed by the next generate, next to and inside the output folder", () => {
    const out = join(work, "stray");
    expect(graphgen(args(NARROW, "stray")).status).toBe(0);
    mkdirSync(join(out, `${STAGING_PREFIX}0a1b2c`));
    writeFileSync(join(out, `${STAGING_PREFIX}0a1b2c`, "0"), "half a file");
    mkdirSync(join(work, `.stray${STAGING_PREFIX}3d4e5f`));
    const check = graphgen([...args(NARROW, "stray"), "--check"]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`  leftover ${STAGING_PREFIX}0a1b2c (an interrupted run's)\n  leftover ../.stray${STAGING_PREFIX}3d4e5f (an interrupted run's)\n`);
    expectRepaired("stray", NARROW, "marked");
    expect(existsSync(join(work, `.stray${STAGING_PREFIX}3d4e5f`))).toBe(false);
  }, 120_000);

  it("a journal naming files no lock lists: they are removed even when the rerun's inputs match the old lock", () => {
    const out = join(work, "journal");
    expect(graphgen(args(NARROW, "journal")).status).toBe(0);
    // As a run towards a wider selection leaves it when killed after moving one new file into place.
    writeFileSync(join(out, "src/models/Extra.ts"), "export const extra = 1;\n");
    writeFileSync(join(out, JOURNAL_FILE), JSON.stringify({ writing: ["src/models/Extra.ts"], removing: [] }));
    expect(graphgen(args(NARROW, "journal")).stdout).toContain("1 removed");
    expect(snapshot(out)).toEqual(clean[NARROW]);
  }, 120_000);
});
