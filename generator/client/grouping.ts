// Which module holds each request builder. A request path and every path below it share one module, up to
// MODULE_PATHS paths; a larger subtree gives its top path a module of its own and is split the same way below
// it. The module is named after its top path (`client/paths/users/byId/messages`), so a default config's few
// paths make one module per root, and every request path of Graph makes about a thousand modules, not 6,700.
import { requestBuilderNaming } from "../naming.js";
import type { RequestNode } from "./request-tree.js";

/** Paths one module holds at most (unless a single path, whose subtree is larger, stands alone). */
export const MODULE_PATHS = 40;

export interface BuilderModule {
  /** `client/paths/users/byId/messages`: the module of the top path's request builder. */
  readonly modulePath: string;
  /** The top path first, then the paths below it in tree order (requestNodes). */
  readonly nodes: readonly RequestNode[];
}

export interface BuilderModules {
  readonly modules: readonly BuilderModule[];
  /** The module that exports a node's interface and factory. */
  moduleOf(node: RequestNode): string;
}

/** The nodes one step below: navigation properties and casts, then the key item and the item path. */
function below(node: RequestNode): RequestNode[] {
  return [...node.children, ...(node.item ? [node.item] : []), ...(node.itemPath ? [node.itemPath] : [])];
}

export function groupRequestNodes(roots: readonly RequestNode[], limit = MODULE_PATHS): BuilderModules {
  const sizes = new Map<RequestNode, number>();
  const size = (node: RequestNode): number => {
    let n = sizes.get(node);
    if (n === undefined) {
      n = below(node).reduce((sum, child) => sum + size(child), 1);
      sizes.set(node, n);
    }
    return n;
  };
  const modules: BuilderModule[] = [];
  const owner = new Map<RequestNode, string>();
  const place = (node: RequestNode, modulePath: string, nodes: RequestNode[]) => {
    owner.set(node, modulePath);
    nodes.push(node);
    for (const child of below(node)) place(child, modulePath, nodes);
  };
  const visit = (node: RequestNode) => {
    const modulePath = requestBuilderNaming(node.segments).modulePath;
    const nodes: RequestNode[] = [];
    if (size(node) <= limit) {
      place(node, modulePath, nodes);
      modules.push({ modulePath, nodes });
      return;
    }
    owner.set(node, modulePath);
    modules.push({ modulePath, nodes: [node] });
    below(node).forEach(visit);
  };
  roots.forEach(visit);
  return {
    modules,
    moduleOf(node) {
      const modulePath = owner.get(node);
      if (modulePath === undefined) throw new Error(`internal: no request builder module for ${node.template}`);
      return modulePath;
    },
  };
}
