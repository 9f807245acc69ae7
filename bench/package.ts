// `npm run bench:package`: what installing graphgen costs a user. Packs graphgen (`npm pack`),
// installs the tarball into an empty project, then times the first commands a user runs there.
// Prints the tarball's packed/unpacked size and what metadata/ takes of it, the install time,
// node_modules' size, and the generate / permissions / update --check times. Figures, no asserts.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "..");
const env = { ...process.env, npm_config_update_notifier: "false", CI: "1" };

function timed(label: string, command: string, args: string[], cwd: string): void {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  const ms = performance.now() - started;
  console.log(`${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(6)} s${run.status === 0 ? "" : `  (exit ${run.status}: ${run.stderr.trim().split("\n")[0]})`}`);
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    total += stat.isDirectory() ? folderBytes(full) : stat.size;
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;

const work = mkdtempSync(join(tmpdir(), "graphgen-bench-package-"));
try {
  execFileSync("npm", ["run", "build"], { cwd: repoRoot, env, stdio: "ignore" });
  const packed = (JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: repoRoot, env, encoding: "utf8" })) as {
    filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[];
  }[])[0]!;
  const metadataBytes = packed.files.filter((f) => f.path.startsWith("metadata/")).reduce((sum, f) => sum + f.size, 0);
  console.log(`tarball: ${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked, ${packed.files.length} files; metadata/ is ${mb(metadataBytes)} unpacked`);
  const app = join(work, "app");
  execFileSync("mkdir", [app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
  timed("npm i -D <tarball> (--prefer-offline)", "npm", ["install", "-D", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, packed.filename)], app);
  console.log(`node_modules: ${mb(folderBytes(join(app, "node_modules")))}, of which graphgen ${mb(folderBytes(join(app, "node_modules/graphgen")))}`);
  timed("npx graphgen generate --include user --include-path '/users/**'", "npx", ["--no-install", "graphgen", "generate", "--include", "user", "--include-path", "/users/**", "--out", "src/graph"], app);
  timed("npx graphgen generate --include identityApiConnector", "npx", ["--no-install", "graphgen", "generate", "--include", "identityApiConnector", "--out", "src/small"], app);
  timed("npx graphgen permissions --include-path '/users/{id}/messages'", "npx", ["--no-install", "graphgen", "permissions", "--include-path", "/users/{id}/messages"], app);
  timed("npx graphgen --version (start-up)", "npx", ["--no-install", "graphgen", "--version"], app);
} finally {
  rmSync(work, { recursive: true, force: true });
}
