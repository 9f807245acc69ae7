// Test runner settings: generous timeouts for the tests that generate all of Graph and run tsc.
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Files that replace a module with `vi.mock`: a mock only reaches modules imported after it, so these get a fresh
 * module graph each. Every other file shares its worker's modules with the files run before it there (`isolate:
 * false`), so the generator's TypeScript is loaded once per worker, not once per file.
 */
const ISOLATED = ["test/emit/prettier-stable.test.ts"];

export default defineConfig({
  test: {
    // One file per core (vitest's default leaves one core idle, so a 2-core machine ran one file at a time):
    // most of a slow file's time is spent in tsc or graphgen child processes, not in vitest's own process.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A folder per run for the generated packages several files share (test/support/shared-package.ts).
    globalSetup: ["test/support/global-setup.ts"],
    projects: [
      { extends: true, test: { name: "shared", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
  },
});
