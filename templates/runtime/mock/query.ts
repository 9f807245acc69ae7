// OData query options on the mock's collections: `$filter` (eq, ne, gt, ge, lt, le, in, and, or, not,
// startsWith, endsWith, contains, any/all on collections), `$search` on directory objects, `$orderby` on one
// property, `$select`, `$count` and paging with `$top`/`$skip` and an `@odata.nextLink`. Anything else answers
// 400 saying the mock does not support it.
import { badRequest, unsupported, type Entity } from "./types.js";

/** Property name -> declared type of the type being queried, inherited and derived ones included. */
export type PropertyTypes = ReadonlyMap<string, string>;

export interface QueryScope {
  readonly typeName: string;
  readonly properties: PropertyTypes;
  /** Types compared like strings in `$filter`. */
  readonly enums: ReadonlySet<string>;
}

const QUERY_OPTIONS = new Set([
  "$select",
  "$filter",
  "$orderby",
  "$top",
  "$skip",
  "$count",
  "$skiptoken",
  "$deltatoken",
  "$search",
  "$expand",
]);
const NOT_SERVED = new Set(["$expand", "$search", "$apply", "$compute", "$format", "$levels"]);

/** Refuses options Graph would not take on this request, or that the mock does not serve. */
export function checkQueryOptions(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of query.keys()) {
    if (!name.startsWith("$")) continue;
    if (NOT_SERVED.has(name) && !allowed.includes(name)) throw unsupported(`The query option '${name}'`);
    if (!allowed.includes(name) || !QUERY_OPTIONS.has(name)) {
      throw badRequest(`Query option '${name}' is not allowed on this request.`);
    }
  }
}

/** The `$select` list, each name checked against the type; undefined without `$select`. */
export function parseSelect(query: URLSearchParams, scope: QueryScope): string[] | undefined {
  const value = query.get("$select");
  if (value === null) return undefined;
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!scope.properties.has(name)) {
      throw badRequest(`Could not find a property named '${name}' on type '${scope.typeName}'.`);
    }
  }
  return names;
}

/** Graph answers only the selected properties (no key added); an unset one comes as null. */
export function project(entity: Entity, select: readonly string[] | undefined): Entity {
  if (!select) return entity;
  const projected: Entity = {};
  if (entity["@odata.type"] !== undefined) projected["@odata.type"] = entity["@odata.type"];
  for (const name of select) projected[name] = entity[name] ?? null;
  return projected;
}

type Predicate = (entity: Entity) => boolean;

/**
 * `$search="displayName:wa" OR "mail:ada"` on directory objects: a clause matches when a word of the property
 * (split at spaces, punctuation and camel case) starts with its text, case-insensitive, as user-list shows
 * (`wa` finds Oscar Ward, `ad` finds contosoAdmin1). Clauses join with AND and OR, left to right.
 */
export function parseSearch(query: URLSearchParams, scope: QueryScope): Predicate {
  const text = query.get("$search");
  if (text === null) return () => true;
  const parts = text.trim().split(/\s+(AND|OR)\s+/i);
  let predicate = searchClause(parts[0] ?? "", scope);
  for (let at = 1; at + 1 < parts.length; at += 2) {
    const [left, right] = [predicate, searchClause(parts[at + 1] ?? "", scope)];
    predicate = (parts[at] ?? "").toUpperCase() === "AND" ? (e) => left(e) && right(e) : (e) => left(e) || right(e);
  }
  return predicate;
}

function searchClause(clause: string, scope: QueryScope): Predicate {
  const match = /^"(\w+):([^"]*)"$/.exec(clause);
  if (!match)
    throw badRequest(`Syntax error: '${clause}' is not a "property:text" search clause.`, "Request_UnsupportedQuery");
  const [, name, term] = match as unknown as [string, string, string];
  if (scope.properties.get(name) !== "Edm.String") {
    throw badRequest(`Could not find a string property named '${name}' on type '${scope.typeName}'.`);
  }
  const wanted = term.toLowerCase();
  return (entity) => {
    const value = entity[name];
    if (typeof value !== "string") return false;
    const words = value
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u);
    return value.toLowerCase().startsWith(wanted) || words.some((word) => word.startsWith(wanted));
  };
}

