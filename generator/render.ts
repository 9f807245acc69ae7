// The Handlebars environment: templates/*.hbs and templates/partials/*.hbs, precompiled by the build (or
// compiled once per renderer when run from source or when a template changed since), with
// every helper registered here and nowhere else; and the fixed runtime, templates/runtime/**/*.ts, copied
// below the same header.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { linkFrom, type PageFormat } from "./docs/links.js";
import { inlinePartials } from "./inline-partials.js";
import type { OutputFile } from "./write.js";

/** The templates folder beside generator/ (source) or dist/ (built): both sit at the package root. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL("../templates/", import.meta.url));

export type TemplateName =
  | "structured-type"
  | "enum-type"
  | "type-definition"
  | "namespace-index"
  | "package-index"
  | "edm"
  | (string & {});

export interface Renderer {
  render(template: TemplateName, view: object): string;
}

/** The output's modules: rendered from templates/*.hbs, or runtime files copied from templates/runtime/. */
export interface ModuleRenderer extends Renderer {
  /** `templates/runtime/<modulePath>.ts` below the header line, byte for byte. */
  runtime(modulePath: string): string;
}

/** The fixed runtime's sources, laid out as in the package's `src/`. */
export const RUNTIME_FOLDER = "runtime";

/**
 * Output is TypeScript, not HTML: no escaping. The templates call only the built-in block helpers, and read no
 * `@index`-style data, so Handlebars compiles direct calls and sets up no data frames (thousands of modules
 * are rendered per run). A missing field is a generator bug: a template compiled at run time (from source, as
 * every test renders, or a custom or edited template) is compiled `strict`, so that it fails loudly. The
 * build's precompiled templates only assume that the objects a path walks through exist (`assumeObjects`):
 * strict mode adds checks and never changes the text, and the tests have rendered every template strictly
 * (all of v1.0 included), while its checks cost each field read an object literal of source positions.
 */
const MODULE_TEMPLATE_OPTIONS: Readonly<CompileOptions> = Object.freeze({ noEscape: true, assumeObjects: true, knownHelpersOnly: true, data: false });
const CHECKED_TEMPLATE_OPTIONS: Readonly<CompileOptions> = Object.freeze({ ...MODULE_TEMPLATE_OPTIONS, strict: true });
/**
 * Handlebars' `precompile` writes into the options it is given (`knownHelpers`), so each call gets a copy, and
 * a template's hash reads the options as declared: else every template precompiled after the first would be
 * keyed by other options than a run computes, and compiled again at run time.
 */
const copy = (options: Readonly<CompileOptions>): CompileOptions => ({ ...options });
const MODULE_TEMPLATE_OPTIONS_KEY = JSON.stringify(MODULE_TEMPLATE_OPTIONS);

export function createRenderer(templatesDir: string = DEFAULT_TEMPLATES_DIR): ModuleRenderer {
  const env = Handlebars.create();
  registerArrayEach(env);
  const sources = moduleTemplateSources(templatesDir);
  const precompiled = loadPrecompiled();
  // A template precompiled by `npm run build` from the same source text is used as it is; any other is compiled here.
  const template = (kind: "partials" | "templates", name: string, source: string): Handlebars.TemplateDelegate => {
    const entry = precompiled?.[kind][name];
    return entry && entry.hash === templateHash(source) ? env.template(entry.spec) : env.compile(source, copy(CHECKED_TEMPLATE_OPTIONS));
  };
  for (const [name, source] of sources.partials) env.registerPartial(name, template("partials", name, source));
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, source] of sources.templates) compiled.set(name, template("templates", name, source));
  const setUp = callSetUp(env);
  const header = compiled.get(HEADER_TEMPLATE)!({}, setUp && { ...setUp });
  return {
    render(template, view) {
      const delegate = compiled.get(template);
      if (!delegate) throw new Error(`internal: no template ${template}.hbs in ${templatesDir}`);
      return flattened(delegate(view, setUp && { ...setUp }));
    },
    runtime: (modulePath) => header + readFileSync(join(templatesDir, RUNTIME_FOLDER, `${modulePath}.ts`), "utf8"),
  };
}

/**
 * The Handlebars release `setUpOnce` was written and checked against. It reaches into Handlebars' internals
 * (`partial: true`), so with any other release, as a user's install may resolve within the dependency's range,
 * modules are rendered by plain calls: slower, never different. test/render.test.ts fails when the installed
 * release is another, so that updating Handlebars means checking `setUpOnce` against it.
 */
export const SET_UP_ONCE_CHECKED_WITH = "4.7.10";

