// The generated client's requests, gathered once for the docs: each (method, path) with its node in the
// request tree, its operation when it is one, and its permissions. Path, type and permission pages all
// read this list; it reaches the request tree only through requestNodes and nodeRequests.
import type { OperationPermissionInfo } from "../client/permissions.js";
import { nodeRequests, requestNodes, type OperationNode, type RequestNode, type RequestRole, type StreamNode } from "../client/request-tree.js";
import type { TypeRef } from "../model/types.js";

export interface DocRequest {
  readonly method: string;
  readonly template: string;
  /** What the request does (`list`, `count`, `addRef`, `download`, ...), or the operation's segment. */
  readonly role: string;
  /** The kind of request, operations included: what the views branch on. */
  readonly kind: RequestRole;
  readonly node: RequestNode;
  /** The node's ancestors, root first: how the client reaches it. */
  readonly ancestors: readonly RequestNode[];
  readonly operation?: OperationNode;
  /** The stream a `download` or `upload` reads or writes. */
  readonly stream?: StreamNode;
  readonly permissions: OperationPermissionInfo;
  /** The type sent as the body, and the type returned. */
  readonly accepts?: TypeRef;
  readonly returns?: TypeRef;
}

export type PermissionLookup = (method: string, template: string) => OperationPermissionInfo;

export function gatherRequests(roots: readonly RequestNode[], lookup: PermissionLookup): DocRequest[] {
  const parents = new Map<RequestNode, RequestNode>();
  for (const node of requestNodes(roots)) {
    for (const child of node.children) parents.set(child, node);
    if (node.item) parents.set(node.item, node);
    if (node.itemPath) parents.set(node.itemPath, node);
  }
  const ancestorsOf = (node: RequestNode): RequestNode[] => {
    const chain: RequestNode[] = [];
    for (let parent = parents.get(node); parent; parent = parents.get(parent)) chain.unshift(parent);
    return chain;
  };
  const requests: DocRequest[] = [];
  for (const node of requestNodes(roots)) {
    const ancestors = ancestorsOf(node);
    for (const request of nodeRequests(node)) {
      const operation = request.role === "operation" ? node.operations.find((op) => op.template === request.template && op.method === request.method) : undefined;
      const stream = request.role === "download" || request.role === "upload" ? node.streams.find((s) => s.template === request.template) : undefined;
      requests.push({
        method: request.method,
        template: request.template,
        role: request.operation ?? request.role,
        kind: request.role,
        node,
        ancestors,
        operation,
        stream,
        permissions: lookup(request.method, request.template),
        ...bodyAndResult(node, request.role, operation, stream),
      });
    }
  }
  return requests;
}

/**
 * What each kind of request sends and gets back, as Graph answers it: `$count` a plain-text integer, `$ref`
 * requests a reference body (not the entity) and no content, a download the stream's bytes, an upload the
 * bytes (a drive item's `content` answers with the driveItem; other streams answer without a body).
 */
function bodyAndResult(node: RequestNode, role: RequestRole, operation: OperationNode | undefined, stream: StreamNode | undefined): { accepts?: TypeRef; returns?: TypeRef } {
  const entity: TypeRef = { name: node.entityType, collection: false };
  switch (role) {
    case "operation": {
      const op = operation?.operation;
      const accepts = op?.kind === "action" ? op.parameters.map((p) => p.type).find((t) => !t.name.startsWith("Edm.")) : undefined;
      return { accepts, returns: op?.returnType?.type };
    }
    case "list":
      return { returns: { name: node.entityType, collection: true } };
    case "get":
      return { returns: { name: node.entityType, collection: node.kind === "collection" } };
    case "count":
      return { returns: { name: "Edm.Int32", collection: false } };
    case "create":
      return { accepts: entity, returns: entity };
    case "update":
      return { accepts: entity };
    case "download":
      return { returns: { name: "Edm.Stream", collection: false } };
    case "upload":
      return { accepts: { name: "Edm.Stream", collection: false }, ...(answersWithItem(node, stream) ? { returns: entity } : {}) };
    default:
      return {};
  }
}

/** A drive item's `content` upload answers with the driveItem (200 or 201); other streams (a photo's `$value`) with no body. */
export function answersWithItem(node: RequestNode, stream: StreamNode | undefined): boolean {
  return stream?.segment === "content" && node.entityType.endsWith(".driveItem");
}
