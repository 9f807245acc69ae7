// The graphgen command as users run it: help, version, generation, and errors without stack traces.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../generator/cli.js";
import { realMetadata, repoRoot, tempDir } from "./support/output.js";

const work = tempDir("cli");
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[], cwd = work) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe("graphgen CLI", () => {
  it("prints help and its version", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: graphgen [options] [command]");
    expect(help.stdout).toContain("generate [options]");
    const version = await run(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("generates the closure of the included types", async () => {
    const out = join(work, "out");
    const result = await run(["generate", "--metadata", realMetadata, "--include", "identityApiConnector", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^graphgen: 2 entity, 5 complex, 0 enum types -> /);
    expect(existsSync(join(out, "src/models/IdentityApiConnector.ts"))).toBe(true);
    expect(existsSync(join(out, "src/models/BasicAuthentication.ts"))).toBe(true);
  });

  it("ends with how to use what it made: where to import it from, and the fake Graph in a test", async () => {
    const app = join(work, "app");
    mkdirSync(app);
    const args = ["generate", "--metadata", realMetadata, "--include-path", "/identity/apiConnectors/**", "--out", "src/graph"];
    const inPlace = [
      "  use it from a module in src/ (imported in place):",
      '    import { createGraphClient } from "./graph/src/client/index.js";',
      "    const graph = createGraphClient({ getAccessToken: async () => token });",
      "  and in a test, on the fake Graph (in memory, no network):",
      '    import { createMockGraph } from "./graph/src/mock/index.js";',
      "    const mock = createMockGraph();",
      '    mock.seed("/identity/apiConnectors", [{ id: "1" }]);',
      '    const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });',
      "",
    ].join("\n");
    const first = await run(args, app);
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n").slice(2).join("\n")).toBe(inPlace);
    // An up-to-date run that writes nothing says the same.
    const again = await run(args, app);
    expect(again.stdout).toContain("up to date");
    expect(again.stdout.endsWith(inPlace)).toBe(true);
    // Outside src/, the output is a package of its own, imported by name; without a client, its types.
    const types = await run(["generate", "--metadata", realMetadata, "--include", "identityApiConnector", "--out", "lib/graph"], app);
    expect(types.stdout.split("\n").slice(2).join("\n")).toBe(
      '  use it as the package graphgen-output (npm run build in it, then install or link it):\n    import { ... } from "graphgen-output";   // types and validators\n',
    );
  });

  it("reports an unknown type with a hint and exit code 1", async () => {
    const result = await run(["generate", "--metadata", realMetadata, "--include", "identityApiConnecter", "--out", join(work, "x")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'graphgen: error: no type named "identityApiConnecter" in the metadata\n' +
        "  fix: did you mean microsoft.graph.identityApiConnector?\n",
    );
    expect(existsSync(join(work, "x"))).toBe(false);
  });

  it("reports malformed metadata with file, line and column, and no stack trace", async () => {
    writeFileSync(join(work, "broken.xml"), '<edmx:Edmx Version="4.0">\n  <Schema>\n');
    const result = await run(["generate", "--metadata", "broken.xml", "--all", "--out", "y"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^graphgen: error: broken\.xml:\d+:\d+: malformed XML: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("asks for something to generate", async () => {
    const result = await run(["generate", "--metadata", realMetadata, "--out", "z"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nothing to generate: no types included");
  });

  it("rejects unknown options with the usage exit code", async () => {
    expect((await run(["generate", "--bogus"])).code).toBe(2);
  });

  it("runs as the installed bin with an exit code", () => {
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [join(repoRoot, "bin/graphgen.js"), "generate", "--metadata", "nope.xml", "--all"], {
        cwd: work,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toBe(
      "graphgen: error: metadata file nope.xml not found\n" +
        '  fix: pass --metadata <file>, or set "metadata" in graphgen.config.json\n',
    );
  });
  it("stops quietly when the reader of its output goes away (graphgen paths | head)", async () => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/graphgen.js"), "paths", "--include-path", "/users/**"], { cwd: work });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Like head -1: read the first chunk, then close the pipe while graphgen still has lines to write.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});
