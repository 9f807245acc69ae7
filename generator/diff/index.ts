// `diff(old, new)`: the API changes between two metadata files, classified, with the semver bump they imply.
import { loadModel } from "../load.js";
import { compareSurfaces, type ApiDiff } from "./compare.js";
import { apiSurface } from "./surface.js";

export { compareSurfaces, type ApiChange, type ApiDiff, type SemverBump, type Severity } from "./compare.js";
export { DIFF_FORMATS, formatDiff, type DiffFormat } from "./report.js";
export { apiSurface, type ApiSurface } from "./surface.js";

export interface DiffOptions {
  /** Limit the comparison to these types' closure (as `generate --include`); empty compares everything. */
  readonly include?: readonly string[];
  readonly rootNamespace?: string;
  readonly cwd?: string;
  /** The date deprecations are judged against (`YYYY-MM-DD`). Default: today. */
  readonly today?: string;
}

export function diffMetadata(oldMetadata: string, newMetadata: string, options: DiffOptions = {}): ApiDiff {
  const cwd = options.cwd ?? process.cwd();
  const surface = (path: string) => apiSurface(loadModel(path, [], cwd).model, options.include ?? [], options.rootNamespace);
  return compareSurfaces(surface(oldMetadata), surface(newMetadata), options.today);
}