/** Parses `$filter` into a predicate; directory string comparisons are case-insensitive, as in Graph. */
export function parseFilter(query: URLSearchParams, scope: QueryScope): Predicate {
  const text = query.get("$filter");
  if (text === null) return () => true;
  const parser = new FilterParser(text, scope);
  const predicate = parser.expression();
  parser.end();
  return predicate;
}

const TOKEN = /\s*(\(|\)|,|'(?:[^']|'')*'|[^\s(),']+)/y;

const STRING_METHODS: Readonly<Record<string, (value: string, text: string) => boolean>> = {
  startswith: (value, text) => value.startsWith(text),
  endswith: (value, text) => value.endsWith(text),
  contains: (value, text) => value.includes(text),
};

/** Comparisons on folded values: strings case-insensitive, ISO dates as text, numbers as numbers. */
const COMPARISONS: Readonly<Record<string, (a: unknown, b: unknown) => boolean>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a !== null && b !== null && (a as number) > (b as number),
  ge: (a, b) => a !== null && b !== null && (a as number) >= (b as number),
  lt: (a, b) => a !== null && b !== null && (a as number) < (b as number),
  le: (a, b) => a !== null && b !== null && (a as number) <= (b as number),
};

/** Inside a lambda, the item is read from the entity the predicate is given under this key. */
const ITEM = "@item";

function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Entity)[key] : undefined;
}

class FilterParser {
  private readonly tokens: string[] = [];
  private position = 0;
  /** The lambda variable in scope (`u` in `any(u:u/skuId eq ...)`). */
  private variable: string | undefined;
  private readonly text: string;
  private readonly scope: QueryScope;

  constructor(text: string, scope: QueryScope) {
    this.text = text;
    this.scope = scope;
    let end = 0;
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
      this.tokens.push(match[1] as string);
      end = TOKEN.lastIndex;
    }
    if (text.slice(end).trim() !== "") throw this.invalid();
  }

  expression(): Predicate {
    let left = this.conjunction();
    while (this.peek()?.toLowerCase() === "or") {
      this.position++;
      const [a, b] = [left, this.conjunction()];
      left = (entity) => a(entity) || b(entity);
    }
    return left;
  }

  end(): void {
    if (this.position < this.tokens.length) throw this.invalid();
  }

  private conjunction(): Predicate {
    let left = this.term();
    while (this.peek()?.toLowerCase() === "and") {
      this.position++;
      const [a, b] = [left, this.term()];
      left = (entity) => a(entity) && b(entity);
    }
    return left;
  }

  private term(): Predicate {
    const token = this.next();
    if (token === "(") {
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (token.toLowerCase() === "not") {
      const inner = this.term();
      return (entity) => !inner(entity);
    }
    const method = STRING_METHODS[token.toLowerCase()];
    if (method && this.peek() === "(") {
      this.expect("(");
      const read = this.property(this.next());
      this.expect(",");
      const text = this.literal(this.next());
      this.expect(")");
      if (typeof text !== "string") throw badRequest(`${token} needs a string literal in '${this.text}'.`);
      const wanted = text.toLowerCase();
      return (entity) => {
        const value = read(entity);
        return typeof value === "string" && method(value.toLowerCase(), wanted);
      };
    }
    const lambda = /^(\w+)\/(any|all)$/i.exec(token);
    if (lambda) return this.lambda(lambda[1] as string, (lambda[2] as string).toLowerCase() === "all");
    const read = this.property(token);
    const operator = this.next().toLowerCase();
    if (operator === "in") return this.within(read);
    const compare = COMPARISONS[operator];
    if (!compare) throw unsupported(`The $filter operator '${operator}'`);
    const value = fold(this.literal(this.next()));
    return (entity) => compare(fold(read(entity) ?? null), value);
  }

  /** `property in ('a', 'b')`, wherever `eq` is taken. */
  private within(read: (entity: Entity) => unknown): Predicate {
    this.expect("(");
    const values = [fold(this.literal(this.next()))];
    while (this.peek() === ",") {
      this.position++;
      values.push(fold(this.literal(this.next())));
    }
    this.expect(")");
    return (entity) => values.includes(fold(read(entity) ?? null));
  }

  /** `assignedLicenses/any(u:u/skuId eq ...)`, `proxyAddresses/any(p:startswith(p, 'smtp:'))`: on a collection. */
  private lambda(collection: string, all: boolean): Predicate {
    const type = this.scope.properties.get(collection);
    if (type === undefined || !type.startsWith("Collection(")) {
      throw badRequest(`'${collection}' is not a collection property of type '${this.scope.typeName}'.`);
    }
    this.expect("(");
    const head = this.next();
    const colon = head.indexOf(":");
    if (colon <= 0) throw this.invalid();
    const outer = this.variable;
    this.variable = head.slice(0, colon);
    if (head.length > colon + 1) this.tokens.splice(this.position, 0, head.slice(colon + 1));
    const inner = this.expression();
    this.variable = outer;
    this.expect(")");
    return (entity) => {
      const items = entity[collection];
      if (!Array.isArray(items)) return all;
      const holds = (item: unknown) => inner({ [ITEM]: item });
      return all ? items.every(holds) : items.some(holds);
    };
  }

  /** How to read a property (or, inside a lambda, the item or one of its members). */
  private property(name: string): (entity: Entity) => unknown {
    if (this.variable !== undefined && (name === this.variable || name.startsWith(`${this.variable}/`))) {
      const path = name.split("/").slice(1);
      return (item) => path.reduce<unknown>(member, item[ITEM]);
    }
    if (this.peek() === "(" || name.includes("/")) throw unsupported(`The $filter expression '${this.text}'`);
    const type = this.scope.properties.get(name);
    if (type === undefined)
      throw badRequest(`Could not find a property named '${name}' on type '${this.scope.typeName}'.`);
    if (!type.startsWith("Edm.") && !this.scope.enums.has(type)) {
      throw unsupported(`Filtering on '${name}' (${type}) rather than a primitive property`);
    }
    return (entity) => entity[name];
  }

  private literal(token: string): unknown {
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (token === "null") return null;
    if (token === "true" || token === "false") return token === "true";
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token)) return Number(token);
    // Unquoted dates, times and GUIDs compare as their text.
    if (/^[\w:.+-]+$/.test(token)) return token;
    throw this.invalid();
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }

  private next(): string {
    const token = this.tokens[this.position++];
    if (token === undefined) throw this.invalid();
    return token;
  }

  private expect(token: string): void {
    if (this.next() !== token) throw this.invalid();
  }

  private invalid() {
    return badRequest(`Invalid filter clause: syntax error in '${this.text}'.`);
  }
}

