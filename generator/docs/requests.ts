// The generated client's requests, gathered once for the docs: each (method, path) with its node in the
// request tree, its operation when it is one, and its permissions. Path, type and permission pages all
// read this list; it reaches the request tree only through requestNodes and nodeRequests.
import type { OperationPermissionInfo } from "../client/permissions.js";
import { nodeRequests, requestNodes, type OperationNode, type RequestNode } from "../client/request-tree.js";
import type { TypeRef } from "../model/types.js";

export interface DocRequest {
  readonly method: string;
  readonly template: string;
  /** `list`, `create`, `get`, `update`, `delete`, or the operation's segment. */
  readonly role: string;
  readonly node: RequestNode;
  /** The node's ancestors, root first: how the client reaches it. */
  readonly ancestors: readonly RequestNode[];
  readonly operation?: OperationNode;
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
      const operation = node.operations.find((op) => op.template === request.template && op.method === request.method);
      requests.push({
        method: request.method,
        template: request.template,
        role: request.operation ?? request.role,
        node,
        ancestors,
        operation,
        permissions: lookup(request.method, request.template),
        ...bodyAndResult(node, request.method, operation),
      });
    }
  }
  return requests;
}

function bodyAndResult(node: RequestNode, method: string, operation: OperationNode | undefined): { accepts?: TypeRef; returns?: TypeRef } {
  const entity: TypeRef = { name: node.entityType, collection: false };
  if (operation) {
    const accepts = operation.operation.kind === "action" ? operation.operation.parameters.map((p) => p.type).find((t) => !t.name.startsWith("Edm.")) : undefined;
    return { accepts, returns: operation.operation.returnType?.type };
  }
  if (method === "GET") return { returns: { name: node.entityType, collection: node.kind === "collection" } };
  if (method === "POST") return { accepts: entity, returns: entity };
  if (method === "PATCH") return { accepts: entity };
  return {};
}
