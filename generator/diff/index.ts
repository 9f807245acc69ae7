// `diff(old, new)`: the API changes between two metadata files, classified, with the semver bump they
// imply; over a project's selection (types and request paths) or over everything.
import { loadModel } from "../load.js";
import type { Model } from "../model/types.js";
import { compareAge, type AgeComparison } from "./age.js";
import type { ApiDiff } from "./compare.js";
import { diffSelection } from "./selection.js";

export { compareSurfaces, type ApiChange, type ApiDiff, type SemverBump, type Severity } from "./compare.js";
export { DIFF_FORMATS, formatDiff, type DiffFormat } from "./report.js";
export { apiSurface, type ApiSurface } from "./surface.js";
export { ageNote, compareAge, newestNotice, type AgeComparison } from "./age.js";
export { diffSelection, type DiffScope } from "./selection.js";

export interface DiffOptions {
  /** Limit the comparison to these types' closure (as `generate --include`); with `includePaths` empty too, everything is compared. */
  readonly include?: readonly string[];
  /** Request path patterns (as `generate --include-paths`): the types they need, and the paths themselves, are compared. */
  readonly includePaths?: readonly string[];
  /** Compare all of the metadata, whatever `include` says. */
  readonly all?: boolean;
  /** Overlays applied to both files, as the project's generation would. */
  readonly overlays?: readonly string[];
  readonly rootNamespace?: string;
  readonly cwd?: string;
  /** The date deprecations are judged against (`YYYY-MM-DD`). Default: today. */
  readonly today?: string;
}

export function diffMetadata(oldMetadata: string, newMetadata: string, options: DiffOptions = {}): ApiDiff {
  return diffMetadataFiles(oldMetadata, newMetadata, options).diff;
}

/** The diff, and which file looks older. */
export function diffMetadataFiles(oldMetadata: string, newMetadata: string, options: DiffOptions = {}): { diff: ApiDiff; age: AgeComparison } {
  const cwd = options.cwd ?? process.cwd();
  const model = (path: string): Model => loadModel(path, options.overlays ?? [], cwd).model;
  const before = model(oldMetadata);
  const after = model(newMetadata);
  const scope = { include: [...(options.include ?? [])], includePaths: [...(options.includePaths ?? [])], all: options.all ?? false, rootNamespace: options.rootNamespace ?? "microsoft.graph" };
  return { diff: diffSelection(before, after, scope, options.today).diff, age: compareAge(before, after) };
}
