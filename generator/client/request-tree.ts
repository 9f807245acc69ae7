// The request paths a client is generated for, as a tree: the entity container's singletons and entity sets,
// the navigation properties below them (contained ones all the way down, non-contained ones one step, as
// Graph's OpenAPI description serves them), keys, type casts, drive items by path, and what each node offers
// besides its own requests: `$count`, `$ref`, streams and bound operations. tree-walk.ts builds it
// (buildRequestTree); this file is the data model the emitters, `graphgen paths` and the permission plan read.
import type { Deprecation, Model, Operation } from "../model/types.js";
import type { RequestCapabilities, RestrictedRequest } from "./capabilities.js";

export interface OperationNode {
  readonly operation: Operation;
  /** The path segment: the short name in the root namespace (as Graph's docs write it), else the full name. */
  readonly segment: string;
  readonly template: string;
  readonly method: "GET" | "POST";
}

/**
 * How a node's last segment addresses it from its parent: an entity set or singleton (`root`), a navigation
 * property, a key (`{user-id}`), a type cast (`microsoft.graph.group`), or a drive item's path
 * (`root:/{item-path}:`, a OneDrive convention the metadata does not describe), or a complex-typed property
 * Graph serves on its own path (`mailboxSettings`, annotated with read or update restrictions), or a composable
 * function's result (`getByPath(path='...')`), whose navigation properties Graph serves one step further.
 */
export type RequestStep = "root" | "navigation" | "key" | "cast" | "itemPath" | "property" | "function";

/** A stream: the media entity's own content (`$value`) or a stream property (`content`, `logo`). */
export interface StreamNode {
  /** `$value` or the stream property's name. */
  readonly segment: string;
  readonly template: string;
}

export interface RequestNode {
  /** Segments after the leading `/`; a key is written `{typeName-id}`, a drive item path `{item-path}`. */
  readonly segments: readonly string[];
  /** `/identity/apiConnectors/{identityApiConnector-id}`, `/drives/{drive-id}/root:/{item-path}:` */
  readonly template: string;
  /** An entity (singleton, key, single-valued navigation) or a collection of entities (or complex values). */
  readonly kind: "entity" | "collection";
  readonly step: RequestStep;
  /** The entity type (of the item for collections); a cast's derived type; a property's complex type. */
  readonly entityType: string;
  /**
   * The entities belong here (entity sets, singletons, contained navigation): the node creates, updates and
   * deletes them. A non-contained navigation (`members`, `manager`) only reads them and manages references.
   */
  readonly contained: boolean;
  /**
   * `$ref` requests: add and remove on a collection (`POST .../$ref`, `DELETE .../{id}/$ref`), set and clear on
   * a single-valued navigation (`PUT`/`DELETE .../$ref`). Where to point them: the entity set of the target.
   */
  readonly references?: { readonly entitySet: string };
  /**
   * What the Capabilities annotations say of this node's own requests, where they say it (`list`, `create` on a
   * collection; `update`, `delete` on an entity): false refuses what its kind would have (`calendarView` takes no
   * new event), true allows what its kind would not (new items in a folder's non-contained `children`).
   */
  readonly capabilities?: RequestCapabilities;
  /** A collection answers `GET .../$count` (unless `Capabilities.CountRestrictions` says it does not). */
  readonly countable: boolean;
  /** Directory objects: Graph needs `ConsistencyLevel: eventual` for `$count`, `$search` and advanced filters. */
  readonly eventualConsistency: boolean;
  /** The node's own path is selected, so it gets its request methods; otherwise it only leads on. */
  readonly included: boolean;
  /** Navigation properties (by name), then type casts (by type), each with its own builder. */
  readonly children: readonly RequestNode[];
  /** The key segment of a collection. */
  readonly item?: RequestNode;
  /** A drive item addressed by a path below this one (`.../root:/a/b.txt:`). */
  readonly itemPath?: RequestNode;
  /** Selected operations bound here. */
  readonly operations: readonly OperationNode[];
  /** Streams to download and upload, when the node is selected. */
  readonly streams: readonly StreamNode[];
  /** For a `function` step: the composable function whose result the node is (its `get` calls it). */
  readonly function?: OperationNode;
  /** The entity set, singleton or navigation property that leads here is deprecated (`Core.Revisions`). */
  readonly deprecation?: Deprecation;
}

