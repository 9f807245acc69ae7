// Loads Graph's permission tables (kibali permissions.json + provisioningInfo.json), checks their shape
// and inverts them into an index from normalised (path template, method) to the permissions that allow it.
import { readFileSync } from "node:fs";
import { TableRoutes } from "./routes.js";
import { createNormaliser } from "./normalise.js";
import type { PermissionIndex, PermissionInfo, SchemeInfo, SchemeName, TableRow } from "./types.js";

export type { PermissionIndex, PermissionInfo, SchemeInfo, SchemeName } from "./types.js";

export const GRAPH_RESOURCE_APP_ID = "00000003-0000-0000-c000-000000000000";

export interface TableSources {
  permissions?: string;
  provisioning?: string;
}

export class PermissionTableError extends Error {
  readonly file: string;
  readonly jsonPath: string;

  constructor(file: string, jsonPath: string, problem: string) {
    super(`${file}: ${jsonPath === "" ? "(root)" : jsonPath}: ${problem}`);
    this.name = "PermissionTableError";
    this.file = file;
    this.jsonPath = jsonPath;
  }
}

type Json = Record<string, unknown>;

interface Ctx {
  file: string;
  path: string;
}

const at = (ctx: Ctx, member: string | number): Ctx => ({
  file: ctx.file,
  path: typeof member === "number" ? `${ctx.path}[${member}]` : `${ctx.path}[${JSON.stringify(member)}]`,
});
const dot = (ctx: Ctx, member: string): Ctx => ({ file: ctx.file, path: ctx.path === "" ? member : `${ctx.path}.${member}` });

function describe(value: unknown): string {
  if (value === undefined) return "nothing (the member is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

function fail(ctx: Ctx, problem: string): never {
  throw new PermissionTableError(ctx.file, ctx.path, problem);
}

function object(value: unknown, ctx: Ctx): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(ctx, `expected an object, got ${describe(value)}`);
  return value as Json;
}

function array(value: unknown, ctx: Ctx): unknown[] {
  if (!Array.isArray(value)) fail(ctx, `expected an array, got ${describe(value)}`);
  return value;
}

function string(value: unknown, ctx: Ctx): string {
  if (typeof value !== "string") fail(ctx, `expected a string, got ${describe(value)}`);
  return value;
}

function strings(value: unknown, ctx: Ctx): string[] {
  return array(value, ctx).map((item, i) => string(item, at(ctx, i)));
}

function optional<T>(obj: Json, member: string, ctx: Ctx, kind: "string" | "boolean" | "number"): T | undefined {
  const value = obj[member];
  if (value === undefined) return undefined;
  if (typeof value !== kind) fail(dot(ctx, member), `expected a ${kind}, got ${describe(value)}`);
  return value as T;
}

interface PathValue {
  least: string[];
  alsoRequires: string[];
}

/** Path values are `key=v1,v2` pairs joined by `;` (e.g. `least=DelegatedWork;AlsoRequires=X`); unknown keys are future metadata. */
function parsePathValue(raw: string, ctx: Ctx): PathValue {
  const result: PathValue = { least: [], alsoRequires: [] };
  for (const part of raw.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    if (eq <= 0) fail(ctx, `expected "key=value" pairs separated by ";", got ${describe(raw)}`);
    const key = part.slice(0, eq).trim().toLowerCase();
    const values = part.slice(eq + 1).split(",").map((v) => v.trim()).filter((v) => v !== "");
    if (key === "least") result.least.push(...values);
    else if (key === "alsorequires") result.alsoRequires.push(...values);
  }
  return result;
}

/** `parsePathValue` answers per distinct value: the 19,000 paths of the Graph tables share a few dozen. */
type PathValues = Map<string, PathValue>;

function readPathSet(rows: TableRow[], values: PathValues, name: string, schemes: ReadonlyMap<string, SchemeInfo>, raw: unknown, ctx: Ctx): void {
  const set = object(raw, ctx);
  const schemeKeys = strings(set.schemeKeys, dot(ctx, "schemeKeys"));
  for (const [i, key] of schemeKeys.entries()) {
    if (!schemes.has(key)) fail(at(dot(ctx, "schemeKeys"), i), `scheme "${key}" is not defined in permissions[${JSON.stringify(name)}].schemes`);
  }
  const methods = strings(set.methods, dot(ctx, "methods")).map((m) => m.trim().toUpperCase());
  const pathsCtx = dot(ctx, "paths");
  for (const [tablePath, rawValue] of Object.entries(object(set.paths, pathsCtx))) {
    let value = typeof rawValue === "string" ? values.get(rawValue) : undefined;
    if (!value) {
      const valueCtx = at(pathsCtx, tablePath);
      value = parsePathValue(string(rawValue, valueCtx), valueCtx);
      values.set(rawValue as string, value);
    }
    const stray = value.least.find((s) => !schemeKeys.includes(s));
    if (stray !== undefined) {
      fail(at(pathsCtx, tablePath), `least= names scheme "${stray}", which is not in this pathSet's schemeKeys [${schemeKeys.join(", ")}]`);
    }
    rows.push({ permission: name, schemes: schemeKeys, methods, least: value.least, alsoRequires: value.alsoRequires, tablePath });
  }
}

