// The diff `graphgen update` shows (the project's selection, see diff/selection.ts), and the breaking
// part of it indexed by metadata element so a reference resolved in the user's code can be looked
// up: types, members (`type.member`, inherited ones included) and request paths the client no longer has.
import { diffSelection, type DiffScope } from "../diff/selection.js";
import type { ApiChange, ApiDiff } from "../diff/index.js";
import type { Model } from "../model/types.js";

export interface ElementChange {
  readonly change: string;
  readonly detail?: string;
}

export interface BreakingChanges {
  readonly types: ReadonlyMap<string, ElementChange>;
  readonly members: ReadonlyMap<string, ElementChange>;
  readonly removedPaths: ReadonlySet<string>;
  /** Every breaking change, for naming the cause of a compile error the index above cannot place. */
  readonly all: readonly ApiChange[];
}

/** The API diff over what this project generates (its types, their closure and its request paths). */
export function projectDiff(before: Model, after: Model, options: DiffScope): { diff: ApiDiff; breaking: BreakingChanges } {
  const { diff, oldSurface, pathChanges } = diffSelection(before, after, options);
  const types = new Map<string, ElementChange>();
  const members = new Map<string, ElementChange>();
  for (const change of diff.changes) {
    if (change.severity !== "breaking" || change.change === "derived type removed") continue;
    const element = { change: change.change, ...(change.detail === undefined ? {} : { detail: change.detail }) };
    if (oldSurface.types.has(change.target)) types.set(change.target, element);
    else members.set(change.target, element);
  }
  const removedPaths = new Set(pathChanges.filter((c) => c.severity === "breaking").map((c) => c.target));
  return { diff, breaking: { types, members, removedPaths, all: diff.changes.filter((c) => c.severity === "breaking") } };
}
