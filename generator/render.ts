// The Handlebars environment: templates/*.hbs and templates/partials/*.hbs, compiled once, with
// every helper registered here and nowhere else.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

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

export function createRenderer(templatesDir: string = DEFAULT_TEMPLATES_DIR): Renderer {
  const env = Handlebars.create();
  const partialsDir = join(templatesDir, "partials");
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith(".hbs")).sort()) {
    env.registerPartial(basename(file, ".hbs"), readFileSync(join(partialsDir, file), "utf8"));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of readdirSync(templatesDir).filter((f) => f.endsWith(".hbs")).sort()) {
    // Output is TypeScript, not HTML: no escaping; a missing field is a generator bug, so fail loudly.
    compiled.set(basename(file, ".hbs"), env.compile(readFileSync(join(templatesDir, file), "utf8"), { noEscape: true, strict: true }));
  }
  return {
    render(template, view) {
      const delegate = compiled.get(template);
      if (!delegate) throw new Error(`internal: no template ${template}.hbs in ${templatesDir}`);
      return delegate(view);
    },
  };
}
