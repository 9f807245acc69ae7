// Once per test run: a folder for the generated packages that several test files share (see
// shared-package.ts), removed when the run ends. Nothing is generated here, so a run that needs none pays nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's folder of shared generated packages. */
    sharedPackages: string;
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), "graphgen-shared-"));
  project.provide("sharedPackages", folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
