// The Handlebars environment: templates/*.hbs and templates/partials/*.hbs, compiled once, with
// every helper registered here and nowhere else; and the fixed runtime, templates/runtime/**/*.ts, copied
// below the same header.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { linkFrom, type PageFormat } from "./docs/links.js";
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
 * Output is TypeScript, not HTML: no escaping; a missing field is a generator bug, so fail loudly. The
 * templates call only the built-in block helpers, and read no `@index`-style data, so
 * Handlebars compiles direct calls and sets up no data frames (thousands of modules are rendered per run).
 */
const MODULE_TEMPLATE_OPTIONS: CompileOptions = { noEscape: true, strict: true, knownHelpersOnly: true, data: false };

export function createRenderer(templatesDir: string = DEFAULT_TEMPLATES_DIR): ModuleRenderer {
  const env = Handlebars.create();
  const partialsDir = join(templatesDir, "partials");
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith(".hbs")).sort()) {
    env.registerPartial(basename(file, ".hbs"), readFileSync(join(partialsDir, file), "utf8"));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of readdirSync(templatesDir).filter((f) => f.endsWith(".hbs")).sort()) {
    compiled.set(basename(file, ".hbs"), env.compile(readFileSync(join(templatesDir, file), "utf8"), MODULE_TEMPLATE_OPTIONS));
  }
  const header = env.compile("{{> header}}\n", MODULE_TEMPLATE_OPTIONS)({});
  return {
    render(template, view) {
      const delegate = compiled.get(template);
      if (!delegate) throw new Error(`internal: no template ${template}.hbs in ${templatesDir}`);
      return delegate(view);
    },
    runtime: (modulePath) => header + readFileSync(join(templatesDir, RUNTIME_FOLDER, `${modulePath}.ts`), "utf8"),
  };
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
