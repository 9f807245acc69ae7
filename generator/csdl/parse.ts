// CSDL XML -> RawDocument. Element names, attribute defaults and alias expansion are handled here.
import { GraphgenError } from "../errors.js";
import { readAnnotations } from "./annotations.js";
import type {
  RawAnnotationBlock,
  RawDocument,
  RawEntityContainer,
  RawEnumType,
  RawFacets,
  RawOperation,
  RawParameter,
  RawProperty,
  RawSchema,
  RawStructuredType,
  RawTypeDefinition,
} from "./raw.js";
import { parseXml, type XmlElement } from "./xml.js";

const SUPPORTED_VERSIONS = new Set(["4.0", "4.01"]);

/** Parses one CSDL file's bytes. `file` is the name used in error messages. */
export function parseCsdl(bytes: Uint8Array, file: string): RawDocument {
  const root = parseXml(bytes, file);
  if (root.name !== "Edmx") {
    throw new GraphgenError(`expected a CSDL document with root element <edmx:Edmx>, found <${root.name}>`, {
      location: root.location,
      hint: "point --metadata at a Graph $metadata document (CSDL XML)",
    });
  }
  const version = root.attributes.Version ?? "";
  if (!SUPPORTED_VERSIONS.has(version)) {
    throw new GraphgenError(`unsupported CSDL version "${version}"; graphgen reads OData CSDL 4.0 and 4.01`, {
      location: root.location,
      hint: "use the OData v4 metadata (Graph's /v1.0/$metadata or /beta/$metadata)",
    });
  }
  const dataServices = root.children.filter((c) => c.name === "DataServices");
  const schemaElements = dataServices.flatMap((d) => d.children.filter((c) => c.name === "Schema"));
  const qualify = buildQualifier(root, schemaElements);
  return { file, version, schemas: schemaElements.map((s) => readSchema(s, qualify)) };
}

/** Expands alias-qualified names (`graph.user`, `Collection(self.alert)`) to namespace-qualified ones. */
function buildQualifier(root: XmlElement, schemas: XmlElement[]): (name: string) => string {
  const aliases = new Map<string, { namespace: string; element: XmlElement }>();
  const includes = root.children
    .filter((c) => c.name === "Reference")
    .flatMap((r) => r.children.filter((c) => c.name === "Include"));
  for (const element of [...schemas, ...includes]) {
    const alias = element.attributes.Alias;
    const namespace = element.attributes.Namespace;
    if (!namespace) {
      throw new GraphgenError(`<${element.name}> has no Namespace attribute`, {
        location: element.location,
        hint: "every Schema and Include must name its namespace",
      });
    }
    if (!alias) continue;
    const previous = aliases.get(alias);
    if (previous) {
      throw new GraphgenError(`the alias "${alias}" is defined twice (for ${previous.namespace} and ${namespace})`, {
        location: element.location,
        related: previous.element.location,
        hint: "aliases must be unique within a document; rename one of them",
      });
    }
    aliases.set(alias, { namespace, element });
  }
  const qualifyOne = (name: string): string => {
    const dot = name.lastIndexOf(".");
    if (dot < 0) return name;
    const alias = aliases.get(name.slice(0, dot));
    return alias ? `${alias.namespace}${name.slice(dot)}` : name;
  };
  // A document names a few thousand types tens of thousands of times: each name is qualified once, and every
  // reference to a type then holds the same string, which later lookups by name compare and hash the fastest.
  const qualified = new Map<string, string>();
  return (name: string): string => {
    let result = qualified.get(name);
    if (result === undefined) {
      const item = collectionItem(name);
      result = item === undefined ? qualifyOne(name) : `Collection(${qualifyOne(item)})`;
      qualified.set(name, result);
    }
    return result;
  };
}

/**
 * The item type of `Collection(...)` (what /^Collection\((.*)\)$/ captures), or undefined: string tests instead of a
 * regular expression, as every type reference of a document goes through here.
 */
export function collectionItem(type: string): string | undefined {
  if (!type.startsWith("Collection(") || !type.endsWith(")")) return undefined;
  const item = type.slice(11, -1);
  // `.` matches no line terminator.
  return /[\n\r\u2028\u2029]/.test(item) ? undefined : item;
}

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  // A loop rather than filter: asked several times of every type, operation and container (see readAnnotations).
  const named: XmlElement[] = [];
  const children = element.children;
  for (let i = 0; i < children.length; i++) if (children[i]!.name === name) named.push(children[i]!);
  return named;
}

