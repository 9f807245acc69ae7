// Turns a list of operations into the Graph permissions an app registration should request for them:
// each operation's own least-privileged permission (least.ts), the union of those as the manifest's
// `requiredResourceAccess`, and a plain-text summary. A smaller manifest is a separate, explicit option that
// says, per operation, which more privileged permission it reuses.
import { leastPrivilegedPermissions, type LeastPrivilegeResult, type LeastRule, type LookupOptions, type PermissionRef } from "./least.js";
import { GRAPH_RESOURCE_APP_ID } from "./tables.js";
import type { PermissionIndex } from "./types.js";

export interface Operation {
  path: string;
  method: string;
}

export type PermissionKinds = "both" | "delegated" | "application";
type Kind = "delegated" | "application";

export interface PlanOptions extends LookupOptions {
  /** Which permissions to request; default both. */
  include?: PermissionKinds;
  /** Only operations with these methods count toward the manifest (`["GET"]` for a read-only app); default all. */
  methods?: readonly string[];
  /**
   * Request fewer permissions: an operation whose least permission no other operation needs is covered by a
   * permission already requested for another operation, when that one also allows it. Each such trade (a more
   * privileged permission than the operation needs) is listed in the plan and the summary. Default false.
   */
  fewerPermissions?: boolean;
}

/** A permission the app should request; `least` and `alsoRequires` stay on the per-operation refs. */
export type RequestedPermission = Omit<PermissionRef, "least" | "alsoRequires">;

/** `--fewer-permissions` covered an operation with `instead`, more privileged than its own least `least`. */
export interface PermissionTrade {
  kind: Kind;
  least: string;
  instead: string;
}

export interface OperationPlan {
  operation: Operation;
  /** Undefined when the tables have no entry for the operation, even through the fallbacks. */
  result: LeastPrivilegeResult | undefined;
  /** False when the operation's method is not selected (`methods`): it is listed but asks for nothing. */
  counted: boolean;
  /** The requested permission that covers this operation, per kind (empty when the table lists none). */
  delegated: PermissionRef[];
  application: PermissionRef[];
  trades: PermissionTrade[];
}

