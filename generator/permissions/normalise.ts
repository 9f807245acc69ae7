// Normalises a request path template (as generated from OData metadata, or as Graph's tables spell it) into
// the key both sides are compared by: placeholders, case, namespaces, key-in-parentheses and parameter lists.

export interface NormalisedTemplate {
  /** Path plus normalised query, if any: the index key. */
  key: string;
  /** Path only. */
  pathKey: string;
  /** Path with function parameter lists dropped. */
  looseKey: string;
  segments: string[];
  query?: string;
}

const PLACEHOLDER = /\{[^{}]*\}+/g;
const NAMESPACE = "microsoft.graph.";
/** Splits on `separator` outside parentheses and quotes, so `f(a='x/y')` stays one segment. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `microsoft.graph.security.runHuntingQuery` and `runHuntingQuery` name the same thing; other dotted names are literal. */
function stripNamespace(name: string): string {
  return name.startsWith(NAMESPACE) ? name.slice(name.lastIndexOf(".") + 1) : name;
}

/** One raw segment becomes one normalised segment, or two when a key is written in parentheses (`x({id})` = `x/{id}`). */
function normaliseSegment(raw: string): string[] {
  const text = raw.trim().toLowerCase().replace(PLACEHOLDER, "{}").replaceAll("'{}'", "{}");
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return [stripNamespace(text)];
  const name = stripNamespace(text.slice(0, open));
  const rest = text.slice(close + 1);
  const args = splitTopLevel(text.slice(open + 1, close), ",").map((a) => a.trim()).filter((a) => a !== "");
  if (args.length === 0) return [name + rest];
  if (args.length === 1 && !args[0]!.includes("=")) return name === "" ? [`{}${rest}`] : [name, `{}${rest}`];
  // Function parameters compare by name only: values are placeholders or literals we cannot judge.
  const params = args.map((a) => (a.includes("=") ? a.slice(0, a.indexOf("=")).trim() : "{}")).sort();
  return [`${name}(${params.join(",")})${rest}`];
}

export function normaliseTemplate(template: string): NormalisedTemplate {
  return normalise(template, normaliseSegment);
}

/**
 * `normaliseTemplate` with a memory of templates and segments: a client looks up every request of every path,
 * each through several fallback paths, and the same segments (`users`, `{user-id}`) recur throughout.
 */
export function createNormaliser(): (template: string) => NormalisedTemplate {
  const templates = new Map<string, NormalisedTemplate>();
  const segments = new Map<string, string[]>();
  const segment = (raw: string) => {
    let normalised = segments.get(raw);
    if (!normalised) {
      normalised = normaliseSegment(raw);
      segments.set(raw, normalised);
    }
    return normalised;
  };
  return (template) => {
    let normalised = templates.get(template);
    if (!normalised) {
      normalised = normalise(template, segment);
      templates.set(template, normalised);
    }
    return normalised;
  };
}

function normalise(template: string, segment: (raw: string) => string[]): NormalisedTemplate {
  const q = template.indexOf("?");
  const pathPart = q < 0 ? template : template.slice(0, q);
  const rawQuery = q < 0 ? "" : template.slice(q + 1).trim();
  const segments = splitTopLevel(pathPart, "/")
    .filter((s) => s.trim() !== "")
    .flatMap(segment);
  const pathKey = `/${segments.join("/")}`;
  const looseKey = `/${segments.map((s) => s.replace(/\(.*\)/, "")).join("/")}`;
  if (rawQuery === "") return { key: pathKey, pathKey, looseKey, segments };
  const query = rawQuery.toLowerCase().replace(PLACEHOLDER, "{}").replaceAll("'{}'", "{}").replace(/\s+/g, " ");
  return { key: `${pathKey}?${query}`, pathKey, looseKey, segments, query };
}

/** The lookup group of a normalised path: its first segment without a parameter list, the same for every rule's match. */
export function routeGroup(segments: readonly string[]): string {
  return (segments[0] ?? "").replace(/\(.*\)/, "");
}

/** The raw first segment of a table path (before the next `/` or `?`), or undefined when the path is not absolute. */
export function tablePathHead(tablePath: string): string | undefined {
  if (!tablePath.startsWith("/")) return undefined;
  const slash = tablePath.indexOf("/", 1);
  const query = tablePath.indexOf("?");
  return tablePath.slice(1, Math.min(slash < 0 ? tablePath.length : slash, query < 0 ? tablePath.length : query));
}

/**
 * `routeGroup(normaliseTemplate(path).segments)` for a path whose raw first segment is `head`, when that segment
 * is plain (no parentheses or quotes, which could hide a `/` or add a key segment); undefined otherwise, to
 * normalise the path fully.
 */
export function headGroup(head: string): string | undefined {
  if (head.trim() === "" || /[()']/.test(head)) return undefined;
  return normaliseSegment(head)[0];
}