function requireName(element: XmlElement, attribute = "Name"): string {
  const value = element.attributes[attribute];
  if (!value) {
    throw new GraphgenError(`<${element.name}> has no ${attribute} attribute`, {
      location: element.location,
      hint: `add ${attribute}="..."`,
    });
  }
  return value;
}

/** CSDL's SimpleIdentifier: what type, operation and container names must be (they become file and export names). */
const SIMPLE_IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}$/u;

/** The common, ASCII case of SIMPLE_IDENTIFIER (ASCII letters are \p{L}, digits \p{Nd}, `_` \p{Pc}), cheaper to test. */
const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function isSimpleIdentifier(part: string): boolean {
  return ASCII_IDENTIFIER.test(part) || SIMPLE_IDENTIFIER.test(part);
}

function requireIdentifier(element: XmlElement, attribute = "Name", dotted = false): string {
  const value = requireName(element, attribute);
  if (dotted ? value.split(".").every(isSimpleIdentifier) : isSimpleIdentifier(value)) return value;
  const parts = dotted ? value.split(".") : [value];
  throw new GraphgenError(
    `<${element.name} ${attribute}="${value}"> is not a valid CSDL ${dotted ? "namespace" : "name"}: ${dotted ? "dot-separated " : ""}identifiers of letters, digits and _ (not starting with a digit) are allowed`,
    { location: element.location, hint: `rename it, e.g. ${attribute}="${parts.map(suggestIdentifier).join(".")}"` },
  );
}

function suggestIdentifier(name: string): string {
  const letters = name.replace(/[^\p{L}\p{N}_]/gu, "");
  return /^\p{N}/u.test(letters) || letters === "" ? `_${letters}` : letters;
}

function readBool(element: XmlElement, attribute: string): boolean | undefined {
  const value = element.attributes[attribute];
  return value === undefined ? undefined : value === "true";
}

function readFacets(element: XmlElement): RawFacets {
  const a = element.attributes;
  return {
    nullable: readBool(element, "Nullable"),
    maxLength: a.MaxLength,
    precision: a.Precision,
    scale: a.Scale,
    defaultValue: a.DefaultValue,
  };
}

type Qualify = (name: string) => string;

/** A `<Property>` or `<Parameter>`: one object literal, its facets field by field (no spread of readFacets' object). */
function readTypedElement(element: XmlElement, qualify: Qualify): RawProperty & RawParameter {
  const a = element.attributes;
  return {
    name: requireName(element),
    type: qualify(requireName(element, "Type")),
    nullable: readBool(element, "Nullable"),
    maxLength: a.MaxLength,
    precision: a.Precision,
    scale: a.Scale,
    defaultValue: a.DefaultValue,
    annotations: readAnnotations(element, qualify),
    location: element.location,
  };
}

function readSchema(element: XmlElement, qualify: Qualify): RawSchema {
  // A schema has thousands of children: grouped by name in one pass rather than filtered once per kind.
  const byName = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    const group = byName.get(child.name);
    if (group) group.push(child);
    else byName.set(child.name, [child]);
  }
  const named = (name: string): XmlElement[] => byName.get(name) ?? [];
  const annotationBlocks: RawAnnotationBlock[] = named("Annotations").map((block) => ({
    target: qualifyTarget(requireName(block, "Target"), qualify),
    qualifier: block.attributes.Qualifier,
    annotations: readAnnotations(block, qualify),
    location: block.location,
  }));
  return {
    namespace: requireIdentifier(element, "Namespace", true),
    alias: element.attributes.Alias,
    entityTypes: named("EntityType").map((e) => readStructuredType(e, "entity", qualify)),
    complexTypes: named("ComplexType").map((e) => readStructuredType(e, "complex", qualify)),
    enumTypes: named("EnumType").map((e) => readEnumType(e, qualify)),
    typeDefinitions: named("TypeDefinition").map((e) => readTypeDefinition(e, qualify)),
    operations: [
      ...named("Action").map((e) => readOperation(e, "action", qualify)),
      ...named("Function").map((e) => readOperation(e, "function", qualify)),
    ],
    entityContainers: named("EntityContainer").map((e) => readContainer(e, qualify)),
    annotationBlocks,
    location: element.location,
  };
}

/** Targets may hold several qualified names: `ns.action(graph.user, Collection(graph.x))/param`. */
function qualifyTarget(target: string, qualify: Qualify): string {
  return target.replace(/[A-Za-z_][\w.]*\.[A-Za-z_]\w*/g, (name) => qualify(name));
}

