// The module templates precompiled by `npm run build` are the ones a run uses: each is keyed by the hash a run
// computes of its source, so none is compiled again at run time; and they render as the templates compiled from source.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { runInNewContext } from "node:vm";
import Handlebars from "handlebars";
import { afterAll, describe, expect, it } from "vitest";
import { inlinePartials } from "../generator/inline-partials.js";
import { callSetUp, createRenderer, DEFAULT_TEMPLATES_DIR, precompiledTemplatesModule, SET_UP_ONCE_CHECKED_WITH, templateHash } from "../generator/render.js";
import { tempDir } from "./support/output.js";

type Entries = Record<string, { hash: string; spec: TemplateSpecification }>;

const work = tempDir("render");
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
  it("keys every partial and template by the hash a run computes of its source (a template's with its partials inlined)", () => {
    const precompiled = evaluate(precompiledTemplatesModule());
    const partials = sources(join(DEFAULT_TEMPLATES_DIR, "partials"));
    const templates = sources(DEFAULT_TEMPLATES_DIR);
    expect(Object.keys(precompiled.partials).sort()).toEqual(partials.map(([name]) => name).sort());
    for (const [name, source] of partials) expect(precompiled.partials[name]?.hash, name).toBe(templateHash(source));
    const inlined = (source: string) => inlinePartials(source, new Map(partials));
    for (const [name, source] of templates) expect(precompiled.templates[name]?.hash, name).toBe(templateHash(inlined(source)));
  });

  it("writes the same module twice (precompiling changes nothing it reads)", () => {
    expect(precompiledTemplatesModule()).toBe(precompiledTemplatesModule());
  });
});

describe("createRenderer", () => {
  it("renders with a precompiled template what it renders with the template compiled from source", () => {
    const precompiled = evaluate(precompiledTemplatesModule());
    const env = Handlebars.create();
    for (const [name, { spec }] of Object.entries(precompiled.partials)) env.registerPartial(name, env.template(spec));
    const view = { exports: ['export { validateA } from "./A.js";'], namespaces: [{ name: "b", from: "./b/index.js" }], empty: false };
    const fromSource = createRenderer().render("validator-index", view);
    expect(fromSource).toContain('export * as b from "./b/index.js";');
    expect(env.template(precompiled.templates["validator-index"]!.spec)(view)).toBe(fromSource);
  });

  it("sets each call up once: helpers, lookup and prototype access as in a plain Handlebars call", () => {
    const dir = join(work, "set-up");
    mkdirSync(join(dir, "partials"), { recursive: true });
    writeFileSync(join(dir, "partials", "header.hbs"), "// header\n");
    writeFileSync(join(dir, "partials", "item.hbs"), "- {{name}}\n");
    const source = "{{#each items}}\n{{> item}}\n{{/each}}\n{{#unless items.length}}none\n{{/unless}}{{lookup map key}}|{{lookup map \"toString\"}}|{{map.constructor}}|{{#with map}}{{a}}{{/with}}\n";
    writeFileSync(join(dir, "module.hbs"), source);
    const view = { items: [{ name: "a" }, { name: "b" }], map: { a: "1" }, key: "a" };
    const plain = Handlebars.create();
    plain.registerPartial("item", "- {{name}}\n");
    const expected = plain.compile(source, { noEscape: true })(view);
    expect(expected).toBe("- a\n- b\n1|||1\n");
    expect(createRenderer(dir).render("module", view)).toBe(expected);
    expect(createRenderer(dir).render("module", { ...view, items: [] })).toBe(plain.compile(source, { noEscape: true })({ ...view, items: [] }));
  });

  it("sets calls up once only with the Handlebars release that was checked; another renders by plain calls", () => {
    // Updating Handlebars fails here: check setUpOnce (render.ts) against the new runtime, then update the constant.
    expect(Handlebars.VERSION).toBe(SET_UP_ONCE_CHECKED_WITH);
    expect(callSetUp(Handlebars.create())).toMatchObject({ partial: true });
    expect(callSetUp(Handlebars.create(), "4.7.11")).toBeUndefined();
  });

  it("fails on a field the view lacks when a template is compiled at run time (as from source)", () => {
    const dir = join(work, "templates");
    mkdirSync(join(dir, "partials"), { recursive: true });
    writeFileSync(join(dir, "partials", "header.hbs"), "// header\n");
    writeFileSync(join(dir, "module.hbs"), "{{> header}}\nexport const {{name}} = {{value}};\n");
    const renderer = createRenderer(dir);
    expect(renderer.render("module", { name: "a", value: "1" })).toBe("// header\nexport const a = 1;\n");
    expect(() => renderer.render("module", { name: "a" })).toThrow(/"value" not defined/);
  });
});
