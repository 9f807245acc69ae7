// Reads a request path against the route table: entity sets and singletons, keys, contained and
// non-contained navigation, casts, bound operations, and the `$count`, `$ref` and `$value` segments.
// The answer names the place (canonical path and path template) the serving code works on.
import {
  badRequest,
  notFound,
  type Entity,
  type MockNode,
  type MockOperation,
  type MockSchema,
  type MockType,
  type Validate,
} from "./types.js";

/** One node of the route table, reached by one concrete path. */
export interface Place {
  readonly node: MockNode;
  /** Canonical path: decoded segments, each percent-encoded again. */
  readonly path: string;
  /** The path template with casts: what permissions are looked up for and the request log shows. */
  readonly template: string;
  /** The declared type, or the type of the last cast. */
  readonly type: string;
  /** For an item of a collection: the collection's path and the key. */
  readonly parent?: { readonly path: string; readonly id: string };
  /** The entity this navigation or item belongs to; none for entity sets and singletons. */
  readonly owner?: Place;
  /** A drive item addressed by path: the path below the owner, decoded (`a/b.txt`). */
  readonly itemPath?: string;
}

export type Target =
  | { readonly kind: "collection" | "entity" | "count" | "ref"; readonly place: Place }
  | { readonly kind: "value"; readonly place: Place; readonly property?: string }
  | {
      readonly kind: "operation";
      readonly place: Place;
      readonly name: string;
      readonly operation: MockOperation;
      readonly parameters: Readonly<Record<string, unknown>>;
    };

/** Questions about the generated types: inheritance, properties with inherited ones, validators. */
export class SchemaIndex {
  private readonly propertyCache = new Map<string, Map<string, string>>();
  private readonly queryableCache = new Map<string, Map<string, string>>();
  readonly enums: ReadonlySet<string>;
  readonly schema: MockSchema;

  constructor(schema: MockSchema) {
    this.schema = schema;
    this.enums = new Set(schema.enums);
  }

  type(name: string): MockType | undefined {
    return this.schema.types[name];
  }

  /** `name` is `base` or derives from it. */
  isA(name: string, base: string): boolean {
    for (let current: string | undefined = name; current; current = this.type(current)?.base) {
      if (current === base) return true;
    }
    return false;
  }

