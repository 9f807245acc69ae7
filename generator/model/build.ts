// RawDocuments -> Model: index every type by full name, check every reference, apply annotations,
// link derived types. Each step is a function of its inputs; the result is never mutated after.
import type {
  RawDocument,
  RawEntityContainer,
  RawEnumType,
  RawOperation,
  RawParameter,
  RawStructuredType,
  RawTypeDefinition,
} from "../csdl/raw.js";
import { collectionItem } from "../csdl/parse.js";
import { GraphgenError, type SourceLocation } from "../errors.js";
import {
  AnnotationTargets,
  TERMS,
  boolAnnotation,
  deprecationOf,
  isReadOnlyPermission,
  stringAnnotation,
  stringListAnnotation,
} from "./annotate.js";
import { resolveMaxLength, resolveNullable, resolvePrecision, resolveScale } from "./facets.js";
import { withRequiredOnCreate } from "./insert-restrictions.js";
import { checkBaseTypeCycles, checkPropertyNames, checkTypeReferences } from "./check.js";
import type {
  Annotations,
  Deprecation,
  Documented,
  EntityContainer,
  EntitySet,
  EnumMember,
  EnumType,
  Model,
  ModelType,
  NavigationProperty,
  Operation,
  OperationImport,
  Parameter,
  Property,
  Singleton,
  StructuredType,
  TypeDefinition,
  TypeRef,
} from "./types.js";

type RawNamedType = RawStructuredType | RawEnumType | RawTypeDefinition;

export function buildModel(documents: readonly RawDocument[]): Model {
  const targets = new AnnotationTargets(documents);
  const rawTypes = indexRawTypes(documents);
  const types = new Map<string, ModelType>();
  for (const [fullName, { raw, namespace }] of rawTypes) {
    types.set(fullName, resolveType(raw, namespace, fullName, targets));
  }
  const schemas = documents.flatMap((d) => d.schemas);
  const operations = schemas
    .flatMap((s) => s.operations.map((o) => resolveOperation(o, s.namespace, targets)))
    .sort(compareOperations);
  const containers = schemas.flatMap((s) => s.entityContainers.map((c) => resolveContainer(c, s.namespace, targets)));
  const warnings = targets.unusedTargets();
  const model: Model = {
    namespaces: uniqueNamespaces(documents),
    types: withRequiredOnCreate(types, containers, warnings),
    derivedTypes: linkDerivedTypes(types),
    operations,
    containers,
    warnings,
  };
  checkTypeReferences(model);
  checkBaseTypeCycles(model);
  checkPropertyNames(model);
  return model;
}

