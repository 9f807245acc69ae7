// Test runner settings: generous timeouts for the tests that generate all of Graph and run tsc.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A folder per run for the generated packages several files share (test/support/shared-package.ts).
    globalSetup: ["test/support/global-setup.ts"],
  },
});
