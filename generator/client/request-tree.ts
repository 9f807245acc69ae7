// The request paths a client is generated for: the entity container's singletons and entity sets,
// their contained navigation properties and keys, and the operations bound along the way, cut down to
// what `includePaths` selects. Pure function of (model, patterns).
import { allProperties, baseChain, boundOperations, structuredType } from "../model/queries.js";
import type { Model, Operation, StructuredType } from "../model/types.js";
import { isIncluded, mayIncludeBelow, type PathPattern } from "./include-paths.js";

export interface OperationNode {
  readonly operation: Operation;
  /** The path segment: the short name in the root namespace (as Graph's docs write it), else the full name. */
  readonly segment: string;
  readonly template: string;
  readonly method: "GET" | "POST";
}

export interface RequestNode {
  /** Segments after the leading `/`; a key is written `{typeName-id}`. */
  readonly segments: readonly string[];
  /** `/identity/apiConnectors/{identityApiConnector-id}` */
  readonly template: string;
  /** An entity (singleton, key, single-valued navigation) or a collection of entities. */
  readonly kind: "entity" | "collection";
  /** The entity type, of the item for collections. */
  readonly entityType: string;
  /** The node's own path is selected, so it gets its request methods; otherwise it only leads on. */
  readonly included: boolean;
  /** Contained navigation properties, by name. */
  readonly children: readonly RequestNode[];
  /** The key segment of a collection. */
  readonly item?: RequestNode;
  /** Selected operations bound here. */
  readonly operations: readonly OperationNode[];
}

/** Deeper paths exist in Graph (folders in folders) but no caller writes them out by hand. */
const MAX_SEGMENTS = 10;

export function buildRequestTree(model: Model, patterns: readonly PathPattern[], rootNamespace: string): RequestNode[] {
  if (patterns.length === 0) return [];
  const walk = new TreeWalk(model, patterns, rootNamespace);
  const roots: RequestNode[] = [];
  for (const container of model.containers) {
    for (const singleton of container.singletons) {
      const node = walk.entity([singleton.name], singleton.type, new Set());
      if (node) roots.push(node);
    }
    for (const set of container.entitySets) {
      const node = walk.collection([set.name], set.entityType, new Set());
      if (node) roots.push(node);
    }
  }
  return roots.sort((a, b) => compare(a.segments[0] as string, b.segments[0] as string));
}

/** Every node of the trees, depth first, parents before children. */
export function requestNodes(roots: readonly RequestNode[]): RequestNode[] {
  const nodes: RequestNode[] = [];
  const visit = (node: RequestNode) => {
    nodes.push(node);
    for (const child of node.children) visit(child);
    if (node.item) visit(node.item);
  };
  roots.forEach(visit);
  return nodes;
}

/** The HTTP operations a node offers, as (method, template) pairs: what permissions are looked up for. */
export function nodeRequests(node: RequestNode): { method: string; template: string; role: string }[] {
  const requests: { method: string; template: string; role: string }[] = [];
  if (node.included && node.kind === "collection") {
    requests.push({ method: "GET", template: node.template, role: "list" }, { method: "POST", template: node.template, role: "create" });
  }
  if (node.included && node.kind === "entity") {
    requests.push({ method: "GET", template: node.template, role: "get" }, { method: "PATCH", template: node.template, role: "update" });
    if (isKeySegment(node.segments.at(-1) as string)) requests.push({ method: "DELETE", template: node.template, role: "delete" });
  }
  for (const op of node.operations) requests.push({ method: op.method, template: op.template, role: op.segment });
  return requests;
}

export function isKeySegment(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}

class TreeWalk {
  constructor(
    private readonly model: Model,
    private readonly patterns: readonly PathPattern[],
    private readonly rootNamespace: string,
  ) {}

  entity(segments: string[], typeName: string, ancestors: ReadonlySet<string>): RequestNode | undefined {
    const type = structuredType(this.model, typeName);
    if (!type || !this.worthVisiting(segments)) return undefined;
    const inside = new Set([...ancestors, typeName]);
    const children: RequestNode[] = [];
    const navigations = allProperties(this.model, type).navigationProperties.filter((n) => n.containsTarget);
    for (const nav of [...navigations].sort((a, b) => compare(a.name, b.name))) {
      // A type inside itself (folders in folders) would recurse forever; callers reach it from its first occurrence.
      if (inside.has(nav.type.name)) continue;
      const path = [...segments, nav.name];
      const child = nav.type.collection ? this.collection(path, nav.type.name, inside) : this.entity(path, nav.type.name, inside);
      if (child) children.push(child);
    }
    return this.node(segments, "entity", type, children, undefined);
  }

  collection(segments: string[], typeName: string, ancestors: ReadonlySet<string>): RequestNode | undefined {
    const type = structuredType(this.model, typeName);
    if (!type || !this.worthVisiting(segments)) return undefined;
    const item = this.entity([...segments, `{${type.name}-id}`], typeName, ancestors);
    return this.node(segments, "collection", type, [], item);
  }

  private worthVisiting(segments: readonly string[]): boolean {
    return segments.length <= MAX_SEGMENTS && mayIncludeBelow(this.patterns, segments);
  }

  private node(segments: string[], kind: RequestNode["kind"], type: StructuredType, children: RequestNode[], item: RequestNode | undefined): RequestNode | undefined {
    const included = isIncluded(this.patterns, segments);
    const operations = this.operations(segments, type, kind === "collection");
    if (!included && children.length === 0 && !item && operations.length === 0) return undefined;
    return { segments, template: `/${segments.join("/")}`, kind, entityType: type.fullName, included, children, item, operations };
  }

  /** One operation per name: the one bound nearest to the type wins (a derived type's override). */
  private operations(segments: readonly string[], type: StructuredType, collection: boolean): OperationNode[] {
    const distance = new Map([type, ...baseChain(this.model, type)].map((t, i) => [t.fullName, i]));
    const candidates = boundOperations(this.model, type, collection).sort(
      (a, b) => compare(a.name, b.name) || (distance.get(a.binding!.type.name) ?? 0) - (distance.get(b.binding!.type.name) ?? 0),
    );
    const nodes: OperationNode[] = [];
    const seen = new Set<string>();
    for (const operation of candidates) {
      const segment = operation.namespace === this.rootNamespace ? operation.name : operation.fullName;
      if (seen.has(segment) || !isIncluded(this.patterns, [...segments, segment])) continue;
      seen.add(segment);
      const method = operation.kind === "function" ? "GET" : "POST";
      nodes.push({ operation, segment, template: `/${[...segments, segment].join("/")}`, method });
    }
    return nodes;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
