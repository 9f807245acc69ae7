// Every TypeScript name graphgen emits is decided here: type names, file paths, namespace exports
// and property keys. Emitters ask; they never invent names.
import type { Model } from "./model/types.js";

const RESERVED_WORDS = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected",
  "public", "await", "any", "boolean", "number", "string", "symbol", "type", "of", "as", "from", "get",
  "set", "constructor", "declare", "namespace", "module", "keyof", "readonly", "unique", "infer", "is",
  "never", "unknown", "object", "bigint", "undefined", "async", "abstract", "__proto__",
]);

/** Global names generated code may rely on; a Graph type must not shadow them. */
const SHADOWED_GLOBALS = new Set([
  "Array", "Boolean", "Date", "Error", "Function", "JSON", "Map", "Math", "Number", "Object", "Promise",
  "Record", "RegExp", "Set", "String", "Symbol", "WeakMap", "WeakSet", "Partial", "Readonly", "Required",
  "Pick", "Omit", "Exclude", "Extract", "NonNullable", "ReturnType", "Uint8Array", "URL", "Response",
  "Request", "Headers", "AbortSignal", "Iterable", "AsyncIterable", "Buffer", "Infinity", "NaN",
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isValidIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED_WORDS.has(name);
}

/** A property key as written in an interface or object literal: bare when safe, else a JSON string. */
export function propertyKey(name: string): string {
  return isValidIdentifier(name) ? name : JSON.stringify(name);
}

/** A name of ASCII letters and digits only: one word, as most of Graph's are. */
const ONE_WORD = /^[A-Za-z0-9]+$/;

export function pascalCase(name: string): string {
  if (ONE_WORD.test(name)) {
    const joined = name.charAt(0).toUpperCase() + name.slice(1);
    return /^[0-9]/.test(joined) ? `T${joined}` : joined;
  }
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  if (joined === "") return "Unnamed";
  return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return RESERVED_WORDS.has(camel) ? `${camel}_` : camel;
}

export interface TypeNaming {
  /** The exported TypeScript name of a model type, unique within its namespace module. */
  readonly typeName: string;
  /** The name to import it under where `typeName` is already taken in a module: namespace-prefixed. */
  readonly qualifiedAlias: string;
  /** Path of its module below the output's `src/`, without extension, e.g. `models/search/Identity`. */
  readonly modulePath: string;
  readonly namespace: string;
}

export interface NamespaceNaming {
  readonly namespace: string;
  /** Export path from the package root: [] for the root namespace, ["partners", "billing"] below it. */
  readonly exportPath: readonly string[];
  /** Folder below `src/` holding the namespace's modules. */
  readonly folder: string;
}

export interface Names {
  readonly rootNamespace: string;
  type(fullName: string): TypeNaming;
  namespace(namespace: string): NamespaceNaming;
}

/**
 * Names for the given types. Namespaces below the root (`microsoft.graph.search`) become nested
 * exports (`search`) and folders (`models/search`); names that collide after PascalCasing, or
 * case-insensitively as files, get a numeric suffix in sorted full-name order, so the result is stable.
 */
export function buildNames(model: Model, typeNames: readonly string[], rootNamespace: string): Names {
  const types = new Map<string, TypeNaming>();
  const namespaces = new Map<string, NamespaceNaming>();
  const namespaceOf = (ns: string): NamespaceNaming => {
    let naming = namespaces.get(ns);
    if (!naming) {
      naming = nameNamespace(ns, rootNamespace);
      namespaces.set(ns, naming);
    }
    return naming;
  };
  const taken = new Map<string, Set<string>>();
  // Each namespace's alias prefix (`Graph`, `SearchIdentity`'s `Search`), worked out once rather than per type.
  const aliasPrefixes = new Map<NamespaceNaming, string>();
  const aliasPrefix = (ns: NamespaceNaming): string => {
    let prefix = aliasPrefixes.get(ns);
    if (prefix === undefined) {
      prefix = (ns.exportPath.length > 0 ? ns.exportPath : [rootNamespace.split(".").at(-1) ?? "graph"]).map(pascalCase).join("");
      aliasPrefixes.set(ns, prefix);
    }
    return prefix;
  };
  for (const fullName of [...typeNames].sort()) {
    const type = model.types.get(fullName);
    if (!type) throw new Error(`internal: no type ${fullName} in the model`);
    const ns = namespaceOf(type.namespace);
    const used = taken.get(ns.folder) ?? new Set<string>();
    taken.set(ns.folder, used);
    let base = pascalCase(type.name);
    if (SHADOWED_GLOBALS.has(base) || RESERVED_WORDS.has(base)) base = `${pascalCase(ns.exportPath.at(-1) ?? "graph")}${base}`;
    let typeName = base;
    for (let n = 2; used.has(typeName.toLowerCase()); n++) typeName = `${base}${n}`;
    used.add(typeName.toLowerCase());
    const qualifiedAlias = `${aliasPrefix(ns)}${typeName}`;
    types.set(fullName, { typeName, qualifiedAlias, modulePath: `${ns.folder}/${typeName}`, namespace: type.namespace });
  }
  return {
    rootNamespace,
    type(fullName) {
      const naming = types.get(fullName);
      if (!naming) throw new Error(`internal: ${fullName} was not selected for generation`);
      return naming;
    },
    namespace: namespaceOf,
  };
}

function nameNamespace(namespace: string, rootNamespace: string): NamespaceNaming {
  const relative =
    namespace === rootNamespace
      ? []
      : namespace.startsWith(`${rootNamespace}.`)
        ? namespace.slice(rootNamespace.length + 1).split(".")
        : namespace.split(".");
  const exportPath = relative.map(camelCase);
  return { namespace, exportPath, folder: ["models", ...exportPath].join("/") };
}

export interface RequestBuilderNaming {
  /** `IdentityApiConnectorsByIdRequests` */
  readonly interfaceName: string;
  /** `identityApiConnectorsByIdRequests` */
  readonly factoryName: string;
  /**
   * `client/paths/identity/apiConnectors/byId`: the module of a path subtree whose top path this is; the paths below
   * share it (client/grouping.ts), so a default config's few paths make one module per root.
   */
  readonly modulePath: string;
}

/**
 * Names of the request builder for a path; each segment reads as the member that reaches it: a key (`{x-id}`) as
 * `byId`, a drive item path (`{item-path}`) as `byPath`, a type cast (`microsoft.graph.group`) as `asGroup`.
 */
export function requestBuilderNaming(segments: readonly string[]): RequestBuilderNaming {
  const words = segments.map(requestPathWord);
  const pascal = words.map(pascalCase).join("");
  return {
    interfaceName: `${pascal}Requests`,
    factoryName: `${pascal.charAt(0).toLowerCase()}${pascal.slice(1)}Requests`,
    modulePath: ["client", "paths", ...words.map((w) => w.replace(/[^A-Za-z0-9_-]/g, "_"))].join("/"),
  };
}

/** The member name a path segment is reached by (see requestBuilderNaming). */
export function requestPathWord(segment: string): string {
  if (segment === "{item-path}") return "byPath";
  if (segment.startsWith("{")) return "byId";
  if (segment.includes(".")) return `as${pascalCase(segment.slice(segment.lastIndexOf(".") + 1))}`;
  return segment;
}

/**
 * A request builder member: the navigation property or operation name when it is a usable identifier and
 * not taken (by `get`, `list`, ... or an earlier member), else the name with `_` appended until it is free.
 */
export function requestBuilderMember(name: string, taken: Set<string>): string {
  let member = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : camelCase(name);
  while (taken.has(member)) member = `${member}_`;
  taken.add(member);
  return member;
}
