// Permissions of the generated operations, from the colleague-owned tables in generator/permissions:
// the per-operation lookup the emitter writes into doc comments and specs, and the plan behind
// `graphgen permissions`.
import { fileURLToPath } from "node:url";
import { planPermissions, type PermissionKinds, type PermissionPlan } from "../permissions/manifest.js";
import { leastPrivilegedPermissions, type LeastPrivilegeResult } from "../permissions/match.js";
import { loadPermissionIndex, type PermissionIndex } from "../permissions/tables.js";
import { nodeRequests, requestNodes, type RequestNode } from "./request-tree.js";

/** Graph's permission tables (MIT), shipped in the package's metadata/ folder. */
export const PERMISSIONS_FILE = fileURLToPath(new URL("../../metadata/permissions.json", import.meta.url));
export const PROVISIONING_FILE = fileURLToPath(new URL("../../metadata/provisioningInfo.json", import.meta.url));

export interface OperationPermissionInfo {
  /** Least-privileged permissions with their ids; undefined when the tables do not list the request. */
  readonly least?: { readonly delegated: readonly PermissionName[]; readonly application: readonly PermissionName[] };
  /** Every permission that allows the request, least privileged first: what `checkPermissions` accepts. */
  readonly accepted: { readonly delegated: readonly string[]; readonly application: readonly string[] };
}

export interface PermissionName {
  readonly name: string;
  readonly id?: string;
}

export function loadGraphPermissions(): PermissionIndex {
  return loadPermissionIndex(PERMISSIONS_FILE, PROVISIONING_FILE);
}

/** A memoised (method, template) -> permissions lookup over the index. */
export function permissionLookup(index: PermissionIndex): (method: string, template: string) => OperationPermissionInfo {
  const cache = new Map<string, OperationPermissionInfo>();
  return (method, template) => {
    const key = `${method} ${template}`;
    let info = cache.get(key);
    if (!info) {
      const equivalent = tableTemplate(template);
      let found = leastPrivilegedPermissions(index, template, method);
      if (!found && equivalent !== template) found = leastPrivilegedPermissions(index, equivalent, method);
      // The tables leave out adding a reference (`POST .../members/$ref`); Graph's docs ask the same permissions
      // for adding as for removing one, which the tables list.
      if (!found && method === "POST" && template.endsWith("/$ref")) found = leastPrivilegedPermissions(index, `${equivalent}/{id}`, "DELETE");
      info = permissionInfo(found);
      cache.set(key, info);
    }
    return info;
  };
}

/** A cast to a type of the root namespace: one segment `microsoft.graph.group` (sub-namespace operations have more dots). */
const CAST_SEGMENT = /\/microsoft\.graph\.[A-Za-z0-9_]+(?=\/|$)/g;

/**
 * How Graph's permission tables write a request: by the resource it acts on, so `PUT /users/{id}/manager` stands for
 * `.../manager/$ref`, `GET /users/{id}/photo` for `.../photo/$value`, `GET /users` for `/users/$count`, the
 * uncast path for a cast, and `items/{id}` for a drive item addressed by path.
 */
export function tableTemplate(template: string): string {
  return template
    .replace(/\/\$(ref|value|count)$/, "")
    .replace(CAST_SEGMENT, "")
    .replace(/\/root:\/\{item-path\}:/, "/items/{driveItem-id}");
}

function permissionInfo(result: LeastPrivilegeResult | undefined): OperationPermissionInfo {
  if (!result) return { accepted: { delegated: [], application: [] } };
  const names = (refs: readonly { name: string; id?: string }[]) => refs.map((r) => (r.id ? { name: r.name, id: r.id } : { name: r.name }));
  const unique = (list: string[]) => [...new Set(list)];
  return {
    least: { delegated: names(result.delegated), application: names(result.application) },
    accepted: {
      delegated: unique(result.all.filter((r) => r.scheme !== "Application" && !r.resourceSpecific).map((r) => r.name)),
      application: unique(result.all.filter((r) => r.scheme === "Application" && !r.resourceSpecific).map((r) => r.name)),
    },
  };
}

/** Every generated request, in tree order: what the client can send, and so what the app must be granted. */
export function clientRequests(roots: readonly RequestNode[]): { method: string; path: string }[] {
  return requestNodes(roots).flatMap((node) => nodeRequests(node).map((r) => ({ method: r.method, path: r.template })));
}

export function planClientPermissions(index: PermissionIndex, roots: readonly RequestNode[], include: PermissionKinds): PermissionPlan {
  return planPermissions(index, clientRequests(roots), { include });
}
