// A generated package shared by the test files of one run: the first file to ask generates it (each
// generation parses and models the whole v1.0 metadata), the others wait for it and use the same folder.
// Tests read and import it, and may add files of their own beside it; none may change what was generated.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { generate } from "../../generator/generate.js";
import type { GenerateOptions } from "../../generator/options.js";

const WAIT_MS = 180_000;

/**
 * All of v1.0 with the shipped metadata and overlay (`--all`), and a client for broad request paths: the
 * full-metadata gate, the docs corpus and the client's full-metadata check read it.
 */
export const ALL_V1: GenerateOptions = { all: true, includePaths: ["/identity/**", "/users/**", "/groups/*/members/**", "/drives/*/root/*"] };

/** The package generated once per run from `options` under `name` (format off, forced); its folder. */
export async function sharedPackage(name: string, options: GenerateOptions): Promise<string> {
  const home = join(inject("sharedPackages"), name);
  const out = join(home, "package");
  const done = join(home, "done");
  try {
    mkdirSync(home); // atomic: the one file that creates it generates
  } catch {
    for (const started = Date.now(); !existsSync(done); await sleep(100)) {
      if (Date.now() - started > WAIT_MS) throw new Error(`the shared package "${name}" was not generated within ${WAIT_MS / 1000} s (${home}): see the test file that generates it`);
    }
    return out;
  }
  await generate({ ...options, out, format: false }, { force: true });
  writeFileSync(done, "");
  return out;
}