/** What one HTTP request does; the builder member that sends it is named after it (operations by segment). */
export type RequestRole =
  | "list"
  | "create"
  | "count"
  | "get"
  | "update"
  | "delete"
  | "addRef"
  | "removeRef"
  | "setRef"
  | "download"
  | "upload"
  | "operation";

export interface NodeRequest {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  readonly template: string;
  readonly role: RequestRole;
  /** The operation's segment, for role `operation`. */
  readonly operation?: string;
}

/** Every node of the trees, depth first, parents before children, the key item and the item path last. */
export function requestNodes(roots: readonly RequestNode[]): RequestNode[] {
  const nodes: RequestNode[] = [];
  const visit = (node: RequestNode) => {
    nodes.push(node);
    for (const child of node.children) visit(child);
    if (node.item) visit(node.item);
    if (node.itemPath) visit(node.itemPath);
  };
  roots.forEach(visit);
  return nodes;
}

/** Where a collection's key goes in a template (`/members/{directoryObject-id}`), for removing a reference. */
export function itemTemplate(node: RequestNode): string {
  return node.item?.template ?? `${node.template}/{${node.entityType.split(".").at(-1)}-id}`;
}

/** What the annotations say of a request here, else what the node's kind gives. */
const capable = (node: RequestNode, request: RestrictedRequest, byKind: boolean) => node.capabilities?.[request] ?? byKind;

/** A collection Graph lists with `GET`: any, unless its `ReadRestrictions` say it is not readable. */
export function lists(node: RequestNode): boolean {
  return node.kind === "collection" && capable(node, "list", true);
}

/**
 * A collection that takes new entities: its own (contained) unless the annotations say otherwise, not seen
 * through a cast, not a complex property.
 */
export function creates(node: RequestNode): boolean {
  return node.kind === "collection" && node.step !== "cast" && node.step !== "property" && capable(node, "create", node.contained);
}

/** An entity read with `GET`: any, unless `ReadByKeyRestrictions` say its collection is not read by key. */
export function reads(node: RequestNode): boolean {
  return node.kind === "entity" && capable(node, "read", true);
}

/** An entity (or complex property) that takes PATCH: its own unless the annotations say otherwise, not seen through a cast. */
export function updates(node: RequestNode): boolean {
  return node.kind === "entity" && node.step !== "cast" && capable(node, "update", node.contained);
}

/**
 * An entity that can be deleted: its own one addressed by key or by path, unless the annotations say otherwise;
 * a single-valued navigation only where they say so (`DELETE /me/photo`).
 */
export function deletes(node: RequestNode): boolean {
  const byKind = node.contained && (node.step === "key" || node.step === "itemPath");
  return node.kind === "entity" && node.step !== "cast" && capable(node, "delete", byKind);
}

/** The HTTP requests a node offers, in the order its builder declares them: what permissions are looked up for. */
export function nodeRequests(node: RequestNode): NodeRequest[] {
  const requests: NodeRequest[] = [];
  const add = (method: NodeRequest["method"], template: string, role: RequestRole) => requests.push({ method, template, role });
  if (node.included && node.kind === "collection") {
    if (lists(node)) add("GET", node.template, "list");
    if (creates(node)) add("POST", node.template, "create");
    if (node.countable) add("GET", `${node.template}/$count`, "count");
    if (node.references) {
      add("POST", `${node.template}/$ref`, "addRef");
      add("DELETE", `${itemTemplate(node)}/$ref`, "removeRef");
    }
  }
  if (node.included && node.kind === "entity") {
    if (reads(node)) add("GET", node.template, "get");
    if (updates(node)) add("PATCH", node.template, "update");
    if (deletes(node)) add("DELETE", node.template, "delete");
    if (node.references && node.step === "navigation") {
      add("PUT", `${node.template}/$ref`, "setRef");
      add("DELETE", `${node.template}/$ref`, "removeRef");
    }
  }
  for (const stream of node.streams) {
    add("GET", stream.template, "download");
    add("PUT", stream.template, "upload");
  }
  for (const op of node.operations) requests.push({ method: op.method, template: op.template, role: "operation", operation: op.segment });
  return requests;
}

export function isKeySegment(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}
