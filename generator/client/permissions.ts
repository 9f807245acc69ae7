// Permissions of the generated operations, answered by generator/permissions/least.ts (the one source):
// the per-operation lookup behind doc comments, the `permissions` and `acceptedPermissions` tables,
// `graphgen paths`, the docs site and the mock's enforcement, and the requests `graphgen permissions` plans.
import { fileURLToPath } from "node:url";
import { leastPrivilegedPermissions, type LeastPrivilegeResult } from "../permissions/least.js";
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

/** A memoised (method, template) -> permissions lookup over the index: the one answer, see permissions/least.ts. */
export function permissionLookup(index: PermissionIndex): (method: string, template: string) => OperationPermissionInfo {
  const cache = new Map<string, OperationPermissionInfo>();
  return (method, template) => {
    const key = `${method} ${template}`;
    let info = cache.get(key);
    if (!info) {
      info = permissionInfo(leastPrivilegedPermissions(index, template, method));
      cache.set(key, info);
    }
    return info;
  };
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
