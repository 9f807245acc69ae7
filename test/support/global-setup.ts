// Once per test run: a folder for everything the run writes to the temporary folder (TMPDIR of the test workers
// and of the processes they start), on a tmpfs where there is one with room, and in it a folder for the generated
// packages that several test files share (see shared-package.ts); all removed when the run ends. Nothing is
// generated here, so a run that needs none pays nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's folder of shared generated packages. */
    sharedPackages: string;
  }
}

/** Names the run's temporary folder once it exists: vitest runs this setup once per project, each in a module of its own. */
const RUN_TEMP = "GRAPHGEN_TEST_RUN_TEMP";

/**
 * Linux's tmpfs, where creating a file costs the kernel about a tenth of what it costs on a disk's file system
 * (15,000 small files: 0.2 s of system CPU against 2.5-3 s on this machine's ext4), and the tests create hundreds
 * of thousands. Taken when it is writable, lets programs run from it (installed packages' binaries) and has room
 * for a run's files, which tests remove as they go (Docker's default /dev/shm, 64 MB and noexec, has not); a
 * TMPDIR set by the user holds the run's folder instead.
 */
function tempBase(): string {
  const tmpfs = "/dev/shm";
  if (process.env.TMPDIR !== undefined || process.platform !== "linux") return tmpdir();
  try {
    const mount = readFileSync("/proc/self/mounts", "utf8").split("\n").map((line) => line.split(" ")).find(([, point, type]) => point === tmpfs && type === "tmpfs");
    const options = mount?.[3]?.split(",") ?? ["ro"];
    const { bavail, bsize } = statfsSync(tmpfs);
    return options.includes("rw") && !options.includes("noexec") && bavail * bsize >= 4 * 2 ** 30 ? tmpfs : tmpdir();
  } catch {
    return tmpdir();
  }
}

/** The prefix of a run's folder; beside it, the run's process id in `owner.pid`. */
const RUN_PREFIX = "graphgen-test-run-";

/**
 * Removes the folders of earlier runs that were killed before their end (their teardown never ran): on a tmpfs they
 * would hold memory until the next reboot. A folder whose owner is still running, or that is not ours to read, stays.
 */
function removeFoldersOfDeadRuns(base: string): void {
  for (const name of readdirSync(base)) {
    if (!name.startsWith(RUN_PREFIX)) continue;
    try {
      const pid = Number(readFileSync(join(base, name, "owner.pid"), "utf8"));
      if (!Number.isInteger(pid) || pid <= 0) continue;
      try {
        process.kill(pid, 0);
        continue; // still running
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") continue; // alive, someone else's
      }
      rmSync(join(base, name), { recursive: true, force: true });
    } catch {
      // not ours, or no owner recorded: left alone
    }
  }
}

export default function setup(project: TestProject): () => void {
  const existing = process.env[RUN_TEMP];
  let runTemp = existing;
  if (runTemp === undefined) {
    const base = tempBase();
    removeFoldersOfDeadRuns(base);
    runTemp = mkdtempSync(join(base, RUN_PREFIX));
    writeFileSync(join(runTemp, "owner.pid"), String(process.pid));
  }
  const previousTmpdir = process.env.TMPDIR;
  if (existing === undefined) {
    // Workers are started after the global setups, with this process's environment.
    process.env[RUN_TEMP] = runTemp;
    process.env.TMPDIR = runTemp;
  }
  const folder = mkdtempSync(join(runTemp, "graphgen-shared-"));
  project.provide("sharedPackages", folder);
  return () => {
    rmSync(folder, { recursive: true, force: true });
    if (existing !== undefined) return;
    rmSync(runTemp, { recursive: true, force: true });
    delete process.env[RUN_TEMP];
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
  };
}
