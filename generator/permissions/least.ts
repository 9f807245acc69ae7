// The one answer to "which permission does this request need?": every part of graphgen that names a
// permission (`graphgen permissions`, `graphgen paths`, doc comments, the docs site, the client's token
// check, the mock's enforcement) asks `leastPrivilegedPermissions`. The rules are stated here once, as
// docs/permissions.md describes them: how a request reaches a table row (fallbacks.ts), and how the
// permissions that allow it are ranked, per scheme, so the first is the one the API reference names.
import { requestVariants, type FallbackRule } from "./fallbacks.js";
import { findRoute, type MatchRule } from "./match.js";
import type { Grant, PermissionIndex, SchemeName } from "./types.js";

export type { FallbackRule } from "./fallbacks.js";

/**
 * Why the first permission of a scheme came first: the table marks it `least=` (after the method and
 * scenario rules), else it has the lowest privilege level, else nothing ranks it; "none" when the
 * scheme has no permission for the request.
 */
export type LeastRule = "marked-least" | "lowest-privilege-level" | "unranked" | "none";

export interface PermissionRef {
  name: string;
  id?: string;
  scheme: SchemeName;
  privilegeLevel?: number;
  requiresAdminConsent?: boolean;
  /** The table marks it `least=` for this scheme and path. */
  least: boolean;
  /** Resource-specific consent (Teams RSC): granted per team/chat, not in an app registration. */
  resourceSpecific?: boolean;
  /** Permissions the table says must be held as well (`AlsoRequires=`), verbatim. */
  alsoRequires?: string[];
}

export interface LeastPrivilegeResult {
  /** The table path that matched, as the table spells it. */
  path: string;
  /** The request's method; `tableMethod` is the one looked up when a fallback changed it. */
  method: string;
  tableMethod: string;
  matchedBy: MatchRule;
  /** The fallbacks that led from the request to the table row, in order; empty when the table lists the request itself. */
  via: FallbackRule[];
  /** The request acts as the signed-in user (`/me`, or answered from `/me` rows): no application permission can call it. */
  signedInUser: boolean;
  /** The least-privileged permission per scheme (one, or none when the scheme cannot call the request). */
  delegated: PermissionRef[];
  delegatedPersonal: PermissionRef[];
  application: PermissionRef[];
  rules: { delegated: LeastRule; delegatedPersonal: LeastRule; application: LeastRule };
  /** Every permission that allows the request, by scheme, least privileged first (resource-specific ones included). */
  all: PermissionRef[];
}

export interface LookupOptions {
  /** Let resource-specific (RSC) permissions be chosen as least privileged (they always appear in `all`). Default false. */
  resourceSpecific?: boolean;
}

const SCHEME_ORDER: readonly string[] = ["DelegatedWork", "DelegatedPersonal", "Application"];
const DELEGATED_SCHEMES: readonly string[] = ["DelegatedWork", "DelegatedPersonal"];
/** Methods that only read: for them a read permission (`X.Read`, `X.ReadBasic.All`) is preferred to a write one. */
const READ_METHODS: readonly string[] = ["GET", "HEAD"];
/**
 * A permission the tables let open at most this many requests, and do not mark least for this one, serves a
 * scenario (one property, one feature: `Group.ManageProtection.All`), as the reference's "permissions for
 * specific scenarios" notes list them; it comes after the permissions that serve the request as a whole.
 */
const SCENARIO_REACH = 4;

/** `X.Read`, `X.ReadBasic.All`, `X.Read.Shared`: a segment starts with Read and none says Write. */
export function isReadPermission(name: string): boolean {
  const segments = name.split(".");
  return segments.some((s) => s.startsWith("Read")) && !segments.some((s) => s.includes("Write"));
}

/** `User-Mail.ReadWrite.All`, `Group-NestingSupport.ReadWrite.All`: Graph's names for permissions on part of a resource. */
function isPropertyScoped(name: string): boolean {
  return (name.split(".")[0] ?? "").includes("-");
}

function toRef(index: PermissionIndex, grant: Grant, scheme: SchemeName): PermissionRef {
  const info = index.permissions.get(grant.permission);
  const schemeInfo = info?.schemes.get(scheme);
  const ref: PermissionRef = { name: grant.permission, scheme, least: grant.least.includes(scheme) };
  const id = info?.ids.get(scheme);
  if (id !== undefined) ref.id = id;
  if (schemeInfo?.privilegeLevel !== undefined) ref.privilegeLevel = schemeInfo.privilegeLevel;
  if (schemeInfo?.requiresAdminConsent !== undefined) ref.requiresAdminConsent = schemeInfo.requiresAdminConsent;
  if (info?.authorizationType.toUpperCase() === "RSC") ref.resourceSpecific = true;
  if (grant.alsoRequires.length > 0) ref.alsoRequires = [...grant.alsoRequires];
  return ref;
}

const schemeRank = (scheme: string): number => {
  const i = SCHEME_ORDER.indexOf(scheme);
  return i < 0 ? SCHEME_ORDER.length : i;
};

/**
 * A permission's privilege level for a scheme; where the tables give none for that scheme (`Calendars.ReadBasic`,
 * application), the level it has in another scheme, which is where the reference ranks it.
 */
