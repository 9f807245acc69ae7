// The mock's route table: the client's request tree as data the mock's runtime walks, plus the entity
// types it serves (with their bases and the derived types a path can be cast to). Pure function of
// (model, selection, request tree).
import type { RequestNode } from "../client/request-tree.js";
import { baseChain, concreteTypes, structuredType } from "../model/queries.js";
import type { Model, StructuredType, TypeRef } from "../model/types.js";
import { derivedNavigations, type DerivedNavigation } from "./derived-navigation.js";
import { documentedBehaviours, type TypeBehaviour } from "./documented-behaviours.js";

export interface MockRoute {
  readonly kind: "entity" | "collection";
  readonly type: string;
  readonly template: string;
  /** The path's last segment: the name its parent knows it by. */
  readonly segment: string;
  readonly reference: boolean;
  /** Directory objects: `$count` needs `ConsistencyLevel: eventual`, as in Graph. */
  readonly eventual: boolean;
  readonly children: readonly MockRoute[];
  readonly item?: MockRoute;
  readonly itemPath?: MockRoute;
  readonly operations: readonly { segment: string; kind: "action" | "function"; template: string; returns?: string }[];
}

export interface MockTypeEntry {
  readonly fullName: string;
  readonly base?: string;
  readonly abstract: boolean;
  readonly stream: boolean;
  /** Declared properties: name -> type name, `Collection(...)` for collections. */
  readonly properties: readonly (readonly [string, string])[];
  readonly readOnly: readonly string[];
  /**
   * Whether the mock can ask for this type's validator: a route's type or one derived from it. A type that
   * is only a base of the routes' types (`entity`, `outlookItem`) is never an item's type, and its validator
   * would import every type derived from it (all of Graph for `entity`) into each test that loads the mock.
   */
  readonly validated: boolean;
}

export interface MockRouteTable {
  readonly roots: readonly MockRoute[];
  readonly types: readonly MockTypeEntry[];
  readonly enums: readonly string[];
  /** Navigation Graph computes from another (`memberOf` from `members`), for the types served. */
  readonly derived: readonly DerivedNavigation[];
  /** Graph's documented server behaviours (documented-behaviour.ts) for the types served and the complex types emitted. */
  readonly documented: ReadonlyMap<string, TypeBehaviour>;
  /** Enum type -> its members as declared: the mock answers a value sent in another case as Graph does, declared. */
  readonly enumMembers: ReadonlyMap<string, readonly string[]>;
  /** Type -> the entity set holding entities of exactly that type: a reference's `@odata.context` names it. */
  readonly entitySets: ReadonlyMap<string, string>;
}

const typeText = (ref: TypeRef) => (ref.collection ? `Collection(${ref.name})` : ref.name);

export function buildRouteTable(model: Model, roots: readonly RequestNode[], selected: ReadonlySet<string>): MockRouteTable {
  const routes = roots.map(fromRequestNode);
  const entityTypes = new Set<string>();
  const visit = (route: MockRoute) => {
    entityTypes.add(route.type);
    route.children.forEach(visit);
    if (route.item) visit(route.item);
    if (route.itemPath) visit(route.itemPath);
  };
  routes.forEach(visit);
  const types = new Map<string, MockTypeEntry>();
  for (const name of [...entityTypes].sort()) {
    const type = structuredType(model, name);
    if (!type) continue;
    const related = [type, ...baseChain(model, type)].map((t) => t.fullName);
    for (const member of [...related, ...concreteTypes(model, name)]) {
      const entry = structuredType(model, member);
      if (entry && selected.has(member) && !types.has(member)) types.set(member, typeEntry(model, entry, servesRouteType(model, entry, entityTypes)));
    }
  }
  const sorted = [...types.values()].sort((a, b) => compare(a.fullName, b.fullName));
  const enums = new Set(sorted.flatMap((t) => t.properties.map(([, type]) => type).filter((type) => model.types.get(type)?.kind === "enum")));
  const derived = derivedNavigations(model, sorted.map((t) => t.fullName));
  const complex = [...selected].filter((name) => model.types.get(name)?.kind === "complex");
  const documented = documentedBehaviours(model, [...sorted.map((t) => t.fullName), ...complex]);
  const served = new Set(sorted.map((t) => t.fullName));
  const sets = model.containers.flatMap((c) => c.entitySets).filter((set) => served.has(set.entityType));
  const entitySets = new Map(sets.sort((a, b) => compare(a.name, b.name)).reverse().map((set) => [set.entityType, set.name]));
  const enumNames = [...enums].sort();
  const enumMembers = new Map(enumNames.map((name) => {
    const type = model.types.get(name);
    return [name, type?.kind === "enum" ? type.members.map((m) => m.name) : []] as const;
  }));
  const sortedSets = new Map([...entitySets].sort(([a], [b]) => compare(a, b)));
  return { roots: routes, types: sorted, enums: enumNames, derived, documented, enumMembers, entitySets: sortedSets };
}

/** The type is a route's type or derives from one. */
function servesRouteType(model: Model, type: StructuredType, routeTypes: ReadonlySet<string>): boolean {
  return [type, ...baseChain(model, type)].some((t) => routeTypes.has(t.fullName));
}

function typeEntry(model: Model, type: StructuredType, validated: boolean): MockTypeEntry {
  const key = type.key ?? [];
  return {
    fullName: type.fullName,
    ...(type.baseType ? { base: type.baseType } : {}),
    abstract: type.abstract,
    stream: type.hasStream,
    properties: type.properties.map((p) => [p.name, typeText(p.type)] as const),
    readOnly: type.properties.filter((p) => p.readOnly || key.includes(p.name)).map((p) => p.name),
    validated,
  };
}

function fromRequestNode(node: RequestNode): MockRoute {
  return {
    kind: node.kind,
    type: node.entityType,
    template: node.template,
    segment: node.segments.at(-1) as string,
    reference: !node.contained,
    eventual: node.kind === "collection" && node.eventualConsistency,
    // Casts are served from the types table (any derived type of the path's), so their nodes add nothing.
    children: node.children.filter((child) => child.step !== "cast").map(fromRequestNode),
    ...(node.item ? { item: fromRequestNode(node.item) } : {}),
    ...(node.itemPath ? { itemPath: fromRequestNode(node.itemPath) } : {}),
    operations: node.operations.map((op) => ({
      segment: op.segment,
      kind: op.operation.kind,
      template: op.template,
      ...(op.operation.returnType ? { returns: typeText(op.operation.returnType.type) } : {}),
    })),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