export interface PermissionPlan {
  include: PermissionKinds;
  /** The selected methods, upper case; empty for all. */
  methods: readonly string[];
  fewerPermissions: boolean;
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
const SCHEME_OF: Record<Kind, string> = { delegated: "DelegatedWork", application: "Application" };

function kindsOf(include: PermissionKinds): Kind[] {
  return include === "both" ? ["delegated", "application"] : [include];
}

/** Every permission that allows the operation for the kind, least first: what `fewerPermissions` may reuse. */
function accepted(result: LeastPrivilegeResult, kind: Kind, options: PlanOptions): PermissionRef[] {
  return result.all.filter((r) => r.scheme === SCHEME_OF[kind] && (options.resourceSpecific === true || r.resourceSpecific !== true));
}

/**
 * Drops a requested permission when every operation that asks for it is also allowed by another requested
 * permission, in the order the permissions are first asked for; never adds one. What is left still allows
 * every operation.
 */
function coverWithFewer(plans: OperationPlan[], kind: Kind, options: PlanOptions): void {
  const users = new Map<string, number>();
  for (const plan of plans) for (const ref of plan[kind]) users.set(ref.name, (users.get(ref.name) ?? 0) + 1);
  for (const name of [...users.keys()]) {
    const holders = plans.filter((plan) => plan[kind][0]?.name === name);
    const reuse = holders.map((plan) => accepted(plan.result!, kind, options).find((r) => r.name !== name && (users.get(r.name) ?? 0) > 0));
    if (holders.length === 0 || reuse.some((r) => r === undefined)) continue;
    users.set(name, 0);
    holders.forEach((plan, i) => {
      const instead = reuse[i]!;
      users.set(instead.name, (users.get(instead.name) ?? 0) + 1);
      plan[kind] = [instead];
      plan.trades.push({ kind, least: name, instead: instead.name });
    });
  }
}

function unionOf(plans: OperationPlan[], kind: Kind): RequestedPermission[] {
  const union = new Map<string, RequestedPermission>();
  for (const ref of plans.flatMap((p) => p[kind])) {
    if (union.has(ref.name)) continue;
    const { least: _least, alsoRequires: _also, ...requested } = ref;
    union.set(ref.name, requested);
  }
  return [...union.values()].sort(byName);
}

/** Works out, for every operation, its least-privileged permissions and the union to request. */
export function planPermissions(index: PermissionIndex, operations: readonly Operation[], options: PlanOptions = {}): PermissionPlan {
  const include = options.include ?? "both";
  const methods = (options.methods ?? []).map((m) => m.trim().toUpperCase());
  const plans = operations.map((operation): OperationPlan => {
    const result = leastPrivilegedPermissions(index, operation.path, operation.method, options);
    const counted = methods.length === 0 || methods.includes(operation.method.trim().toUpperCase());
    const take = (kind: Kind) => (counted && result ? [...result[kind]] : []);
    return { operation, result, counted, delegated: take("delegated"), application: take("application"), trades: [] };
  });
  const plan: PermissionPlan = { include, methods, fewerPermissions: options.fewerPermissions === true, operations: plans, delegated: [], application: [] };
  for (const kind of ["delegated", "application"] as const) {
    if (!kindsOf(include).includes(kind)) {
      for (const op of plans) op[kind] = [];
      continue;
    }
    if (plan.fewerPermissions) coverWithFewer(plans, kind, options);
    plan[kind] = unionOf(plans, kind);
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
export function requiredResourceAccess(plan: Pick<PermissionPlan, "delegated" | "application">): RequiredResourceAccess[] {
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
  "lowest-privilege-level": "lowest privilege level",
  unranked: "no privilege level known",
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
  if (rule === "none") return `    ${kind}: ${kind === "application" && result.signedInUser ? "none (/me needs a signed-in user)" : "none listed in the table for this request"}`;
  const least = result[kind][0]!;
  const trade = op.trades.find((t) => t.kind === kind);
  let line = trade
    ? `    ${kind}: ${trade.instead} instead of its least ${trade.least} (--fewer-permissions: ${trade.instead} is requested for another operation and is more privileged)`
    : `    ${kind}: ${least.name} (${RULE_TEXT[rule]})`;
  if (least.alsoRequires?.length) line += `; table says it also requires: ${least.alsoRequires.join(", ")}`;
  return line;
}

function tablePathLine(result: LeastPrivilegeResult): string {
  const fallback = result.via.length > 0 ? `, via ${result.via.join(", ")}` : "";
  const method = result.tableMethod !== result.method ? `${result.tableMethod} ` : "";
  return `    table path: ${method}${result.path} (${result.matchedBy} match${fallback})`;
}

/** A plain-text report: the permissions to request, then each operation with the rule that chose them. */
export function renderPermissionSummary(plan: PermissionPlan): string {
  const kinds = kindsOf(plan.include);
  const missing = plan.operations.filter((op) => op.result === undefined).length;
  const lines = [`Microsoft Graph permissions for ${plan.operations.length} operation(s) (${kinds.join(" and ")})`];
  if (plan.methods.length > 0) lines.push(`Methods counted: ${plan.methods.join(", ")}; operations with other methods ask for nothing`);
  if (plan.fewerPermissions) {
    const trades = plan.operations.reduce((n, op) => n + op.trades.length, 0);
    lines.push(`--fewer-permissions: ${trades} operation/kind pair(s) reuse a more privileged permission instead of their own least`);
  }
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
    lines.push(tablePathLine(op.result));
    if (!op.counted) {
      lines.push("    not counted: its method is not selected");
      continue;
    }
    for (const kind of kinds) lines.push(describeKind(kind, op));
  }
  return `${lines.join("\n")}\n`;
}
