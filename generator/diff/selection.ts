// The API diff over what a project generates: the types of its selection (its `include` list, the
// types its request paths need, their closure) and its request paths; or of all the metadata.
import { clientRequests } from "../client/permissions.js";
import { clientRequestTree, planClient } from "../client/plan.js";
import type { Model } from "../model/types.js";
import type { ResolvedOptions } from "../options.js";
import { compareSurfaces, type ApiChange, type ApiDiff } from "./compare.js";
import { apiSurface, type ApiSurface } from "./surface.js";

export type DiffScope = Pick<ResolvedOptions, "include" | "includePaths" | "all" | "rootNamespace">;

export interface SelectionDiff {
  readonly diff: ApiDiff;
  /** The old side's surface: which changed targets are types and which are members. */
  readonly oldSurface: ApiSurface;
  readonly pathChanges: readonly ApiChange[];
}

/** `today` (`YYYY-MM-DD`) decides which deprecations are past their removal date. */
export function diffSelection(before: Model, after: Model, scope: DiffScope, today?: string): SelectionDiff {
  const everything = scope.all || (scope.include.length === 0 && scope.includePaths.length === 0);
  const include = everything ? [] : [...scope.include, ...planClient(before, scope).types];
  const oldSurface = apiSurface(before, include, scope.rootNamespace);
  const typesDiff = compareSurfaces(oldSurface, apiSurface(after, include, scope.rootNamespace), today);
  const pathChanges = scope.all ? [] : requestPathChanges(before, after, scope);
  const changes = [...typesDiff.changes, ...pathChanges];
  const api = changes.filter((c) => c.severity !== "deprecation");
  const bump = api.some((c) => c.severity === "breaking") ? "major" : api.length > 0 ? "minor" : "none";
  return { diff: { changes, bump }, oldSurface, pathChanges };
}

/** Paths of the client's requests that appear or disappear for the project's `includePaths`. */
function requestPathChanges(before: Model, after: Model, scope: DiffScope): ApiChange[] {
  if (scope.includePaths.length === 0) return [];
  const paths = (model: Model) => new Set(clientRequests(clientRequestTree(model, scope)).map((r) => r.path));
  const old = paths(before);
  const now = paths(after);
  return [
    ...[...old].filter((p) => !now.has(p)).sort().map((target): ApiChange => ({ severity: "breaking", change: "request path removed", target })),
    ...[...now].filter((p) => !old.has(p)).sort().map((target): ApiChange => ({ severity: "non-breaking", change: "request path added", target })),
  ];
}
