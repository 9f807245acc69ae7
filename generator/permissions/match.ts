// Matches a request path template (as generated from OData metadata) against the permission tables and
// answers which permissions the request needs, least privileged first.
import type { Grant, PermissionIndex, Route, SchemeName } from "./tables.js";

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

export type MatchRule = "exact" | "loose-parameters" | "wildcard";

/**
 * How a scheme's list was chosen: the table's `least=` marks, else the lowest privilegeLevel among the
 * permissions that allow the request, else (no levels known) all of them; "none" when the scheme has no permission.
 */
export type LeastRule = "marked-least" | "lowest-privilege-level" | "unranked" | "none";

export interface PermissionRef {
  name: string;
  id?: string;
  scheme: SchemeName;
  privilegeLevel?: number;
  requiresAdminConsent?: boolean;
  /** The table marks it `least=` for this scheme and path. */
  least: boolean;
  /** Resource-specific consent (Teams RSC): granted per team/chat, not in an app registration. */
  resourceSpecific?: boolean;
  /** Permissions the table says must be held as well (`AlsoRequires=`), verbatim. */
  alsoRequires?: string[];
}

export interface LeastPrivilegeResult {
  /** The table path that matched, as the table spells it. */
  path: string;
  method: string;
  matchedBy: MatchRule;
  delegated: PermissionRef[];
  delegatedPersonal: PermissionRef[];
  application: PermissionRef[];
  rules: { delegated: LeastRule; delegatedPersonal: LeastRule; application: LeastRule };
  /** Every permission that allows the request, by scheme, least privileged first. */
  all: PermissionRef[];
}

export interface LookupOptions {
  /** Let RSC permissions be chosen as least privileged (they always appear in `all`). Default false. */
  resourceSpecific?: boolean;
}

export interface RouteMatch {
  route: Route;
  grants: readonly Grant[];
  matchedBy: MatchRule;
}

const PLACEHOLDER = /\{[^{}]*\}+/g;
const NAMESPACE = "microsoft.graph.";
const SCHEME_ORDER: readonly string[] = ["DelegatedWork", "DelegatedPersonal", "Application"];

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
  const q = template.indexOf("?");
  const pathPart = q < 0 ? template : template.slice(0, q);
  const rawQuery = q < 0 ? "" : template.slice(q + 1).trim();
  const segments = splitTopLevel(pathPart, "/")
    .filter((s) => s.trim() !== "")
    .flatMap(normaliseSegment);
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

/** A table `...` segment stands for any nesting depth (e.g. child folders of child folders). */
function matchesWildcard(input: readonly string[], table: readonly string[], i = 0, j = 0): boolean {
  if (j === table.length) return i === input.length;
  if (table[j] === "...") {
    for (let k = i; k <= input.length; k++) if (matchesWildcard(input, table, k, j + 1)) return true;
    return false;
  }
  return i < input.length && input[i] === table[j] && matchesWildcard(input, table, i + 1, j + 1);
}

/** Finds the table route for a template and method: exact first, then ignoring function parameters, then `...` paths. */
export function findRoute(index: PermissionIndex, pathTemplate: string, method: string): RouteMatch | undefined {
  const verb = method.trim().toUpperCase();
  const norm = normaliseTemplate(pathTemplate);
  const hit = (route: Route | undefined, matchedBy: MatchRule): RouteMatch | undefined => {
    const grants = route?.byMethod.get(verb);
    return route && grants && grants.length > 0 ? { route, grants, matchedBy } : undefined;
  };
  const { routes, looseRoutes, wildcardRoutes } = index.candidateRoutes(norm.segments);
  const exact = (norm.query !== undefined ? hit(routes.get(norm.key), "exact") : undefined) ?? hit(routes.get(norm.pathKey), "exact");
  if (exact) return exact;
  for (const key of looseRoutes.get(norm.looseKey) ?? []) {
    const loose = hit(routes.get(key), "loose-parameters");
    if (loose) return loose;
  }
  for (const route of wildcardRoutes) {
    if (matchesWildcard(norm.segments, route.segments)) {
      const wild = hit(route, "wildcard");
      if (wild) return wild;
    }
  }
  return undefined;
}

