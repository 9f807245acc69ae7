// Turns a list of operations into the Graph permissions an app registration should request for them:
// a plain-text summary and the Azure app manifest `requiredResourceAccess` block.
import {
  leastPrivilegedPermissions,
  normaliseTemplate,
  type LeastPrivilegeResult,
  type LeastRule,
  type LookupOptions,
  type PermissionRef,
} from "./match.js";
import { GRAPH_RESOURCE_APP_ID, type PermissionIndex } from "./tables.js";

export interface Operation {
  path: string;
  method: string;
}

export type PermissionKinds = "both" | "delegated" | "application";
type Kind = "delegated" | "application";

export interface PlanOptions extends LookupOptions {
  /** Which permissions to request; default both. */
  include?: PermissionKinds;
  /** Request every least-privileged permission of every operation instead of one per operation. */
  allLeast?: boolean;
}

/** A permission the app should request; `least` and `alsoRequires` stay on the per-operation refs. */
export type RequestedPermission = Omit<PermissionRef, "least" | "alsoRequires">;

export interface OperationPlan {
  operation: Operation;
  /** Undefined when the tables have no entry for the operation. */
  result: LeastPrivilegeResult | undefined;
  /** The requested permissions that cover this operation, per kind (empty when the table lists none). */
  delegated: PermissionRef[];
  application: PermissionRef[];
}

export interface PermissionPlan {
  include: PermissionKinds;
  operations: OperationPlan[];
  /** The union, sorted by name. */
  delegated: RequestedPermission[];
  application: RequestedPermission[];
}

