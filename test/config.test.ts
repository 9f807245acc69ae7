// Config and CLI mistakes: each message names the file, line and column (or the flag), what was expected,
// and the closest valid key, type name, request path or method.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../generator/cli.js";
import { loadConfig } from "../generator/config.js";
import { closest, editDistance } from "../generator/suggest.js";

const dir = mkdtempSync(join(tmpdir(), "graphgen-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message and hint of what loading `text` as a config throws. */
function configError(text: string): string {
  // In a folder of its own: the CLI tests below run in `dir` and would read it as their config.
  mkdirSync(join(dir, "config"), { recursive: true });
  const file = join(dir, "config", "graphgen.config.json");
  writeFileSync(file, text);
  try {
    loadConfig(file);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message.replace(join(dir, "config"), "<dir>")}\n  fix: ${hint}`;
  }
  return "(no error)";
}

const cli = async (args: string[]) => {
  let stderr = "";
  const code = await runCli(args, { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir });
  return { code, stderr };
};

describe("config file mistakes", () => {
  it("suggests the option a misspelt key meant, with its line and column", () => {
    expect(configError('{\n  "include": ["user"],\n  "includPaths": ["/users/**"]\n}\n')).toBe(
      '<dir>/graphgen.config.json:3:3: unknown option "includPaths" at $.includPaths\n  fix: did you mean `includePaths`?',
    );
    expect(configError('{ "outt": "x" }')).toBe('<dir>/graphgen.config.json:1:3: unknown option "outt" at $.outt\n  fix: did you mean `out`?');
  });

  it("lists the options when no key is close", () => {
    expect(configError('{ "colour": "blue" }')).toMatch(/:1:3: unknown option "colour" at \$\.colour\n {2}fix: known options: metadata, overlays, include, includePaths, /);
  });

  it("gives the line and column of invalid JSON and says what was expected", () => {
    expect(configError('{\n  "include": ["user"]\n  "all": true\n}\n')).toBe(
      "<dir>/graphgen.config.json:3:3: not valid JSON: expected ',' between members\n  fix: fix the JSON syntax at that line and column",
    );
    expect(configError('{\n  "include": ["user",],\n}')).toBe(
      "<dir>/graphgen.config.json:2:22: not valid JSON: expected a value (a trailing comma?)\n  fix: fix the JSON syntax at that line and column",
    );
    expect(configError('{ "all": true } // on\n')).toMatch(/:1:17: not valid JSON: comments are not allowed in JSON\n/);
    expect(configError("")).toMatch(/graphgen\.config\.json:1:1: not valid JSON: expected a value/);
  });

  it("points at a value of the wrong type", () => {
    expect(configError('{\n  "includePaths": "/users/**"\n}')).toBe(
      '<dir>/graphgen.config.json:2:19: expected an array of strings at $.includePaths, found "/users/**"\n  fix: set "includePaths" to ["..."]',
    );
  });
});

describe("CLI mistakes", () => {
  it("--include with a misspelt type suggests the type, in the namespace given", async () => {
    const full = await cli(["generate", "--include", "microsoft.graph.userr", "--out", "out"]);
    expect([full.code, full.stderr]).toEqual([1, 'graphgen: error: no type named "microsoft.graph.userr" in the metadata\n  fix: did you mean microsoft.graph.user?\n']);
    const short = await cli(["generate", "--include", "identityApiConector", "--out", "out"]);
    expect(short.stderr).toBe('graphgen: error: no type named "identityApiConector" in the metadata\n  fix: did you mean microsoft.graph.identityApiConnector?\n');
  });

  it("an include path that matches nothing is corrected, wildcards kept", async () => {
    const { code, stderr } = await cli(["paths", "--include-path", "/users/*/mesages"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^graphgen: error: include path "\/users\/\*\/mesages" matches no request path of the metadata\n {2}fix: did you mean "\/users\/\*\/messages"\? closest paths: \/users\/\{user-id\}\/messages, /);
  });

  it("a misspelt method for `permissions` names the method meant", async () => {
    const { code, stderr } = await cli(["permissions", "--include-path", "/groups", "--method", "GTE"]);
    expect([code, stderr]).toEqual([1, 'graphgen: error: --method: "GTE" is not an HTTP method Graph\'s requests use\n  fix: did you mean GET? use one of GET, POST, PATCH, PUT, DELETE\n']);
  });
});

describe("suggestions", () => {
  it("ranks by edit distance, ignoring case, within a quarter of the word", () => {
    expect(editDistance("includPaths", "includePaths")).toBe(1);
    expect(closest("INCLUDEPATH", ["include", "includePaths", "docs"])).toEqual(["includePaths"]);
    expect(closest("xyz", ["includePaths"])).toEqual([]);
    expect(closest("user", ["usr", "users", "use"], { prefer: (c) => c === "users" })).toEqual(["users", "use", "usr"]);
  });
});
