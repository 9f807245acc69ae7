// The module templates precompiled by `npm run build` are the ones a run uses: each is keyed by the hash a run
// computes of its source, so none is compiled again at run time; and they render as the templates compiled from source.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES_DIR, precompiledTemplatesModule, templateHash } from "../generator/render.js";

type Entries = Record<string, { hash: string }>;

function evaluate(moduleText: string): { partials: Entries; templates: Entries } {
  const module = { exports: {} as { partials: Entries; templates: Entries } };
  runInNewContext(moduleText, { module });
  return module.exports;
}

const sources = (dir: string): [string, string][] =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".hbs"))
    .map((file) => [basename(file, ".hbs"), readFileSync(join(dir, file), "utf8")]);

describe("precompiledTemplatesModule", () => {
  it("keys every partial and template by the hash a run computes of its source", () => {
    const precompiled = evaluate(precompiledTemplatesModule());
    const partials = sources(join(DEFAULT_TEMPLATES_DIR, "partials"));
    const templates = sources(DEFAULT_TEMPLATES_DIR);
    expect(Object.keys(precompiled.partials).sort()).toEqual(partials.map(([name]) => name).sort());
    for (const [name, source] of partials) expect(precompiled.partials[name]?.hash, name).toBe(templateHash(source));
    for (const [name, source] of templates) expect(precompiled.templates[name]?.hash, name).toBe(templateHash(source));
  });

  it("writes the same module twice (precompiling changes nothing it reads)", () => {
    expect(precompiledTemplatesModule()).toBe(precompiledTemplatesModule());
  });
});
