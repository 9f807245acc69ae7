// The public API a generation exposes, read from the model: what a consumer of the generated
// package can depend on (types, members with their types and nullability, enum members, derived
// types, operations with parameters). Comparing models rather than emitted TypeScript keeps a
// diff of two full metadata files to a couple of seconds and names changes in Graph's own terms.
import { allProperties, isStructured } from "../model/queries.js";
import type { Deprecation, Model, Operation, StructuredType, TypeRef } from "../model/types.js";
import { resolveTypeName, selectTypes } from "../select.js";

export interface ApiMember {
  readonly type: string;
  readonly nullable: boolean;
  readonly navigation: boolean;
}

export interface ApiType {
  readonly fullName: string;
  readonly kind: string;
  readonly baseType?: string;
  /** Properties and navigation properties, including inherited ones, by name. */
  readonly members: ReadonlyMap<string, ApiMember>;
  readonly enumMembers: readonly string[];
  readonly derivedTypes: readonly string[];
}

export interface ApiParameter {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly optional: boolean;
}

export interface ApiOperation {
  /** `microsoft.graph.reprocess` bound to `microsoft.graph.user` is `microsoft.graph.reprocess(microsoft.graph.user)`. */
  readonly key: string;
  readonly kind: string;
  readonly parameters: readonly ApiParameter[];
  readonly returnType?: string;
}

export interface ApiSurface {
  readonly types: ReadonlyMap<string, ApiType>;
  readonly operations: ReadonlyMap<string, ApiOperation>;
  /** Deprecated elements (`Core.Revisions`) by the name a report gives them: types, declared members, enum members, operations, entity sets. */
  readonly deprecations: ReadonlyMap<string, Deprecation>;
}

/** The surface of the closure of `include` (names missing from this model are skipped), or of everything when empty. */
export function apiSurface(model: Model, include: readonly string[], rootNamespace = "microsoft.graph"): ApiSurface {
  const all = include.length === 0;
  const present = include.filter((name) => resolves(model, name, rootNamespace));
  const selection = selectTypes(model, { include: present, all, rootNamespace });
  const types = new Map<string, ApiType>();
  for (const fullName of selection.types) {
    const type = model.types.get(fullName);
    if (!type) continue;
    types.set(fullName, {
      fullName,
      kind: type.kind,
      baseType: isStructured(type) ? type.baseType : undefined,
      members: isStructured(type) ? membersOf(model, type) : new Map(),
      enumMembers: type.kind === "enum" ? type.members.map((m) => m.name) : [],
      derivedTypes: model.derivedTypes.get(fullName) ?? [],
    });
  }
  const operations = new Map<string, ApiOperation>();
  const deprecations = new Map<string, Deprecation>();
  const note = (name: string, deprecation: Deprecation | undefined) => deprecation && deprecations.set(name, deprecation);
  for (const fullName of types.keys()) {
    const type = model.types.get(fullName);
    note(fullName, type?.deprecation);
    if (isStructured(type)) for (const p of [...type.properties, ...type.navigationProperties]) note(`${fullName}.${p.name}`, p.deprecation);
    if (type?.kind === "enum") for (const m of type.members) note(`${fullName}.${m.name}`, m.deprecation);
  }
  for (const operation of all ? model.operations : selection.boundOperations) {
    const api = apiOperation(operation);
    operations.set(api.key, api);
    note(api.key, operation.deprecation);
  }
  if (all) {
    for (const container of model.containers) {
      for (const child of [...container.entitySets, ...container.singletons]) note(`${container.fullName}/${child.name}`, child.deprecation);
    }
  }
  return { types, operations, deprecations };
}

function resolves(model: Model, name: string, rootNamespace: string): boolean {
  try {
    resolveTypeName(model, name, rootNamespace);
    return true;
  } catch {
    return false;
  }
}

/** A member moved to a base type is still there for the consumer, so inherited members count. */
function membersOf(model: Model, type: StructuredType): Map<string, ApiMember> {
  const { properties, navigationProperties } = allProperties(model, type);
  const member = (p: { type: TypeRef; nullable: boolean }, navigation: boolean): ApiMember => ({ type: typeText(p.type), nullable: p.nullable, navigation });
  return new Map([
    ...properties.map((p) => [p.name, member(p, false)] as const),
    ...navigationProperties.map((p) => [p.name, member(p, true)] as const),
  ]);
}

function apiOperation(operation: Operation): ApiOperation {
  const binding = operation.binding ? `(${typeText(operation.binding.type)})` : "";
  return {
    key: `${operation.fullName}${binding}`,
    kind: operation.kind,
    parameters: operation.parameters.map((p) => ({ name: p.name, type: typeText(p.type), nullable: p.nullable, optional: p.optional })),
    returnType: operation.returnType && `${typeText(operation.returnType.type)}${operation.returnType.nullable ? " | null" : ""}`,
  };
}

function typeText(ref: TypeRef): string {
  return ref.collection ? `Collection(${ref.name})` : ref.name;
}
