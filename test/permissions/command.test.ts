// `graphgen permissions`: each operation's own least permission in the manifest, methods selected by
// --read-only, --method or the config's permissionMethods, RSC and the smaller manifest only when asked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";

const dir = mkdtempSync(join(tmpdir(), "graphgen-permissions-cmd-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-config.json`, { force: true });
});

const run = async (args: string[]) => {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["permissions", ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
};

/** The permission names of one section of the summary. */
const section = (stdout: string, title: string): string[] => {
  const lines = stdout.split("\n");
  const start = lines.indexOf(title);
  const end = lines.findIndex((l, i) => i > start && l === "");
  return lines.slice(start + 1, end).map((l) => l.trim().split(/\s+/)[0]!);
};

describe("graphgen permissions", () => {
  it("asks for each operation's own least permission, never a higher one another operation needs", async () => {
    const { code, stdout } = await run(["--include-path", "/groups"]);
    expect(code).toBe(0);
    // GET /groups reads with Group.ReadBasic.All though POST /groups needs Group.ReadWrite.All.
    expect(section(stdout, "Delegated permissions (Scope):")).toEqual(["Group.ReadBasic.All", "Group.ReadWrite.All"]);
    expect(stdout).toContain("  GET /groups\n    table path: /groups (exact match)\n    delegated: Group.ReadBasic.All (marked least in the table)\n");
    expect(stdout).toContain("  GET /groups/$count\n    table path: /groups (exact match, via count-as-collection)\n");
  });

  it("names no application permission on /me, which needs a signed-in user", async () => {
    const { stdout } = await run(["--include-path", "/me"]);
    expect(stdout).toContain("  GET /me\n    table path: /me (exact match)\n    delegated: User.Read (marked least in the table)\n    application: none (/me needs a signed-in user)\n");
    expect(stdout).toContain("  PATCH /me\n    table path: /users/{id} (exact match, via me-as-user)\n    delegated: User.ReadWrite (lowest privilege level)\n");
    expect(section(stdout, "Application permissions (Role):")).toEqual(["(none)"]);
  });

  it("counts only GET requests with --read-only, and says which it left out", async () => {
    const { code, stdout } = await run(["--include-path", "/groups", "--read-only"]);
    expect(code).toBe(0);
    expect(section(stdout, "Delegated permissions (Scope):")).toEqual(["Group.ReadBasic.All"]);
    expect(stdout).toContain("  POST /groups\n    table path: /groups (exact match)\n    not counted: its method is not selected\n");
  });

  it("takes the methods from the config's permissionMethods, and pins a bad method", async () => {
    // Beside the folder the other commands run in, which has no config.
    const config = join(dir, "..", `${dir.split("/").pop()}-config.json`);
    writeFileSync(config, JSON.stringify({ includePaths: ["/groups"], permissionMethods: ["post"] }));
    const fromConfig = await run(["--config", config]);
    expect(fromConfig.code).toBe(0);
    expect(section(fromConfig.stdout, "Delegated permissions (Scope):")).toEqual(["Group.ReadWrite.All"]);
    const bad = await run(["--config", config, "--method", "FETCH"]);
    expect([bad.code, bad.stderr]).toEqual([1, 'graphgen: error: --method: "FETCH" is not an HTTP method Graph\'s requests use\n  fix: did you mean PATCH? use one of GET, POST, PATCH, PUT, DELETE\n']);
  });

  it("chooses resource-specific permissions and the smaller manifest only when asked", async () => {
    const plain = await run(["--include-path", "/teams/*/channels", "--application"]);
    expect(section(plain.stdout, "Application permissions (Role):")).toEqual(["Channel.Create", "Channel.ReadBasic.All"]);
    const rsc = await run(["--include-path", "/teams/*/channels", "--application", "--resource-specific"]);
    expect(section(rsc.stdout, "Application permissions (Role):")).toEqual(["Channel.Create.Group", "ChannelSettings.Read.Group"]);
    expect(rsc.stdout).toContain("resource-specific consent: goes in the Teams app manifest, not here");
    const fewer = await run(["--include-path", "/groups", "--delegated", "--fewer-permissions"]);
    expect(section(fewer.stdout, "Delegated permissions (Scope):")).toEqual(["Group.ReadWrite.All"]);
    expect(fewer.stdout).toContain("--fewer-permissions: 2 operation/kind pair(s) reuse a more privileged permission instead of their own least\n");
    expect(fewer.stdout).toContain("    delegated: Group.ReadWrite.All instead of its least Group.ReadBasic.All (--fewer-permissions:");
  });
});