function levelOf(index: PermissionIndex, ref: PermissionRef): number {
  if (ref.privilegeLevel !== undefined) return ref.privilegeLevel;
  const levels = [...(index.permissions.get(ref.name)?.schemes.values() ?? [])].map((s) => s.privilegeLevel).filter((l) => l !== undefined);
  return levels.length > 0 ? Math.min(...levels) : Infinity;
}

/** What ranking needs to know about the request besides each permission. */
export interface RankContext {
  method: string;
  /** The request acts as the signed-in user (`/me`). */
  signedInUser: boolean;
  /** Every permission the tables list for the request, any scheme. */
  listed: ReadonlySet<string>;
  /** The permissions the tables mark `least=` for the request in some scheme. */
  markedAnywhere: ReadonlySet<string>;
}

/** The context of a table route's grants for a request. */
export function rankContext(grants: readonly Grant[], method: string, signedInUser: boolean): RankContext {
  return {
    method: method.trim().toUpperCase(),
    signedInUser,
    listed: new Set(grants.map((g) => g.permission)),
    markedAnywhere: new Set(grants.filter((g) => g.least.length > 0).map((g) => g.permission)),
  };
}

/**
 * Least privileged first, per scheme, by these keys in turn:
 * 1. permissions on the whole resource before property-scoped ones (`User-Mail.*`) and scenario ones (tiny reach,
 *    marked least for the request in no scheme);
 * 2. on `/me`, the signed-in user's own permission (`User.ReadWrite`) before its tenant-wide `.All` sibling;
 * 3. for GET, read permissions before write ones; for other methods, write permissions before read ones
 *    (Graph's tables mark `least=` on path sets that span several methods, so a GET can find `X.ReadWrite.All` marked);
 * 4. marked `least=` for this scheme, then marked for another scheme of the same request, then not marked;
 * 5. lower privilege level (borrowed from another scheme when missing);
 * 6. the permission that opens fewer writes, then fewer requests, in the whole table; then the name.
 */
export function compareRefs(index: PermissionIndex, context: RankContext): (a: PermissionRef, b: PermissionRef) => number {
  const reading = READ_METHODS.includes(context.method);
  const reach = (r: PermissionRef) => index.permissions.get(r.name)?.reach.get(r.scheme) ?? { operations: Infinity, writes: Infinity };
  const scenario = (r: PermissionRef) => isPropertyScoped(r.name) || (!context.markedAnywhere.has(r.name) && reach(r).operations <= SCENARIO_REACH);
  const own = (r: PermissionRef) => context.signedInUser && context.listed.has(`${r.name}.All`);
  const fits = (r: PermissionRef) => isReadPermission(r.name) === reading;
  const mark = (r: PermissionRef) => (r.least ? 2 : context.markedAnywhere.has(r.name) ? 1 : 0);
  return (a, b) =>
    schemeRank(a.scheme) - schemeRank(b.scheme) ||
    (a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : 0) ||
    Number(scenario(a)) - Number(scenario(b)) ||
    Number(own(b)) - Number(own(a)) ||
    Number(fits(b)) - Number(fits(a)) ||
    mark(b) - mark(a) ||
    levelOf(index, a) - levelOf(index, b) ||
    reach(a).writes - reach(b).writes ||
    reach(a).operations - reach(b).operations ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function pickLeast(candidates: PermissionRef[]): { rule: LeastRule; permissions: PermissionRef[] } {
  const first = candidates[0];
  if (first === undefined) return { rule: "none", permissions: [] };
  const rule: LeastRule = first.least ? "marked-least" : first.privilegeLevel !== undefined ? "lowest-privilege-level" : "unranked";
  return { rule, permissions: [first] };
}

/**
 * The least-privileged permissions for one request, or undefined when no table row answers it, even through the
 * fallbacks. A request on `/me` has no application permission: it needs a signed-in user.
 */
export function leastPrivilegedPermissions(
  index: PermissionIndex,
  pathTemplate: string,
  method: string,
  options: LookupOptions = {},
): LeastPrivilegeResult | undefined {
  const verb = method.trim().toUpperCase();
  for (const variant of requestVariants(pathTemplate, verb)) {
    const match = findRoute(index, variant.path, variant.method);
    if (!match) continue;
    const delegatedOnly = variant.signedInUser;
    const all = match.grants
      .flatMap((g) => g.schemes.filter((s) => !delegatedOnly || DELEGATED_SCHEMES.includes(s)).map((s) => toRef(index, g, s)))
      .sort(compareRefs(index, rankContext(match.grants, verb, delegatedOnly)));
    const forScheme = (scheme: SchemeName) =>
      pickLeast(all.filter((r) => r.scheme === scheme && (options.resourceSpecific === true || r.resourceSpecific !== true)));
    const delegated = forScheme("DelegatedWork");
    const personal = forScheme("DelegatedPersonal");
    const application = forScheme("Application");
    return {
      path: match.grants.map((g) => g.tablePath).reduce((a, b) => (b < a ? b : a)),
      method: verb,
      tableMethod: variant.method,
      matchedBy: match.matchedBy,
      via: variant.via,
      signedInUser: delegatedOnly,
      delegated: delegated.permissions,
      delegatedPersonal: personal.permissions,
      application: application.permissions,
      rules: { delegated: delegated.rule, delegatedPersonal: personal.rule, application: application.rule },
      all,
    };
  }
  return undefined;
}
