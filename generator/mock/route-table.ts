// The mock's route table: the client's request tree as data the mock's runtime walks, plus the entity
// types it serves (with their bases and the derived types a path can be cast to). Pure function of
// (model, selection, request tree).
import { isIncluded, type PathPattern } from "../client/include-paths.js";
import { type RequestNode } from "../client/request-tree.js";
import { allProperties, baseChain, concreteTypes, structuredType } from "../model/queries.js";
import type { Model, StructuredType, TypeRef } from "../model/types.js";

export interface MockRoute {
  readonly kind: "entity" | "collection";
  readonly type: string;
  readonly template: string;
  /** The path's last segment: the name its parent knows it by. */
  readonly segment: string;
  readonly reference: boolean;
  readonly children: readonly MockRoute[];
  readonly item?: MockRoute;
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
}

export interface MockRouteTable {
  readonly roots: readonly MockRoute[];
  readonly types: readonly MockTypeEntry[];
  readonly enums: readonly string[];
}

const typeText = (ref: TypeRef) => (ref.collection ? `Collection(${ref.name})` : ref.name);

export function buildRouteTable(model: Model, roots: readonly RequestNode[], selected: ReadonlySet<string>, patterns: readonly PathPattern[]): MockRouteTable {
  const routes = roots.map((root) => fromRequestNode(model, root, selected, patterns));
  const entityTypes = new Set<string>();
  const visit = (route: MockRoute) => {
    entityTypes.add(route.type);
    route.children.forEach(visit);
    if (route.item) visit(route.item);
  };
  routes.forEach(visit);
  const types = new Map<string, MockTypeEntry>();
  for (const name of [...entityTypes].sort()) {
    const type = structuredType(model, name);
    if (!type) continue;
    const related = [type, ...baseChain(model, type)].map((t) => t.fullName);
    for (const member of [...related, ...concreteTypes(model, name)]) {
      const entry = structuredType(model, member);
      if (entry && selected.has(member) && !types.has(member)) types.set(member, typeEntry(model, entry));
    }
  }
  const sorted = [...types.values()].sort((a, b) => compare(a.fullName, b.fullName));
  const enums = new Set(sorted.flatMap((t) => t.properties.map(([, type]) => type).filter((type) => model.types.get(type)?.kind === "enum")));
  return { roots: routes, types: sorted, enums: [...enums].sort() };
}

function typeEntry(model: Model, type: StructuredType): MockTypeEntry {
  const key = type.key ?? [];
  return {
    fullName: type.fullName,
    ...(type.baseType ? { base: type.baseType } : {}),
    abstract: type.abstract,
    stream: type.hasStream,
    properties: type.properties.map((p) => [p.name, typeText(p.type)] as const),
    readOnly: type.properties.filter((p) => p.readOnly || key.includes(p.name)).map((p) => p.name),
  };
}

function fromRequestNode(model: Model, node: RequestNode, selected: ReadonlySet<string>, patterns: readonly PathPattern[]): MockRoute {
  const children = node.children.map((child) => fromRequestNode(model, child, selected, patterns));
  if (node.kind === "entity" && node.included) children.push(...references(model, node, children, selected, patterns));
  return {
    kind: node.kind,
    type: node.entityType,
    template: node.template,
    segment: node.segments.at(-1) as string,
    reference: false,
    children: children.sort((a, b) => compare(a.segment, b.segment)),
    ...(node.item ? { item: fromRequestNode(model, node.item, selected, patterns) } : {}),
    operations: node.operations.map((op) => ({
      segment: op.segment,
      kind: op.operation.kind,
      template: op.template,
      ...(op.operation.returnType ? { returns: typeText(op.operation.returnType.type) } : {}),
    })),
  };
}

/**
 * Non-contained navigation (`/groups/{group-id}/members`) the include paths select: references to
 * entities that live in their own sets, with `$ref` to add and remove them. The client's request tree
 * does not list these yet; when it does, its nodes are used instead of these.
 */
function references(model: Model, node: RequestNode, taken: readonly MockRoute[], selected: ReadonlySet<string>, patterns: readonly PathPattern[]): MockRoute[] {
  const type = structuredType(model, node.entityType);
  if (!type) return [];
  const names = new Set(taken.map((child) => child.segment));
  return allProperties(model, type)
    .navigationProperties.filter((nav) => !nav.containsTarget && !names.has(nav.name) && selected.has(nav.type.name))
    .filter((nav) => isIncluded(patterns, [...node.segments, nav.name]))
    .map((nav) => {
      const template = `${node.template}/${nav.name}`;
      const target = structuredType(model, nav.type.name) as StructuredType;
      const base = { type: target.fullName, reference: true, children: [], operations: [] };
      if (!nav.type.collection) return { ...base, kind: "entity", template, segment: nav.name };
      const key = `{${target.name}-id}`;
      const item: MockRoute = { ...base, kind: "entity", template: `${template}/${key}`, segment: key };
      return { ...base, kind: "collection", template, segment: nav.name, item };
    });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
