// graphgen's own code as the lock's fingerprint names it. In a checkout that code is generator/, whether it
// runs from there (tsx, vitest) or from dist/; dist/ is trusted only while `npm run build`'s record of the
// sources it compiled still matches them, so a stale build cannot write output under the new code's name.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GraphgenError } from "./errors.js";
import { sha256 } from "./write.js";

const RUNNING_FROM = fileURLToPath(new URL(".", import.meta.url));
const PACKAGE_ROOT = resolve(RUNNING_FROM, "..");

/** Written by `npm run build`: each source file's sha256, as compiled into dist/. */
export const BUILD_RECORD = "dist/built-from.json";

/** Each file's sha256 (line endings normalised), by its `/`-separated path from the package root. */
type FileHashes = Record<string, string>;

/**
 * One hash for the code and templates, the runtime's .ts sources in templates/runtime/ included, the same from
 * generator/ and from a fresh dist/ of it; an installed package has no sources, so there it is dist/ itself.
 * Throws when a checkout's dist/ is stale.
 */
export function codeHash(root = PACKAGE_ROOT, running = basename(RUNNING_FROM)): string {
  const sources = checkedSources(root, running);
  return sha256(JSON.stringify({ ...(sources ?? hashFiles(root, "dist")), ...hashFiles(root, "templates") }));
}

/**
 * Refuses to run a checkout's stale dist/ at all, whatever the command: `permissions`, `paths` or `diff`
 * write no lock, but would still answer from old code. A no-op from the sources and in an installed package.
 */
export function checkRunningBuild(root = PACKAGE_ROOT, running = basename(RUNNING_FROM)): void {
  if (running === "dist") checkedSources(root, running);
}

/** A checkout's sources, hashed; throws when they run from a dist/ built from others. Undefined when installed. */
function checkedSources(root: string, running: string): FileHashes | undefined {
  if (!existsSync(join(root, "generator"))) return undefined;
  const sources = hashFiles(root, "generator");
  if (running === "dist") checkBuild(root, sources);
  return sources;
}

/** Records which sources dist/ was just compiled from (the last step of `npm run build`). */
export function recordBuild(root = PACKAGE_ROOT): void {
  writeFileSync(join(root, BUILD_RECORD), `${JSON.stringify(hashFiles(root, "generator"), null, 2)}\n`);
}

function checkBuild(root: string, sources: FileHashes): void {
  const built = readBuildRecord(root);
  const hint = `run npm run build in ${root}, then run graphgen again`;
  if (!built) {
    throw new GraphgenError(`graphgen's build in ${join(root, "dist")} is stale: it has no readable ${BUILD_RECORD} naming the sources it was built from`, { hint });
  }
  const changed = [...new Set([...Object.keys(sources), ...Object.keys(built)])].filter((path) => sources[path] !== built[path]).sort();
  if (changed.length === 0) return;
  const named = changed.length > 5 ? `${changed.slice(0, 5).join(", ")} and ${changed.length - 5} more` : changed.join(", ");
  throw new GraphgenError(`graphgen's build in ${join(root, "dist")} is stale: ${named} changed since it was built, and it would run the old code`, { hint });
}

/** The record `npm run build` wrote; undefined when there is none (a bare tsc) or it is not JSON. */
function readBuildRecord(root: string): FileHashes | undefined {
  try {
    return JSON.parse(readFileSync(join(root, BUILD_RECORD), "utf8")) as FileHashes;
  } catch {
    return undefined;
  }
}

function hashFiles(root: string, folder: string): FileHashes {
  const hashes: FileHashes = {};
  for (const file of listFiles(join(root, folder))) {
    if (!/\.(ts|js|hbs|css)$/.test(file) || file.endsWith(".d.ts")) continue;
    hashes[relative(root, file).split("\\").join("/")] = sha256(readFileSync(file, "utf8").replace(/\r\n/g, "\n"));
  }
  return hashes;
}

function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