function readStructuredType(element: XmlElement, kind: "entity" | "complex", qualify: Qualify): RawStructuredType {
  const keyRefs = childrenNamed(element, "Key").flatMap((k) => childrenNamed(k, "PropertyRef"));
  return {
    kind,
    name: requireIdentifier(element),
    baseType: element.attributes.BaseType ? qualify(element.attributes.BaseType) : undefined,
    abstract: readBool(element, "Abstract") ?? false,
    openType: readBool(element, "OpenType") ?? false,
    hasStream: readBool(element, "HasStream") ?? false,
    key: keyRefs.length > 0 ? keyRefs.map((k) => requireName(k)) : undefined,
    properties: childrenNamed(element, "Property").map((p) => readTypedElement(p, qualify)),
    navigationProperties: childrenNamed(element, "NavigationProperty").map((p) => ({
      name: requireName(p),
      type: qualify(requireName(p, "Type")),
      nullable: readBool(p, "Nullable"),
      containsTarget: readBool(p, "ContainsTarget") ?? false,
      partner: p.attributes.Partner,
      annotations: readAnnotations(p, qualify),
      location: p.location,
    })),
    annotations: readAnnotations(element, qualify),
    location: element.location,
  };
}

function readEnumType(element: XmlElement, qualify: Qualify): RawEnumType {
  return {
    kind: "enum",
    name: requireIdentifier(element),
    underlyingType: element.attributes.UnderlyingType,
    isFlags: readBool(element, "IsFlags") ?? false,
    members: childrenNamed(element, "Member").map((m) => ({
      name: requireName(m),
      value: m.attributes.Value,
      annotations: readAnnotations(m, qualify),
      location: m.location,
    })),
    annotations: readAnnotations(element, qualify),
    location: element.location,
  };
}

function readTypeDefinition(element: XmlElement, qualify: Qualify): RawTypeDefinition {
  return {
    kind: "typeDefinition",
    name: requireIdentifier(element),
    underlyingType: qualify(requireName(element, "UnderlyingType")),
    ...readFacets(element),
    annotations: readAnnotations(element, qualify),
    location: element.location,
  };
}

function readOperation(element: XmlElement, kind: "action" | "function", qualify: Qualify): RawOperation {
  const parameters: RawParameter[] = childrenNamed(element, "Parameter").map((p) => readTypedElement(p, qualify));
  const returnElement = childrenNamed(element, "ReturnType")[0];
  return {
    kind,
    name: requireIdentifier(element),
    isBound: readBool(element, "IsBound") ?? false,
    isComposable: readBool(element, "IsComposable") ?? false,
    entitySetPath: element.attributes.EntitySetPath,
    parameters,
    returnType: returnElement
      ? {
          type: qualify(requireName(returnElement, "Type")),
          nullable: readBool(returnElement, "Nullable"),
          location: returnElement.location,
        }
      : undefined,
    annotations: readAnnotations(element, qualify),
    location: element.location,
  };
}

function readBindings(element: XmlElement) {
  return childrenNamed(element, "NavigationPropertyBinding").map((b) => ({
    path: requireName(b, "Path"),
    target: requireName(b, "Target"),
  }));
}

function readContainer(element: XmlElement, qualify: Qualify): RawEntityContainer {
  const imports = (name: string, kind: "action" | "function", attribute: string) =>
    childrenNamed(element, name).map((e) => ({
      kind,
      name: requireName(e),
      operation: qualify(requireName(e, attribute)),
      entitySet: e.attributes.EntitySet,
      annotations: readAnnotations(e, qualify),
      location: e.location,
    }));
  return {
    name: requireIdentifier(element),
    entitySets: childrenNamed(element, "EntitySet").map((e) => ({
      name: requireName(e),
      entityType: qualify(requireName(e, "EntityType")),
      bindings: readBindings(e),
      annotations: readAnnotations(e, qualify),
      location: e.location,
    })),
    singletons: childrenNamed(element, "Singleton").map((e) => ({
      name: requireName(e),
      type: qualify(requireName(e, "Type")),
      bindings: readBindings(e),
      annotations: readAnnotations(e, qualify),
      location: e.location,
    })),
    operationImports: [...imports("ActionImport", "action", "Action"), ...imports("FunctionImport", "function", "Function")],
    annotations: readAnnotations(element, qualify),
    location: element.location,
  };
}