  /** The entity's own type: its `@odata.type`, else the declared one. */
  typeOf(entity: Entity, declared: string): string {
    const named = entity["@odata.type"];
    return typeof named === "string" ? named.replace(/^#/, "") : declared;
  }

  /** Declared and inherited properties of a type. */
  properties(name: string): Map<string, string> {
    let properties = this.propertyCache.get(name);
    if (!properties) {
      const type = this.type(name);
      properties = new Map([
        ...(type?.base ? this.properties(type.base) : []),
        ...Object.entries(type?.properties ?? {}),
      ]);
      this.propertyCache.set(name, properties);
    }
    return properties;
  }

  /**
   * What `$select`, `$filter` and `$orderby` may name on a path of this type: its properties and those of
   * the types derived from it, as Graph takes `displayName` on a collection of directory objects.
   */
  queryable(name: string): Map<string, string> {
    const cached = this.queryableCache.get(name);
    if (cached) return cached;
    const properties = new Map(this.properties(name));
    this.queryableCache.set(name, properties);
    for (const other of Object.keys(this.schema.types)) {
      if (other !== name && this.isA(other, name))
        for (const [key, type] of this.properties(other)) if (!properties.has(key)) properties.set(key, type);
    }
    return properties;
  }

  /** The generated validator of the type, or of its nearest base that has one. */
  validator(name: string): Validate | undefined {
    for (let type = this.type(name); type; type = type.base ? this.type(type.base) : undefined) {
      if (type.validate) return type.validate;
    }
    return undefined;
  }

  readOnly(name: string): Set<string> {
    const names = new Set<string>();
    for (let type = this.type(name); type; type = type.base ? this.type(type.base) : undefined) {
      for (const property of type.readOnly ?? []) names.add(property);
    }
    return names;
  }
}

const FUNCTION_CALL = /^([^()]+)\((.*)\)$/;

export function resolvePath(index: SchemaIndex, path: string): Target {
  // `/drives/{drive-id}/root:/a/b.txt:/content`: the part between `:/` and `:` is one drive item's path.
  const [before, itemPath, after] = splitItemPath(path);
  const segments = decodeSegments(before);
  const [asked, ...rest] = segments;
  // Graph takes path segments in any case (`/serviceprincipals`, serviceprincipal-post-serviceprincipals).
  const first = asked === undefined ? undefined : anyCase(index.schema.roots, asked);
  const root = first === undefined ? undefined : index.schema.roots[first];
  if (!root || first === undefined) throw notFound(`/${segments.join("/")}`);
  const start: Place = { node: root, path: `/${encodeURIComponent(first)}`, template: root.template, type: root.type };
  if (itemPath === undefined) return walk(index, start, rest);
  const owner = walk(index, start, rest);
  const place = owner.kind === "entity" ? itemPathPlace(owner.place, itemPath) : undefined;
  if (!place) throw notFound(`${before}:/${itemPath}:`);
  return walk(index, place, decodeSegments(after));
}

/** The drive item at `itemPath` (decoded, `a/b.txt`) below the item at `owner`, when it has paths below it. */
function itemPathPlace(owner: Place, itemPath: string): Place | undefined {
  const node = owner.node.itemPath;
  if (!node) return undefined;
  const encoded = itemPath.split("/").map(encodeURIComponent).join("/");
  return { node, path: `${owner.path}:/${encoded}:`, template: node.template, type: node.type, owner, itemPath };
}

/** `name` as `record` spells it, matched without case when it is not there as given. */
function anyCase(record: Readonly<Record<string, unknown>>, name: string): string {
  if (name in record) return name;
  const lower = name.toLowerCase();
  return Object.keys(record).find((key) => key.toLowerCase() === lower) ?? name;
}

/** A key that names an item by path (`items/{root:/a/b.txt:}` with its colons and slashes percent-encoded). */
const KEYED_ITEM_PATH = /^([^:/]+):\/(.+):$/;

/** The path template a target answers for: what permissions are looked up by and the log shows. */
export function targetTemplate(target: Target): string {
  return target.kind === "operation" ? target.operation.template : target.place.template;
}

function splitItemPath(path: string): [string, string | undefined, string] {
  // driveitem-get: `GET /drives/{drive-id}/root:/{item-path}`: without the closing colon the path runs to the end.
  const match = /^(.*?):\/(.*?):(\/.*)?$/.exec(path) ?? /^(.*?):\/(.+)()$/.exec(path);
  if (!match) return [path, undefined, ""];
  const names = decodeSegments(`/${match[2] as string}`);
  if (names.length === 0) throw badRequest("A drive item path between ':/' and ':' must name an item.");
  return [match[1] as string, names.join("/"), match[3] ?? ""];
}

function walk(index: SchemaIndex, start: Place, segments: readonly string[]): Target {
  let place = start;
  for (let i = 0; i < segments.length; i++) {
    const { node } = place;
    const asked = segments[i] as string;
    const segment = node.kind === "entity" ? anyCase({ ...node.children, ...node.operations }, asked) : asked;
    const last = i === segments.length - 1;
    const cast = castTo(index, place, segment);
    if (cast) {
      place = cast;
      continue;
    }
    const special = specialSegment(place, segment);
    if (special) {
      if (!last) throw notFound(segment);
      return special;
    }
    const call = FUNCTION_CALL.exec(segment);
    const name = call?.[1] ?? segment;
    const operation = node.operations?.[name];
    if (operation) {
      if (!last) throw notFound(segments.slice(i + 1).join("/"));
      const parameters = call ? parseParameters(call[2] as string) : {};
      return { kind: "operation", place, name, operation, parameters };
    }
    const child = node.kind === "entity" ? node.children?.[segment] : undefined;
    const next = child ?? (node.kind === "collection" ? node.item : undefined);
    if (!next) {
      const stream = index.properties(place.type).get(segment);
      if (last && node.kind === "entity" && stream === "Edm.Stream")
        return { kind: "value", place: { ...place, template: `${place.template}/${segment}` }, property: segment };
      throw notFound(segment);
    }
    const keyedPath = next === node.item ? KEYED_ITEM_PATH.exec(segment) : null;
    const key = keyedPath?.[1] ?? segment;
    const item = next === node.item ? { path: place.path, id: key } : undefined;
    place = {
      node: next,
      path: `${place.path}/${encodeURIComponent(key)}`,
      template: next.template,
      type: next.type,
      owner: place,
      ...(item ? { parent: item } : {}),
    };
    // The key names the item by path: found by path, served as the key's item (its operations and template).
    const named = keyedPath && itemPathPlace(place, decodeSegments(`/${keyedPath[2] as string}`).join("/"));
    if (named) place = { ...named, node: next, template: next.template };
  }
  return { kind: place.node.kind, place };
}

function decodeSegments(path: string): string[] {
  const raw = path.split("/").slice(1);
  if (raw.at(-1) === "") raw.pop();
  try {
    return raw.map((segment) => decodeURIComponent(segment));
  } catch {
    throw badRequest("The request path contains malformed percent-encoding.");
  }
}

/** `/microsoft.graph.user` after a path of a base type narrows it to the derived type. */
function castTo(index: SchemaIndex, place: Place, segment: string): Place | undefined {
  if (!segment.includes(".") || !index.type(segment)) return undefined;
  if (!index.isA(segment, place.node.type)) {
    throw badRequest(`The type '${segment}' is not compatible with '${place.node.type}' at '${place.template}'.`);
  }
  return { ...place, template: `${place.template}/${segment}`, type: segment };
}

function specialSegment(place: Place, segment: string): Target | undefined {
  const { node } = place;
  const at = (suffix: string) => ({ ...place, template: `${place.template}/${suffix}` });
  if (segment === "$count" && node.kind === "collection") return { kind: "count", place: at(segment) };
  if (segment === "$ref" && node.reference) return { kind: "ref", place: at(segment) };
  if (segment === "$value" && node.kind === "entity") return { kind: "value", place: at(segment) };
  return undefined;
}

/** `a='x',b=1` as OData literals; parameter aliases (`a=@p`) come from the query and are not read here. */
function parseParameters(text: string): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const pattern = /\s*([\w@.]+)\s*=\s*('(?:[^']|'')*'|[^,]*)\s*(?:,|$)/y;
  for (let match = pattern.exec(text); match && match[0] !== ""; match = pattern.exec(text)) {
    const value = (match[2] as string).trim();
    const literal = value.startsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value;
    parameters[match[1] as string] =
      /^-?\d+(\.\d+)?$/.test(literal) && !value.startsWith("'") ? Number(literal) : literal;
  }
  return parameters;
}
