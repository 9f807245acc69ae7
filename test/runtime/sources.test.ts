// The fixed runtime is ordinary TypeScript in templates/runtime/, laid out as in a package's src/: each
// generated runtime file is its source byte for byte below the header line, on the default output and on a
// client + mock generation of other metadata; the sources are in prettier's layout (the format stage never
// touches them); and the stand-ins for generated modules that the runtime imports are never copied.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { PROPERTY_HELPERS } from "../../generator/validators/edm.js";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
import { generate } from "../../generator/generate.js";
import { DEFAULT_TEMPLATES_DIR } from "../../generator/render.js";
import { listFiles, repoRoot, tempDir } from "../support/output.js";
import { DIRECTORY_CSDL, DIRECTORY_PATHS } from "../mock/support/directory-csdl.js";

const RUNTIME_DIR = join(DEFAULT_TEMPLATES_DIR, "runtime");
const HEADER = readFileSync(join(DEFAULT_TEMPLATES_DIR, "partials/header.hbs"), "utf8");
/** A stand-in says so on its first line: it has the shape of a generated module, for tsc in the repo. */
const STAND_IN = /^\/\/ Stand-in for the generated /;

const sources = listFiles(RUNTIME_DIR, (path) => path === "tsconfig.json").map((path) => ({
  path,
  modulePath: path.replace(/\.ts$/, ""),
  text: readFileSync(join(RUNTIME_DIR, path), "utf8"),
}));
const copied = sources.filter((s) => !STAND_IN.test(s.text));
const standIns = sources.filter((s) => STAND_IN.test(s.text));

const work = tempDir("runtime-sources");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the runtime sources", () => {
  it("are TypeScript files laid out as the package's src/, with two stand-ins", () => {
    expect(sources.every((s) => s.path.endsWith(".ts"))).toBe(true);
    expect(standIns.map((s) => s.modulePath).sort()).toEqual(["client/accepted-permissions", "client/index"]);
    expect(copied.length).toBe(32);
  });

  it("are in prettier's layout below the header, so the format stage can leave them alone", async () => {
    const differing: string[] = [];
    for (const { path, text } of sources) if ((await prettier.format(HEADER + text, PRETTIER_OPTIONS)) !== HEADER + text) differing.push(path);
    expect(differing).toEqual([]);
  });

  it("write out one property helper per PROPERTY_HELPERS entry, as the validators call them", () => {
    const text = copied.find((s) => s.modulePath === "runtime/edm-checks")?.text ?? "";
    const helper = /^export const (\w+) = \(walk: Walk, value: unknown, key: PathKey, nullable = true\): void =>\n {2}primitiveProperty\(walk, value, key, nullable, (\w+)\(value\), ("(?:[^"\\]|\\.)*")\);$/gm;
    const written = [...text.matchAll(helper)].map(([, name, predicate, expected]) => ({ name, predicate, expected: JSON.parse(expected as string) as string }));
    expect(written).toEqual(PROPERTY_HELPERS.map(({ name, predicate, expected }) => ({ name, predicate, expected })));
  });
});

describe.each([
  {
    name: "the default output",
    options: async () => JSON.parse(readFileSync(join(repoRoot, "graphgen.config.json"), "utf8")) as Record<string, unknown>,
  },
  {
    name: "a client + mock generation of the directory metadata",
    options: async () => {
      const metadata = join(work, "directory.xml");
      writeFileSync(metadata, DIRECTORY_CSDL);
      return { metadata, includePaths: DIRECTORY_PATHS };
    },
  },
])("$name", ({ options }) => {
  it("holds every runtime file as its source below the header, and no stand-in", async () => {
    const out = join(work, String(Math.random()).slice(2));
    const result = await generate({ ...(await options()), out, cwd: repoRoot }, { check: true, force: true });
    const files = new Map(result.files.map((f) => [f.path, f.content]));
    for (const source of copied) expect(files.get(`src/${source.path}`), source.path).toBe(HEADER + source.text);
    // Each stand-in's module is generated from its template, never the stand-in.
    for (const standIn of standIns) {
      const generated = files.get(`src/${standIn.path}`);
      expect(generated?.startsWith(HEADER), standIn.path).toBe(true);
      expect(generated).not.toContain("Stand-in");
    }
  }, 60_000);
});
