// `includePaths` patterns: which request paths get a client. A pattern is a path of segments where
// `*` is one segment, `**` any number (zero included), and `{...}` any key segment; case-insensitive.
import { GraphgenError } from "../errors.js";

export interface PathPattern {
  readonly source: string;
  readonly segments: readonly string[];
}

export function parsePathPatterns(patterns: readonly string[]): PathPattern[] {
  return patterns.map((source) => {
    if (!source.startsWith("/")) {
      throw new GraphgenError(`include path "${source}" must start with "/"`, { hint: 'e.g. "/identity/apiConnectors/**"' });
    }
    const segments = source.split("/").slice(1).filter((s) => s !== "").map((s) => s.toLowerCase());
    return { source, segments };
  });
}

const isKey = (segment: string) => segment.startsWith("{") && segment.endsWith("}");

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === "*") return true;
  if (isKey(pattern)) return isKey(segment);
  return pattern === segment.toLowerCase();
}

/**
 * Whether `path` matches `pattern` (`prefix` false), or could still be extended to match it (`prefix` true),
 * which is how the tree walk knows whether a subtree is worth visiting.
 */
function matches(pattern: readonly string[], path: readonly string[], prefix: boolean): boolean {
  if (path.length === 0) return prefix || pattern.every((p) => p === "**");
  if (pattern.length === 0) return false;
  const [head, ...rest] = pattern;
  if (head === "**") return matches(rest, path, prefix) || matches(pattern, path.slice(1), prefix);
  return segmentMatches(head as string, path[0] as string) && matches(rest, path.slice(1), prefix);
}

/** The path (segments after the leading `/`) is selected by one of the patterns. */
export function isIncluded(patterns: readonly PathPattern[], path: readonly string[]): boolean {
  return patterns.some((p) => matches(p.segments, path, false));
}

/** Some path below (or at) `path` may be selected, so the walk goes on. */
export function mayIncludeBelow(patterns: readonly PathPattern[], path: readonly string[]): boolean {
  return patterns.some((p) => matches(p.segments, path, true));
}