function toRef(index: PermissionIndex, grant: Grant, scheme: SchemeName): PermissionRef {
  const info = index.permissions.get(grant.permission);
  const schemeInfo = info?.schemes.get(scheme);
  const ref: PermissionRef = { name: grant.permission, scheme, least: grant.least.includes(scheme) };
  const id = info?.ids.get(scheme);
  if (id !== undefined) ref.id = id;
  if (schemeInfo?.privilegeLevel !== undefined) ref.privilegeLevel = schemeInfo.privilegeLevel;
  if (schemeInfo?.requiresAdminConsent !== undefined) ref.requiresAdminConsent = schemeInfo.requiresAdminConsent;
  if (info?.authorizationType.toUpperCase() === "RSC") ref.resourceSpecific = true;
  if (grant.alsoRequires.length > 0) ref.alsoRequires = [...grant.alsoRequires];
  return ref;
}

const schemeRank = (scheme: string): number => {
  const i = SCHEME_ORDER.indexOf(scheme);
  return i < 0 ? SCHEME_ORDER.length : i;
};

/**
 * Least privileged first: marked least, then lower privilegeLevel (unknown last), then the permission that
 * opens fewer non-GET operations in the whole table, then fewer operations at all, then name. The table often
 * marks both `X.Read` and `X.ReadWrite` least for a GET; the write count is what tells them apart.
 */
export function compareRefs(index: PermissionIndex): (a: PermissionRef, b: PermissionRef) => number {
  const reach = (r: PermissionRef) => index.permissions.get(r.name)?.reach.get(r.scheme) ?? { operations: Infinity, writes: Infinity };
  return (a, b) =>
    schemeRank(a.scheme) - schemeRank(b.scheme) ||
    (a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : 0) ||
    Number(b.least) - Number(a.least) ||
    (a.privilegeLevel ?? Infinity) - (b.privilegeLevel ?? Infinity) ||
    reach(a).writes - reach(b).writes ||
    reach(a).operations - reach(b).operations ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function pickLeast(candidates: PermissionRef[]): { rule: LeastRule; permissions: PermissionRef[] } {
  if (candidates.length === 0) return { rule: "none", permissions: [] };
  const marked = candidates.filter((r) => r.least);
  if (marked.length > 0) return { rule: "marked-least", permissions: marked };
  const levels = candidates.map((r) => r.privilegeLevel).filter((l): l is number => l !== undefined);
  if (levels.length === 0) return { rule: "unranked", permissions: candidates };
  const lowest = Math.min(...levels);
  return { rule: "lowest-privilege-level", permissions: candidates.filter((r) => r.privilegeLevel === lowest) };
}

/** The least-privileged permissions for one request, or undefined when no table path matches it. */
export function leastPrivilegedPermissions(
  index: PermissionIndex,
  pathTemplate: string,
  method: string,
  options: LookupOptions = {},
): LeastPrivilegeResult | undefined {
  const match = findRoute(index, pathTemplate, method);
  if (!match) return undefined;
  const all = match.grants.flatMap((g) => g.schemes.map((s) => toRef(index, g, s))).sort(compareRefs(index));
  const forScheme = (scheme: SchemeName) =>
    pickLeast(all.filter((r) => r.scheme === scheme && (options.resourceSpecific === true || r.resourceSpecific !== true)));
  const delegated = forScheme("DelegatedWork");
  const personal = forScheme("DelegatedPersonal");
  const application = forScheme("Application");
  const path = match.grants.map((g) => g.tablePath).reduce((a, b) => (b < a ? b : a));
  return {
    path,
    method: method.trim().toUpperCase(),
    matchedBy: match.matchedBy,
    delegated: delegated.permissions,
    delegatedPersonal: personal.permissions,
    application: application.permissions,
    rules: { delegated: delegated.rule, delegatedPersonal: personal.rule, application: application.rule },
    all,
  };
}
