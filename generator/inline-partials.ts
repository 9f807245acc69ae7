// Partials written into the templates that call them, before compiling: `{{> doc doc}}` runs once per member of
// every type, and each call costs Handlebars a partial lookup, a fresh setup, its own output string and, when
// indented, a split and a join of that output; inlined, it is part of the caller's code. The templates keep
// their partials as written (templates/partials/*.hbs); a call this cannot inline stays a partial call.

/**
 * A call alone on its line, with no hash and at most a plain path as its context: `  {{> doc doc}}`.
 * Handlebars indents such a partial's output by the line's indent and drops the line's own break.
 */
const STANDALONE_CALL = /^([ \t]*)\{\{>\s*([\w-]+)(?:\s+((?:this|[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*))?\s*\}\}[ \t]*$/;

/** `{{expr}}`, `{{{expr}}}`, `{{#helper args}}`, `{{/helper}}` or `{{else}}`: anything else is not inlined. */
const MUSTACHE = /\{\{(\{?)([#/]?)([^{}]*)\}?\}\}/g;

/** The block helpers whose body runs with another context (an item, the value given). */
const CONTEXT_BLOCKS = new Set(["each", "with"]);
const BLOCKS = new Set([...CONTEXT_BLOCKS, "if", "unless"]);

/**
 * `source` with each standalone call of a partial in `partials` replaced by the partial's text: each of its
 * lines indented as the call is, and its context's fields read through the path given (`{{#if this.length}}`
 * in `{{> doc doc}}` becomes `{{#if doc.length}}`). The output is the same as the call's as long as no value
 * printed by an indented partial holds a line break (Handlebars indents every output line; inlined, only the
 * partial's own lines are): the partials here print doc lines, import lines and the header, none of which do.
 */
export function inlinePartials(source: string, partials: ReadonlyMap<string, string>): string {
  return source
    .split(/(?<=\n)/)
    .map((line) => {
      const call = STANDALONE_CALL.exec(line.endsWith("\n") ? line.slice(0, -1) : line);
      const body = call ? partials.get(call[2]!) : undefined;
      const rebased = body === undefined ? undefined : rebase(body, call![3]);
      // The call's line goes, its break included, as Handlebars drops it; the partial's own text ends its last line.
      return rebased === undefined ? line : indent(rebased, call![1]!);
    })
    .join("");
}

function indent(text: string, prefix: string): string {
  if (prefix === "") return text;
  return text
    .split("\n")
    .map((line, i, all) => (i === all.length - 1 && line === "" ? line : `${prefix}${line}`))
    .join("\n");
}

/** The partial's text with its context's paths read from `context`; undefined when it uses anything else. */
function rebase(body: string, context: string | undefined): string | undefined {
  if (body.includes("\\{{")) return undefined;
  const opened: boolean[] = [];
  let ok = true;
  const text = body.replace(MUSTACHE, (mustache, triple: string, kind: string, inner: string) => {
    const words = inner.trim().split(/\s+/);
    const atTop = !opened.includes(true);
    const path = (word: string) => (atTop && context ? rebasePath(word, context) : checkedPath(word));
    if (kind === "/") {
      if (words.length !== 1 || !BLOCKS.has(words[0]!) || opened.pop() === undefined) ok = false;
      return mustache;
    }
    if (kind === "#") {
      const [helper, ...args] = words;
      const paths = args.map(path);
      if (!BLOCKS.has(helper!) || paths.length !== 1 || paths.includes(undefined) || triple) ok = false;
      opened.push(CONTEXT_BLOCKS.has(helper!));
      return ok ? `{{#${helper} ${paths[0]}}}` : mustache;
    }
    // `{{else}}` of an `each` or `with` runs in the outer context: not followed here.
    if (words.length === 1 && words[0] === "else" && !triple && opened.length > 0 && !opened[opened.length - 1]) return mustache;
    const rebased = words.length === 1 ? path(words[0]!) : undefined;
    if (rebased === undefined) ok = false;
    return triple ? `{{{${rebased}}}}` : `{{${rebased}}}`;
  });
  return ok && opened.length === 0 ? text : undefined;
}

/** A plain path: `this`, `this.a`, `a.b`; not `../a`, `@index`, `[a]` or a literal. */
const PLAIN_PATH = /^(?:this|[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*$/;

function checkedPath(word: string): string | undefined {
  return PLAIN_PATH.test(word) && word !== "else" ? word : undefined;
}

function rebasePath(word: string, context: string): string | undefined {
  if (checkedPath(word) === undefined) return undefined;
  if (word === "this") return context;
  return `${context}.${word.startsWith("this.") ? word.slice("this.".length) : word}`;
}