function fold(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

/** `$orderby` on one property, `asc` or `desc`; ordinal, so results never depend on the host's locale. */
export function orderBy(query: URLSearchParams, scope: QueryScope, items: Entity[]): Entity[] {
  const value = query.get("$orderby");
  if (value === null) return items;
  const match = /^\s*([\w]+)(?:\s+(asc|desc))?\s*$/i.exec(value);
  if (!match) throw unsupported(`Sorting by '${value}'`);
  const name = match[1] as string;
  if (!scope.properties.has(name))
    throw badRequest(`Could not find a property named '${name}' on type '${scope.typeName}'.`);
  const sign = match[2]?.toLowerCase() === "desc" ? -1 : 1;
  const key = (entity: Entity) => String(entity[name] ?? "");
  return [...items].sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `$count=true`: whether to add `@odata.count`. */
export function wantsCount(query: URLSearchParams): boolean {
  const value = query.get("$count");
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw badRequest(`Invalid value '${value}' for $count query option.`);
}

/** The page to answer: `$top` lowers the page size, `$skip` or the mock's `$skiptoken` give the start. */
export function pageWindow(query: URLSearchParams, pageSize: number): { offset: number; size: number } {
  const top = whole(query, "$top");
  if (top === 0) throw badRequest("Invalid page size specified: '0'. Must be between 1 and 999 inclusive.");
  const token = query.get("$skiptoken");
  const offset = token === null ? (whole(query, "$skip") ?? 0) : Number(token);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw badRequest("The specified page token value has expired or is invalid.", "Request_BadRequest");
  }
  return { offset, size: Math.min(top ?? pageSize, pageSize) };
}

function whole(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`Invalid value '${value}' for ${name} query option.`);
  return Number(value);
}

/** The same request from `offset` on: `$skip` gives way to `$skiptoken`, as in Graph's own nextLinks. */
export function nextLink(url: string, query: URLSearchParams, offset: number): string {
  const kept = new URLSearchParams([...query].filter(([name]) => name !== "$skip" && name !== "$skiptoken"));
  kept.set("$skiptoken", String(offset));
  return `${url}?${kept.toString().replace(/(^|&)%24/g, "$1$")}`;
}
