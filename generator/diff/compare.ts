// Compares two API surfaces and classifies each change for a consumer of the generated package:
// anything a consumer's code could rely on that disappears, narrows or changes type is breaking;
// additions are not (every property is optional, and Graph's enums and unions are open by design,
// with `unknownFutureValue`). Nullability changes either way are breaking: `| null` appearing breaks
// readers, disappearing breaks writers.
import type { ApiMember, ApiOperation, ApiSurface, ApiType } from "./surface.js";

/** `deprecation`: Graph announced a removal (`Core.Revisions`); nothing changed yet, so no version bump. */
export type Severity = "breaking" | "non-breaking" | "deprecation";
export type SemverBump = "major" | "minor" | "none";

export interface ApiChange {
  readonly severity: Severity;
  /** What changed, in a few stable words: `property removed`, `enum member added`, ... */
  readonly change: string;
  /** The full name of the thing that changed: `microsoft.graph.user.displayName`. */
  readonly target: string;
  /** Old -> new, when something was changed rather than added or removed. */
  readonly detail?: string;
}

export interface ApiDiff {
  readonly changes: readonly ApiChange[];
  readonly bump: SemverBump;
}

/** `today` (`YYYY-MM-DD`) decides which deprecated elements are past their removal date. */
export function compareSurfaces(before: ApiSurface, after: ApiSurface, today = new Date().toISOString().slice(0, 10)): ApiDiff {
  const changes: ApiChange[] = [];
  const add = (severity: Severity, change: string, target: string, detail?: string) =>
    changes.push(detail === undefined ? { severity, change, target } : { severity, change, target, detail });
  for (const name of union(before.types.keys(), after.types.keys())) {
    const old = before.types.get(name);
    const now = after.types.get(name);
    if (!old) add("non-breaking", `${now?.kind} type added`, name);
    else if (!now) add("breaking", `${old.kind} type removed`, name);
    else compareTypes(old, now, add);
  }
  for (const key of union(before.operations.keys(), after.operations.keys())) {
    const old = before.operations.get(key);
    const now = after.operations.get(key);
    if (!old) add("non-breaking", `${now?.kind} added`, key);
    else if (!now) add("breaking", `${old.kind} removed`, key);
    else compareOperations(old, now, add);
  }
  for (const [name, deprecation] of [...after.deprecations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const removal = deprecation.removalDate ? `removal date ${deprecation.removalDate}` : "no removal date";
    const detail = deprecation.description ? `${removal}: ${deprecation.description}` : removal;
    if (deprecation.removalDate && deprecation.removalDate < today) add("deprecation", "past its removal date", name, detail);
    else if (!before.deprecations.has(name)) add("deprecation", "newly deprecated", name, detail);
  }
  const api = changes.filter((c) => c.severity !== "deprecation");
  const bump = api.some((c) => c.severity === "breaking") ? "major" : api.length > 0 ? "minor" : "none";
  return { changes, bump };
}

type Add = (severity: Severity, change: string, target: string, detail?: string) => void;

function compareTypes(old: ApiType, now: ApiType, add: Add): void {
  const name = old.fullName;
  if (old.kind !== now.kind) add("breaking", "kind changed", name, `${old.kind} -> ${now.kind}`);
  if (old.baseType !== now.baseType) add("breaking", "base type changed", name, `${old.baseType ?? "none"} -> ${now.baseType ?? "none"}`);
  for (const member of union(old.members.keys(), now.members.keys())) {
    compareMembers(`${name}.${member}`, old.members.get(member), now.members.get(member), add);
  }
  for (const member of union(old.enumMembers, now.enumMembers)) {
    if (!old.enumMembers.includes(member)) add("non-breaking", "enum member added", `${name}.${member}`);
    else if (!now.enumMembers.includes(member)) add("breaking", "enum member removed", `${name}.${member}`);
  }
  for (const derived of union(old.derivedTypes, now.derivedTypes)) {
    if (!old.derivedTypes.includes(derived)) add("non-breaking", "derived type added", name, derived);
    else if (!now.derivedTypes.includes(derived)) add("breaking", "derived type removed", name, derived);
  }
}

function compareMembers(target: string, old: ApiMember | undefined, now: ApiMember | undefined, add: Add): void {
  const what = (m: ApiMember) => (m.navigation ? "navigation property" : "property");
  if (!old && now) add("non-breaking", `${what(now)} added`, target, now.type);
  else if (old && !now) add("breaking", `${what(old)} removed`, target, old.type);
  else if (old && now) {
    if (old.type !== now.type) add("breaking", `${what(now)} type changed`, target, `${old.type} -> ${now.type}`);
    if (old.nullable !== now.nullable) add("breaking", now.nullable ? "now nullable" : "no longer nullable", target);
  }
}

function compareOperations(old: ApiOperation, now: ApiOperation, add: Add): void {
  const target = old.key;
  if (old.returnType !== now.returnType) add("breaking", "return type changed", target, `${old.returnType ?? "none"} -> ${now.returnType ?? "none"}`);
  const oldParams = new Map(old.parameters.map((p) => [p.name, p]));
  const newParams = new Map(now.parameters.map((p) => [p.name, p]));
  for (const name of union(oldParams.keys(), newParams.keys())) {
    const before = oldParams.get(name);
    const after = newParams.get(name);
    const where = `${target} ${name}`;
    if (!before && after) add(after.optional || after.nullable ? "non-breaking" : "breaking", after.optional || after.nullable ? "optional parameter added" : "required parameter added", where, after.type);
    else if (before && !after) add("breaking", "parameter removed", where, before.type);
    else if (before && after && (before.type !== after.type || before.nullable !== after.nullable || before.optional !== after.optional)) {
      add("breaking", "parameter changed", where, `${paramText(before)} -> ${paramText(after)}`);
    }
  }
}

function paramText(p: { type: string; nullable: boolean; optional: boolean }): string {
  return `${p.type}${p.nullable ? " | null" : ""}${p.optional ? " (optional)" : ""}`;
}

/** Sorted union of two key lists, so reports list changes in one stable order. */
function union(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}
