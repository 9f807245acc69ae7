// graphgen itself as users get it: packed with `npm pack`, installed from the tarball into an empty
// project, and run there with no other file: the shipped metadata, overlay and permission tables
// are found inside the package, not in the working folder. One pack and install for all tests.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prebuiltModules } from "../../generator/package/prebuilt.js";
import { editedMetadata } from "../update/support/project.js";
import { repoRoot, runTsc, tempDir } from "../support/output.js";

const work = tempDir("install");
const app = join(work, "app");
const env = { ...process.env, npm_config_update_notifier: "false", CI: "1" };
let tarballFiles: string[] = [];

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", env });
}

/** `npx graphgen ...` in the app, as a user types it. */
function graphgen(args: string[]) {
  const run = spawnSync("npx", ["--no-install", "graphgen", ...args], { cwd: app, encoding: "utf8", env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The package as `npm pack` sees it, with dist/ built from the current sources into the copy (the repo's dist/ is left to other tests). */
function stagePackage(): string {
  const stage = join(work, "graphgen");
  for (const path of ["package.json", "README.md", "bin", "templates", "metadata"]) cpSync(join(repoRoot, path), join(stage, path), { recursive: true });
  expect(runTsc(["-p", join(repoRoot, "tsconfig.build.json"), "--outDir", join(stage, "dist")], repoRoot)).toBe("");
  // A stray download in metadata/ stays out: "files" names each shipped file.
  writeFileSync(join(stage, "metadata/new.xml"), "<edmx:Edmx/>");
  return stage;
}

beforeAll(() => {
  const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], stagePackage())) as [{ filename: string; files: { path: string }[] }];
  tarballFiles = packed.files.map((f) => f.path);
  execFileSync("mkdir", [app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }, null, 2));
  npm(["install", "-D", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, packed.filename)], app);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("graphgen installed from its tarball into an empty project", () => {
  it("ships Graph's v1.0 metadata, the overlay, the descriptions and the permission tables with their licences", () => {
    expect(tarballFiles.filter((f) => f.startsWith("metadata/")).sort()).toEqual([
      "metadata/LICENSE-microsoft-graph-devx-content",
      "metadata/LICENSE-msgraph-metadata",
      "metadata/descriptions.json",
      "metadata/overlay.xml",
      "metadata/permissions.json",
      "metadata/provisioningInfo.json",
      "metadata/v1.0-cleanMetadata.xml",
    ]);
    expect(tarballFiles).not.toContain("metadata/new.xml");
  });

  it("ships the runtime sources, read at generation time from the installed package", () => {
    const runtime = tarballFiles.filter((f) => f.startsWith("templates/runtime/") && f.endsWith(".ts"));
    expect(runtime).toContain("templates/runtime/client/runtime.ts");
    expect(runtime).toContain("templates/runtime/mock/graph.ts");
    expect(runtime).toContain("templates/runtime/runtime/validation.ts");
    expect(runtime.length).toBeGreaterThanOrEqual(26);
  });

  it("init writes the documented config and the generate script, and refuses to overwrite", () => {
    const first = graphgen(["init"]);
    expect(first.stdout).toBe(
      'graphgen: wrote graphgen.config.json\ngraphgen: added "generate": "graphgen generate" to package.json\nnext: set "include" and/or "includePaths" in graphgen.config.json, then run:\n  npm run generate\n',
    );
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(join(app, "package.json"), "utf8")).scripts).toEqual({ generate: "graphgen generate" });
    const again = graphgen(["init"]);
    expect(again.stderr).toBe(`graphgen: error: graphgen.config.json already exists in ${app}; nothing was written\n  fix: edit it, or delete it and run graphgen init again\n`);
    expect(again.code).toBe(1);
  });

  // README's own command, word for word, as a newcomer types it into an empty project.
  it("generates README's users and their client from the shipped metadata and overlay", () => {
    const { code, stdout, stderr } = graphgen(["generate", "--include", "user", "--include-path", "/users/**", "--out", "src/graph"]);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^graphgen: \d+ entity, \d+ complex, \d+ enum types -> .*src\/graph\n/);
    expect(code).toBe(0);
    // Inside src/, JavaScript + declarations (emit's default there).
    expect(existsSync(join(app, "src/graph/src/client/paths/users.js"))).toBe(true);
    expect(existsSync(join(app, "src/graph/src/client/paths/users.d.ts"))).toBe(true);
    expect(existsSync(join(app, "src/graph/src/models/User.d.ts"))).toBe(true);
    // The runtime comes from the installed package's templates/runtime/, below the header line, emitted as JavaScript.
    const runtime = readFileSync(join(app, "node_modules/graphgen/templates/runtime/client/retry.ts"), "utf8");
    const retry = readFileSync(join(app, "src/graph/src/client/retry.js"), "utf8");
    const [emitted] = prebuiltModules([{ path: "src/client/retry.ts", content: `${retry.split("\n")[0]}\n${runtime}` }]);
    expect(retry).toBe(emitted?.content);
    // The overlay's documented identity properties are there: the shipped overlay was applied.
    const lock = JSON.parse(readFileSync(join(app, "src/graph/graphgen.lock.json"), "utf8"));
    expect(Object.keys(lock.inputs).sort()).toEqual([
      "node_modules/graphgen/metadata/descriptions.json",
      "node_modules/graphgen/metadata/overlay.xml",
      "node_modules/graphgen/metadata/v1.0-cleanMetadata.xml",
    ]);
  }, 120_000);

  it("prints the permissions for a path from the shipped tables", () => {
    const { code, stdout } = graphgen(["permissions", "--include-path", "/users/{id}/messages"]);
    // Each operation asks for its own least permission: the GET reads with Mail.ReadBasic, the POST writes.
    expect(stdout).toContain("Delegated permissions (Scope):\n  Mail.ReadBasic  a4b8392a-d8d1-4954-a029-8e668a39a170");
    expect(stdout).toContain("  Mail.ReadWrite  024d486e-b451-40bb-833d-3e66d98c5c73");
    expect(stdout).toContain("Application permissions (Role):\n  Mail.ReadBasic.All  693c5e45-0940-467d-9b8a-1022fb9d42ef");
    expect(stdout).toContain("  Mail.ReadWrite  e2a3a72e-5f79-4c64-b1b1-878b674786c9");
    expect(code).toBe(0);
  });

  it("update --check reads a downloaded file and reports the shipped metadata out of date", () => {
    writeFileSync(join(app, "new.xml"), editedMetadata());
    const { code, stdout, stderr } = graphgen(["update", "--from", "new.xml", "--check"]);
    expect(stdout).toContain("graphgen diff graphgen's shipped v1.0 metadata -> new.xml, over your selection (--all for everything)\n");
    expect(stderr).toBe("graphgen: graphgen's shipped v1.0 metadata differs from new.xml (their deprecation notices do not tell which is newer); run graphgen update to take it\n");
    expect(code).toBe(1);
  }, 60_000);
});