/** The options each module call is given: the set-up made once, with the Handlebars release it was checked with; else none. */
export function callSetUp(env: typeof Handlebars, version: string = Handlebars.VERSION): Record<string, unknown> | undefined {
  return version === SET_UP_ONCE_CHECKED_WITH ? setUpOnce(env) : undefined;
}

/**
 * What Handlebars sets up for each top-level call, set up once per renderer. For every call it otherwise wraps
 * each registered helper in a new closure that copies the options of every helper call (to add `lookupProperty`)
 * and builds new prototype-access tables: thousands of modules, hundreds of thousands of `{{#if}}`s. A partial
 * call reuses its caller's set-up, passed with `partial: true` (Handlebars' invokePartial); the module templates
 * are called the same way, with the helpers unwrapped (of the built-in helpers only `lookup` reads
 * `lookupProperty`, given here as own properties only), the missing-helper hooks apart as Handlebars keeps them,
 * and the tables Handlebars' own `createProtoAccessControl({})` builds. test/render.test.ts renders through
 * this and through a plain call to the same template and compares.
 */
function setUpOnce(env: typeof Handlebars): Record<string, unknown> {
  const { helperMissing, blockHelperMissing, lookup, ...helpers } = env.helpers;
  const lookupProperty = (parent: object, name: string): unknown => (Object.hasOwn(parent, name) ? (parent as Record<string, unknown>)[name] : undefined);
  const withLookup = function (this: unknown, ...args: unknown[]): unknown {
    (args[args.length - 1] as { lookupProperty?: unknown }).lookupProperty = lookupProperty;
    return (lookup as (...a: unknown[]) => unknown).apply(this, args);
  };
  const table = (denied: string[]) => {
    const whitelist: Record<string, boolean> = Object.create(null);
    for (const name of denied) whitelist[name] = false;
    return { whitelist, defaultValue: undefined };
  };
  return {
    partial: true,
    helpers: { ...helpers, lookup: withLookup },
    partials: env.partials,
    decorators: env.decorators,
    hooks: { helperMissing, blockHelperMissing },
    protoAccessControl: {
      properties: table(["__proto__"]),
      methods: table(["constructor", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]),
    },
  };
}

/**
 * Handlebars builds a module's text by concatenation, a tree of thousands of small strings that would live
 * until the module is written, copied by every young-generation collection on the way; searching a string
 * makes V8 flatten it into one, so the tree is garbage while still young (the format stage searches it anyway).
 */
function flattened(text: string): string {
  text.indexOf("\n");
  return text;
}

/**
 * `{{#each list}}` over an array as the built-in does it (holes skipped, `{{else}}` for an empty one),
 * without the data frame and block parameters the module templates never read (MODULE_TEMPLATE_OPTIONS has
 * `data: false`, and no template names block parameters): the built-in allocates both for every item.
 * Anything other than an array goes to the built-in.
 */
function registerArrayEach(env: typeof Handlebars): void {
  const builtIn = env.helpers.each as Handlebars.HelperDelegate;
  env.registerHelper("each", function (this: unknown, list: unknown, options: Handlebars.HelperOptions) {
    if (!Array.isArray(list) || options.data !== undefined) return builtIn.call(this, list, options) as string;
    if (list.length === 0) return options.inverse(this);
    let text = "";
    for (let i = 0; i < list.length; i++) if (i in list) text += options.fn(list[i]);
    return text;
  });
}

/** The header above every runtime file, rendered once per renderer. */
const HEADER_TEMPLATE = "(runtime header)";
const HEADER_SOURCE = "{{> header}}\n";

/**
 * templates/partials/*.hbs and templates/*.hbs (the header's source among the latter), each by name; each
 * template with the partials it calls written into it (inline-partials.ts), as it is compiled and hashed.
 */
function moduleTemplateSources(templatesDir: string): { partials: [string, string][]; templates: [string, string][] } {
  const read = (dir: string): [string, string][] =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".hbs"))
      .sort()
      .map((file) => [basename(file, ".hbs"), readFileSync(join(dir, file), "utf8")]);
  const partials = read(join(templatesDir, "partials"));
  const byName = new Map(partials);
  const templates = [...read(templatesDir), [HEADER_TEMPLATE, HEADER_SOURCE] as [string, string]];
  return { partials, templates: templates.map(([name, source]) => [name, inlinePartials(source, byName)]) };
}

/** What a precompiled template was made from: its source and the options it was compiled with. */
export function templateHash(source: string): string {
  return createHash("sha256").update(MODULE_TEMPLATE_OPTIONS_KEY).update("\0").update(source).digest("hex");
}

