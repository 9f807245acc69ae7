// The types a generated client refers to, so selection emits them (with their closure) even when the
// config's `include` does not name them.
import { isPrimitive, type Model } from "../model/types.js";
import { requestNodes, type RequestNode } from "./request-tree.js";

export function clientTypeNames(model: Model, roots: readonly RequestNode[]): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    if (!isPrimitive(name) && model.types.has(name)) names.add(name);
  };
  for (const node of requestNodes(roots)) {
    // An operation's binding type too (`driveItem` of `/drives/{id}/items/{id}/createUploadSession`): the
    // operation acts on it, and the upload it starts ends with one.
    if (node.included || node.operations.length > 0) add(node.entityType);
    for (const op of node.operations) {
      op.operation.parameters.forEach((p) => add(p.type.name));
      if (op.operation.returnType) add(op.operation.returnType.type.name);
    }
  }
  return [...names].sort();
}