function readSchemes(raw: unknown, ctx: Ctx): Map<string, SchemeInfo> {
  const schemes = new Map<string, SchemeInfo>();
  for (const [scheme, rawInfo] of Object.entries(object(raw, ctx))) {
    const infoCtx = at(ctx, scheme);
    const info = object(rawInfo, infoCtx);
    schemes.set(scheme, {
      adminDisplayName: optional<string>(info, "adminDisplayName", infoCtx, "string"),
      adminDescription: optional<string>(info, "adminDescription", infoCtx, "string"),
      userDisplayName: optional<string>(info, "userDisplayName", infoCtx, "string"),
      userDescription: optional<string>(info, "userDescription", infoCtx, "string"),
      requiresAdminConsent: optional<boolean>(info, "requiresAdminConsent", infoCtx, "boolean"),
      privilegeLevel: optional<number>(info, "privilegeLevel", infoCtx, "number"),
    });
  }
  return schemes;
}

/**
 * Deployment entries often name the owning service's app id, not Graph's, and most list one entry per scheme; so
 * prefer Graph's own app id, then an explicit "public" environment over an unspecified one, then enabled entries.
 */
function chooseIds(raw: unknown, ctx: Ctx): Map<SchemeName, string> {
  const best = new Map<SchemeName, { id: string; rank: number }>();
  for (const [i, rawEntry] of array(raw, ctx).entries()) {
    const entryCtx = at(ctx, i);
    const entry = object(rawEntry, entryCtx);
    const scheme = string(entry.scheme, dot(entryCtx, "scheme"));
    const id = optional<string>(entry, "id", entryCtx, "string") ?? "";
    const environments = (optional<string>(entry, "environment", entryCtx, "string") ?? "").toLowerCase().split(";").map((e) => e.trim());
    const appId = (optional<string>(entry, "resourceAppId", entryCtx, "string") ?? "").toLowerCase();
    const enabled = optional<boolean>(entry, "isEnabled", entryCtx, "boolean") !== false;
    const isPublic = environments.includes("public");
    // Ids deployed only to other clouds (PPE, FairFax) would not resolve in the public cloud.
    if (id === "" || (!isPublic && environments.join("") !== "")) continue;
    const rank = (appId === GRAPH_RESOURCE_APP_ID ? 0 : 4) + (isPublic ? 0 : 2) + (enabled ? 0 : 1);
    const current = best.get(scheme);
    if (!current || rank < current.rank) best.set(scheme, { id, rank });
  }
  const ids = new Map<SchemeName, string>();
  for (const [scheme, { id }] of best) ids.set(scheme, id);
  return ids;
}

function readProvisioning(doc: unknown, file: string): Map<string, Map<SchemeName, string>> {
  const root = object(doc, { file, path: "" });
  const ctx: Ctx = { file, path: "permissionDeployments" };
  const result = new Map<string, Map<SchemeName, string>>();
  for (const [name, entries] of Object.entries(object(root.permissionDeployments, ctx))) {
    result.set(name, chooseIds(entries, at(ctx, name)));
  }
  return result;
}

function withPersonalFallback(ids: Map<SchemeName, string> | undefined): Map<SchemeName, string> {
  const result = new Map(ids ?? []);
  // One delegated scope serves work and personal accounts; the tables rarely list a separate personal id.
  const work = result.get("DelegatedWork");
  if (!result.has("DelegatedPersonal") && work !== undefined) result.set("DelegatedPersonal", work);
  return result;
}

/** Builds the index from the two parsed JSON documents; `sources` only names them in error messages. */
export function buildPermissionIndex(permissionsDoc: unknown, provisioningDoc: unknown, sources: TableSources = {}): PermissionIndex {
  const file = sources.permissions ?? "permissions.json";
  const ids = readProvisioning(provisioningDoc, sources.provisioning ?? "provisioningInfo.json");
  const root = object(permissionsDoc, { file, path: "" });
  const ctx: Ctx = { file, path: "permissions" };
  const rows: TableRow[] = [];
  const values: PathValues = new Map();
  const permissions = new Map<string, PermissionInfo>();
  for (const [name, rawPermission] of Object.entries(object(root.permissions, ctx))) {
    const permCtx = at(ctx, name);
    const permission = object(rawPermission, permCtx);
    const schemes = readSchemes(permission.schemes, dot(permCtx, "schemes"));
    const authorizationType = optional<string>(permission, "authorizationType", permCtx, "string") ?? "oAuth2";
    const pathSetsCtx = dot(permCtx, "pathSets");
    for (const [i, set] of array(permission.pathSets, pathSetsCtx).entries()) readPathSet(rows, values, name, schemes, set, at(pathSetsCtx, i));
    permissions.set(name, {
      name,
      authorizationType,
      schemes,
      ids: withPersonalFallback(ids.get(name)),
      get reach() {
        return table.reach(name);
      },
    });
  }
  const table = new TableRoutes(rows);
  const normalise = createNormaliser();
  return {
    permissions,
    get routes() {
      return table.all().routes;
    },
    get looseRoutes() {
      return table.all().looseRoutes;
    },
    get wildcardRoutes() {
      return table.all().wildcardRoutes;
    },
    candidateRoutes: (segments) => table.candidates(segments),
    normalise,
  };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new PermissionTableError(file, "", `cannot read the file (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PermissionTableError(file, "", `not valid JSON (${(error as Error).message})`);
  }
}

/** Reads and indexes the two table files; every problem is a PermissionTableError naming the file. */
export function loadPermissionIndex(permissionsFile: string, provisioningFile: string): PermissionIndex {
  return buildPermissionIndex(readJson(permissionsFile), readJson(provisioningFile), {
    permissions: permissionsFile,
    provisioning: provisioningFile,
  });
}