function indexRawTypes(documents: readonly RawDocument[]) {
  const index = new Map<string, { raw: RawNamedType; namespace: string }>();
  for (const schema of documents.flatMap((d) => d.schemas)) {
    const all: RawNamedType[] = [
      ...schema.entityTypes,
      ...schema.complexTypes,
      ...schema.enumTypes,
      ...schema.typeDefinitions,
    ];
    for (const raw of all) {
      const fullName = `${schema.namespace}.${raw.name}`;
      const previous = index.get(fullName);
      if (previous) {
        throw new GraphgenError(`the type ${fullName} is defined twice`, {
          location: raw.location,
          related: previous.raw.location,
          hint: "type names must be unique within a namespace; remove or rename one definition",
        });
      }
      index.set(fullName, { raw, namespace: schema.namespace });
    }
  }
  // The default sort orders strings by UTF-16 code units, as compareNames does, without a comparator call per comparison.
  return new Map([...index.keys()].sort().map((name) => [name, index.get(name)!]));
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function parseTypeRef(type: string): TypeRef {
  const item = collectionItem(type);
  return item ? { name: item, collection: true } : { name: type, collection: false };
}

/**
 * Adds `deprecation` to a model element when its annotations deprecate it; otherwise the key stays absent (not
 * undefined). Set after the literal is built, so each kind of element is written out as one object literal with
 * no spreads: every element of a kind then has the same fields in the same order.
 */
function withDeprecation<T extends Documented>(element: T): T {
  const deprecation = deprecationOf(element.annotations);
  if (deprecation) (element as { deprecation?: Deprecation }).deprecation = deprecation;
  return element;
}

function resolveType(raw: RawNamedType, namespace: string, fullName: string, targets: AnnotationTargets): ModelType {
  const annotations = targets.collect(raw.annotations, fullName);
  switch (raw.kind) {
    case "enum":
      return withDeprecation(resolveEnum(raw, namespace, fullName, annotations, targets));
    case "typeDefinition":
      return withDeprecation<TypeDefinition>({
        fullName,
        namespace,
        name: raw.name,
        description: stringAnnotation(annotations, TERMS.description),
        longDescription: stringAnnotation(annotations, TERMS.longDescription),
        annotations,
        location: raw.location,
        kind: "typeDefinition",
        underlyingType: raw.underlyingType,
        maxLength: resolveMaxLength(raw),
        precision: resolvePrecision(raw),
        scale: resolveScale(raw),
        defaultValue: raw.defaultValue,
      });
    default:
      return withDeprecation(resolveStructured(raw, namespace, fullName, annotations, targets));
  }
}

function resolveStructured(raw: RawStructuredType, namespace: string, fullName: string, annotations: Annotations, targets: AnnotationTargets): StructuredType {
  const parents = targets.parentsOfTargets([fullName]);
  return {
    fullName,
    namespace,
    name: raw.name,
    description: stringAnnotation(annotations, TERMS.description),
    longDescription: stringAnnotation(annotations, TERMS.longDescription),
    annotations,
    location: raw.location,
    kind: raw.kind,
    baseType: raw.baseType,
    abstract: raw.abstract,
    openType: raw.openType,
    hasStream: raw.hasStream,
    key: raw.key,
    requiredOnCreate: [],
    properties: raw.properties.map((p) => {
      const annotations = targets.collectChild(p.annotations, parents, p.name);
      return withDeprecation<Property>({
        name: p.name,
        type: parseTypeRef(p.type),
        nullable: resolveNullable(p),
        maxLength: resolveMaxLength(p),
        precision: resolvePrecision(p),
        scale: resolveScale(p),
        defaultValue: p.defaultValue,
        readOnly: boolAnnotation(annotations, TERMS.computed) || isReadOnlyPermission(annotations),
        immutable: boolAnnotation(annotations, TERMS.immutable),
        derivedTypeConstraint: stringListAnnotation(annotations, TERMS.derivedTypeConstraint),
        description: stringAnnotation(annotations, TERMS.description),
        longDescription: stringAnnotation(annotations, TERMS.longDescription),
        annotations,
        location: p.location,
      });
    }),
    navigationProperties: raw.navigationProperties.map((p) => {
      const annotations = targets.collectChild(p.annotations, parents, p.name);
      return withDeprecation<NavigationProperty>({
        name: p.name,
        type: parseTypeRef(p.type),
        nullable: p.nullable ?? true,
        containsTarget: p.containsTarget,
        partner: p.partner,
        derivedTypeConstraint: stringListAnnotation(annotations, TERMS.derivedTypeConstraint),
        description: stringAnnotation(annotations, TERMS.description),
        longDescription: stringAnnotation(annotations, TERMS.longDescription),
        annotations,
        location: p.location,
      });
    }),
  };
}

function resolveEnum(raw: RawEnumType, namespace: string, fullName: string, annotations: Annotations, targets: AnnotationTargets): EnumType {
  const parents = targets.parentsOfTargets([fullName]);
  return {
    fullName,
    namespace,
    name: raw.name,
    description: stringAnnotation(annotations, TERMS.description),
    longDescription: stringAnnotation(annotations, TERMS.longDescription),
    annotations,
    location: raw.location,
    kind: "enum",
    underlyingType: raw.underlyingType ?? "Edm.Int32",
    isFlags: raw.isFlags,
    members: raw.members.map((m, index) => {
      const value = m.value === undefined ? index : Number(m.value);
      if (!Number.isInteger(value)) {
        throw new GraphgenError(`enum member ${fullName}/${m.name} has a non-integer Value "${m.value}"`, {
          location: m.location,
          hint: "enum member values must be integers",
        });
      }
      const annotations = targets.collectChild(m.annotations, parents, m.name);
      return withDeprecation<EnumMember>({
        name: m.name,
        value,
        description: stringAnnotation(annotations, TERMS.description),
        longDescription: stringAnnotation(annotations, TERMS.longDescription),
        annotations,
        location: m.location,
      });
    }),
  };
}

function resolveParameter(raw: RawParameter, targets: AnnotationTargets, parents: readonly string[]): Parameter {
  const annotations = targets.collectChild(raw.annotations, parents, raw.name);
  return withDeprecation<Parameter>({
    name: raw.name,
    type: parseTypeRef(raw.type),
    nullable: resolveNullable(raw),
    maxLength: resolveMaxLength(raw),
    precision: resolvePrecision(raw),
    scale: resolveScale(raw),
    defaultValue: raw.defaultValue,
    optional: annotations.has(TERMS.optionalParameter),
    description: stringAnnotation(annotations, TERMS.description),
    longDescription: stringAnnotation(annotations, TERMS.longDescription),
    annotations,
    location: raw.location,
  });
}

function resolveOperation(raw: RawOperation, namespace: string, targets: AnnotationTargets): Operation {
  const fullName = `${namespace}.${raw.name}`;
  const allTypes = raw.parameters.map((p) => p.type);
  // Annotation targets name an overload by its parameter types; Graph uses both the full list and the binding type alone.
  const operationTargets = [fullName, `${fullName}(${allTypes.join(",")})`];
  if (raw.isBound && allTypes[0]) operationTargets.push(`${fullName}(${allTypes[0]})`);
  const parents = targets.parentsOfTargets(operationTargets);
  const parameters = raw.parameters.map((p) => resolveParameter(p, targets, parents));
  const annotations = targets.collect(raw.annotations, ...operationTargets);
  return withDeprecation<Operation>({
    kind: raw.kind,
    fullName,
    namespace,
    name: raw.name,
    isBound: raw.isBound,
    isComposable: raw.isComposable,
    binding: raw.isBound ? parameters[0] : undefined,
    parameters: raw.isBound ? parameters.slice(1) : parameters,
    returnType: raw.returnType
      ? { type: parseTypeRef(raw.returnType.type), nullable: raw.returnType.nullable ?? true }
      : undefined,
    description: stringAnnotation(annotations, TERMS.description),
    longDescription: stringAnnotation(annotations, TERMS.longDescription),
    annotations,
    location: raw.location,
  });
}

function compareOperations(a: Operation, b: Operation): number {
  return compareNames(a.fullName, b.fullName) || compareNames(a.binding?.type.name ?? "", b.binding?.type.name ?? "");
}

function resolveContainer(raw: RawEntityContainer, namespace: string, targets: AnnotationTargets): EntityContainer {
  const fullName = `${namespace}.${raw.name}`;
  const parents = targets.parentsOfTargets([fullName]);
  // A child's annotations and the members read from them, spread into each child: a few hundred per model, so the
  // spread costs nothing measurable here (the types' and properties' objects are built without one).
  const documented = (child: { name: string; annotations: RawStructuredType["annotations"]; location: SourceLocation }) => {
    const annotations = targets.collectChild(child.annotations, parents, child.name);
    return {
      description: stringAnnotation(annotations, TERMS.description),
      longDescription: stringAnnotation(annotations, TERMS.longDescription),
      annotations,
      location: child.location,
    };
  };
  const annotations = targets.collect(raw.annotations, fullName);
  return withDeprecation<EntityContainer>({
    fullName,
    entitySets: raw.entitySets.map((s) => withDeprecation<EntitySet>({ name: s.name, entityType: s.entityType, bindings: s.bindings, ...documented(s) })),
    singletons: raw.singletons.map((s) => withDeprecation<Singleton>({ name: s.name, type: s.type, bindings: s.bindings, ...documented(s) })),
    operationImports: raw.operationImports.map((i) =>
      withDeprecation<OperationImport>({ kind: i.kind, name: i.name, operation: i.operation, entitySet: i.entitySet, ...documented(i) }),
    ),
    description: stringAnnotation(annotations, TERMS.description),
    longDescription: stringAnnotation(annotations, TERMS.longDescription),
    annotations,
    location: raw.location,
  });
}

function linkDerivedTypes(types: ReadonlyMap<string, ModelType>): Map<string, string[]> {
  const derived = new Map<string, string[]>();
  for (const type of types.values()) {
    if ((type.kind === "entity" || type.kind === "complex") && type.baseType) {
      const list = derived.get(type.baseType) ?? [];
      list.push(type.fullName);
      derived.set(type.baseType, list);
    }
  }
  // `types` is sorted, so each list already is.
  return derived;
}

function uniqueNamespaces(documents: readonly RawDocument[]) {
  const seen = new Map<string, { name: string; alias?: string }>();
  for (const schema of documents.flatMap((d) => d.schemas)) {
    if (!seen.has(schema.namespace)) seen.set(schema.namespace, { name: schema.namespace, alias: schema.alias });
  }
  return [...seen.values()].sort((a, b) => compareNames(a.name, b.name));
}