type PrecompiledSet = Record<"partials" | "templates", Record<string, { hash: string; spec: TemplateSpecification }>>;

/** Written beside the built render.js by `npm run build` (`precompiledTemplatesModule`); absent when run from source. */
const PRECOMPILED_MODULE = "./templates.precompiled.cjs";

function loadPrecompiled(): PrecompiledSet | undefined {
  try {
    return createRequire(import.meta.url)(PRECOMPILED_MODULE) as PrecompiledSet;
  } catch {
    return undefined;
  }
}

/**
 * The module templates, precompiled (Handlebars.precompile) into a CommonJS module's text, so that a run
 * loads functions instead of parsing and compiling every template; each is keyed by the hash of its source.
 */
export function precompiledTemplatesModule(templatesDir: string = DEFAULT_TEMPLATES_DIR): string {
  const sources = moduleTemplateSources(templatesDir);
  const entries = (list: [string, string][]) =>
    list
      .map(([name, source]) => `    ${JSON.stringify(name)}: { hash: ${JSON.stringify(templateHash(source))}, spec: ${Handlebars.precompile(withoutLocations(Handlebars.parse(source)), copy(MODULE_TEMPLATE_OPTIONS))} },`)
      .join("\n");
  return [
    "// Written by `npm run build` (generator/record-build.ts) from templates/*.hbs; see createRenderer in render.ts.",
    "module.exports = {",
    `  partials: {\n${entries(sources.partials)}\n  },`,
    `  templates: {\n${entries(sources.templates)}\n  },`,
    "};",
    "",
  ].join("\n");
}

/**
 * The template's syntax tree without source positions. Handlebars passes each block helper call the position
 * of its block (`options.loc`, three objects made at every `{{#if}}` and `{{#each}}`: hundreds of thousands per
 * run), which only error messages of strict mode read; the built templates are not strict, and without positions
 * in the tree the compiler writes none. Templates compiled at run time keep them.
 */
function withoutLocations<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(withoutLocations);
  else if (node && typeof node === "object") {
    delete (node as { loc?: unknown }).loc;
    Object.values(node).forEach(withoutLocations);
  }
  return node;
}

/** The docs site's templates (templates/docs): `<page>.html` and `<page>.md`, and its static assets. */
export interface DocsRenderer extends Renderer {
  /** templates/docs/assets/*, copied as they are. */
  assets(): OutputFile[];
}

/**
 * HTML templates are compiled with Handlebars' escaping on, so every `{{text}}` from the metadata is
 * text, never markup; Markdown ones escape through the `md` helper. Each format has its own partials.
 */
export function createDocsRenderer(templatesDir: string = join(DEFAULT_TEMPLATES_DIR, "docs")): DocsRenderer {
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const format of ["html", "md"] as const) {
    const env = Handlebars.create();
    registerDocsHelpers(env);
    const partialsDir = join(templatesDir, "partials", format);
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith(".hbs")).sort()) {
      env.registerPartial(basename(file, ".hbs"), readFileSync(join(partialsDir, file), "utf8"));
    }
    for (const file of readdirSync(templatesDir).filter((f) => f.endsWith(`.${format}.hbs`)).sort()) {
      const source = readFileSync(join(templatesDir, file), "utf8");
      compiled.set(basename(file, ".hbs"), env.compile(source, { noEscape: format === "md", strict: true }));
    }
  }
  const assetsDir = join(templatesDir, "assets");
  return {
    render(template, view) {
      const delegate = compiled.get(template);
      if (!delegate) throw new Error(`internal: no template ${template}.hbs in ${templatesDir}`);
      return delegate(view);
    },
    assets: () => readdirSync(assetsDir).sort().map((file) => ({ path: file, content: readFileSync(join(assetsDir, file), "utf8") })),
  };
}

function registerDocsHelpers(env: typeof Handlebars): void {
  // `{{link target}}`: the relative link from the page being rendered to another page, in its format
  // (or the one given: `{{link page format="md"}}`).
  env.registerHelper("link", function (this: unknown, target: string, options: Handlebars.HelperOptions) {
    const root = options.data.root as { page: string; format: PageFormat };
    return linkFrom(root.page, target, (options.hash.format as PageFormat | undefined) ?? root.format);
  });
  env.registerHelper("md", (text: unknown) => markdownText(String(text ?? "")));
  env.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  env.registerHelper("join", (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(String(separator)) : ""));
}

/**
 * Text safe inside a Markdown paragraph or table cell: markup characters backslash-escaped, `<` and `&` as
 * entities (so `</script>` stays text on GitHub too), line breaks as `<br>` so a table row stays one line.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/\r?\n/g, "<br>");
}
