// The diff `graphgen update` shows, and the breaking part of it indexed by metadata element so a
// reference resolved in the user's code can be looked up: types, members (`type.member`, inherited
// ones included) and request paths the client no longer has.
import { clientRequests } from "../client/permissions.js";
import { clientRequestTree, planClient } from "../client/plan.js";
import { apiSurface, compareSurfaces, type ApiChange, type ApiDiff } from "../diff/index.js";
import type { Model } from "../model/types.js";
import type { ResolvedOptions } from "../options.js";

export interface ElementChange {
  readonly change: string;
  readonly detail?: string;
}

export interface BreakingChanges {
  readonly types: ReadonlyMap<string, ElementChange>;
  readonly members: ReadonlyMap<string, ElementChange>;
  readonly removedPaths: ReadonlySet<string>;
}

type Scope = Pick<ResolvedOptions, "include" | "includePaths" | "all" | "rootNamespace">;

/** The API diff over what this project generates (its types, their closure and its request paths). */
export function projectDiff(before: Model, after: Model, options: Scope): { diff: ApiDiff; breaking: BreakingChanges } {
  const include = options.all ? [] : [...options.include, ...planClient(before, options).types];
  const oldSurface = apiSurface(before, include, options.rootNamespace);
  const typesDiff = compareSurfaces(oldSurface, apiSurface(after, include, options.rootNamespace));
  const pathChanges = requestPathChanges(before, after, options);
  const changes = [...typesDiff.changes, ...pathChanges];
  const bump = changes.some((c) => c.severity === "breaking") ? "major" : changes.length > 0 ? "minor" : "none";

  const types = new Map<string, ElementChange>();
  const members = new Map<string, ElementChange>();
  for (const change of changes) {
    if (change.severity !== "breaking" || change.change === "derived type removed") continue;
    const element = { change: change.change, ...(change.detail === undefined ? {} : { detail: change.detail }) };
    if (oldSurface.types.has(change.target)) types.set(change.target, element);
    else members.set(change.target, element);
  }
  const removedPaths = new Set(pathChanges.filter((c) => c.severity === "breaking").map((c) => c.target));
  return { diff: { changes, bump }, breaking: { types, members, removedPaths } };
}

/** Paths of the client's requests that appear or disappear for the project's `includePaths`. */
function requestPathChanges(before: Model, after: Model, options: Scope): ApiChange[] {
  const paths = (model: Model) => new Set(clientRequests(clientRequestTree(model, options)).map((r) => r.path));
  const old = paths(before);
  const now = paths(after);
  return [
    ...[...old].filter((p) => !now.has(p)).sort().map((target): ApiChange => ({ severity: "breaking", change: "request path removed", target })),
    ...[...now].filter((p) => !old.has(p)).sort().map((target): ApiChange => ({ severity: "non-breaking", change: "request path added", target })),
  ];
}
