// `graphgen init`: a config that documents every option at its default and loads back to exactly the
// defaults, a `generate` script added without disturbing package.json, and never an overwrite.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../generator/config.js";
import { init } from "../generator/init.js";
import { DEFAULT_OPTIONS, OPTION_DOCS, resolveOptions } from "../generator/options.js";
import { tempDir } from "./support/output.js";

const work = tempDir("init");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(name: string, packageJson?: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  if (packageJson !== undefined) writeFileSync(join(dir, "package.json"), packageJson);
  return dir;
}

describe("init", () => {
  it("writes a config that documents every option and resolves to the defaults", () => {
    const dir = project("fresh", '{\n    "name": "app",\n    "version": "1.0.0"\n}\n');
    expect(init(dir)).toEqual({ config: join(dir, "graphgen.config.json"), scriptAdded: true, packageJson: join(dir, "package.json") });
    const written = JSON.parse(readFileSync(join(dir, "graphgen.config.json"), "utf8"));
    for (const option of Object.keys(OPTION_DOCS)) expect(written.$comment.some((line: string) => line.startsWith(`${option}: `))).toBe(true);
    const { cwd: _cwd, ...resolved } = resolveOptions(loadConfig(join(dir, "graphgen.config.json")));
    expect(resolved).toEqual({ ...DEFAULT_OPTIONS, out: join(dir, DEFAULT_OPTIONS.out), docsOut: join(dir, DEFAULT_OPTIONS.docsOut) });
    // package.json keeps its own indentation and fields; only the script is added.
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe('{\n    "name": "app",\n    "version": "1.0.0",\n    "scripts": {\n        "generate": "graphgen generate"\n    }\n}\n');
  });

  it("leaves an existing generate script alone, and works without a package.json", () => {
    const scripted = project("scripted", JSON.stringify({ scripts: { generate: "make" } }));
    expect(init(scripted).scriptAdded).toBe(false);
    expect(JSON.parse(readFileSync(join(scripted, "package.json"), "utf8")).scripts).toEqual({ generate: "make" });
    expect(init(project("bare")).scriptAdded).toBe(false);
  });

  it("never overwrites a config, and writes nothing when package.json is broken", () => {
    const dir = project("existing");
    writeFileSync(join(dir, "graphgen.config.json"), "{}");
    expect(() => init(dir)).toThrow(`graphgen.config.json already exists in ${dir}; nothing was written`);
    expect(readFileSync(join(dir, "graphgen.config.json"), "utf8")).toBe("{}");
    const broken = project("broken", "{ nope");
    expect(() => init(broken)).toThrow(/package\.json: not valid JSON .*; nothing was written/);
    expect(() => readFileSync(join(broken, "graphgen.config.json"))).toThrow();
  });
});