export interface ResourceAccess {
  id: string;
  type: "Scope" | "Role";
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function kindsOf(include: PermissionKinds): Kind[] {
  return include === "both" ? ["delegated", "application"] : [include];
}

/**
 * One permission per operation: its first (least privileged) candidate, unless another candidate is already
 * requested for some other operation, in which case that one covers it at no extra privilege. Operations with
 * fewer candidates go first so forced choices are known before optional ones; ties in a stable key order.
 */
function chooseCovering(candidates: PermissionRef[][], order: number[], allLeast: boolean): PermissionRef[][] {
  if (allLeast) return candidates.map((list) => [...list]);
  const requested = new Set<string>();
  const chosen: PermissionRef[][] = candidates.map(() => []);
  const sorted = [...order].sort((a, b) => candidates[a]!.length - candidates[b]!.length);
  for (const i of sorted) {
    const list = candidates[i]!;
    const pick = list.find((r) => requested.has(r.name)) ?? list[0];
    if (pick === undefined) continue;
    requested.add(pick.name);
    chosen[i] = [pick];
  }
  return chosen;
}

function unionOf(chosen: PermissionRef[][]): RequestedPermission[] {
  const union = new Map<string, RequestedPermission>();
  for (const ref of chosen.flat()) {
    if (union.has(ref.name)) continue;
    const { least: _least, alsoRequires: _also, ...requested } = ref;
    union.set(ref.name, requested);
  }
  return [...union.values()].sort(byName);
}

/** Works out, for every operation, its least-privileged permissions and the union to request. */
export function planPermissions(index: PermissionIndex, operations: readonly Operation[], options: PlanOptions = {}): PermissionPlan {
  const include = options.include ?? "both";
  const results = operations.map((op) => leastPrivilegedPermissions(index, op.path, op.method, options));
  const keys = operations.map((op) => `${normaliseTemplate(op.path).key} ${op.method.trim().toUpperCase()}`);
  const order = operations.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const plan: PermissionPlan = {
    include,
    operations: operations.map((operation, i) => ({ operation, result: results[i], delegated: [], application: [] })),
    delegated: [],
    application: [],
  };
  for (const kind of kindsOf(include)) {
    const chosen = chooseCovering(results.map((r) => (r ? r[kind] : [])), order, options.allLeast === true);
    chosen.forEach((refs, i) => (plan.operations[i]![kind] = refs));
    plan[kind] = unionOf(chosen);
  }
  return plan;
}

/** Permissions that cannot go into requiredResourceAccess: no known id, or granted per resource (RSC). */
function unlisted(p: RequestedPermission): string | undefined {
  if (p.resourceSpecific === true) return "resource-specific consent: goes in the Teams app manifest, not here";
  if (p.id === undefined) return "no id in provisioningInfo.json: add it by hand";
  return undefined;
}

/** The manifest block, ordered by permission name then Scope before Role; empty when nothing is needed. */
export function requiredResourceAccess(plan: PermissionPlan): RequiredResourceAccess[] {
  const entries: Array<{ name: string; access: ResourceAccess }> = [];
  const add = (list: RequestedPermission[], type: ResourceAccess["type"]) => {
    for (const p of list) if (unlisted(p) === undefined) entries.push({ name: p.name, access: { id: p.id!, type } });
  };
  add(plan.delegated, "Scope");
  add(plan.application, "Role");
  entries.sort((a, b) => byName(a, b) || (a.access.type === b.access.type ? 0 : a.access.type === "Scope" ? -1 : 1));
  if (entries.length === 0) return [];
  return [{ resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: entries.map((e) => e.access) }];
}

const RULE_TEXT: Record<LeastRule, string> = {
  "marked-least": "marked least in the table",
  "lowest-privilege-level": "none marked least; lowest privilege level",
  unranked: "none marked least and no privilege levels; all listed",
  none: "none",
};

function describePermission(p: RequestedPermission): string {
  const facts = [
    p.privilegeLevel !== undefined ? `privilege level ${p.privilegeLevel}` : "privilege level unknown",
    p.requiresAdminConsent === true ? "admin consent" : p.requiresAdminConsent === false ? "user consent" : undefined,
    unlisted(p),
  ].filter((f) => f !== undefined);
  return `  ${p.name}  ${p.id ?? "(no id)"}  (${facts.join("; ")})`;
}

function describeKind(kind: Kind, op: OperationPlan): string {
  const result = op.result!;
  const rule = result.rules[kind];
  if (rule === "none") return `    ${kind}: none listed in the table for this request`;
  const chosen = op[kind].map((r) => r.name);
  const others = result[kind].map((r) => r.name).filter((n) => !chosen.includes(n));
  const also = [...new Set(op[kind].flatMap((r) => r.alsoRequires ?? []))];
  let line = `    ${kind}: ${chosen.join(", ")} (${RULE_TEXT[rule]})`;
  if (others.length > 0) line += `; alternatives: ${others.join(", ")}`;
  if (also.length > 0) line += `; table says it also requires: ${also.join(", ")}`;
  return line;
}

/** A plain-text report: the permissions to request, then each operation with the rule that chose them. */
export function renderPermissionSummary(plan: PermissionPlan): string {
  const kinds = kindsOf(plan.include);
  const missing = plan.operations.filter((op) => op.result === undefined).length;
  const lines = [`Microsoft Graph permissions for ${plan.operations.length} operation(s) (${kinds.join(" and ")})`];
  if (missing > 0) lines.push(`${missing} operation(s) have no permission data in the tables`);
  for (const kind of kinds) {
    lines.push("", kind === "delegated" ? "Delegated permissions (Scope):" : "Application permissions (Role):");
    const list = plan[kind];
    lines.push(...(list.length > 0 ? list.map(describePermission) : ["  (none)"]));
  }
  lines.push("", "Operations:");
  for (const op of plan.operations) {
    lines.push(`  ${op.operation.method.trim().toUpperCase()} ${op.operation.path}`);
    if (op.result === undefined) {
      lines.push("    no permission data");
      continue;
    }
    lines.push(`    table path: ${op.result.path} (${op.result.matchedBy} match)`);
    for (const kind of kinds) lines.push(describeKind(kind, op));
  }
  return `${lines.join("\n")}\n`;
}
