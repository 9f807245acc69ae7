// An `includePaths` pattern that selects nothing is a mistake (`/usrs/**`), not a wish for an empty client:
// it fails, naming the request paths closest to what was typed.
import { GraphgenError } from "../errors.js";
import type { Model } from "../model/types.js";
import { isIncluded, parsePathPatterns, type PathPattern } from "./include-paths.js";
import { requestNodes, type RequestNode } from "./request-tree.js";
import { buildRequestTree } from "./tree-walk.js";

/** Throws for the first pattern that selects no request path of the tree built for all patterns. */
export function checkPatternsMatch(model: Model, patterns: readonly PathPattern[], roots: readonly RequestNode[], rootNamespace: string): void {
  const paths = requestNodes(roots).flatMap((node) => [node.segments, ...node.operations.map((op) => [...node.segments, op.segment])]);
  const unmatched = patterns.find((pattern) => !paths.some((path) => isIncluded([pattern], path)));
  if (!unmatched) return;
  const closest = closestPaths(model, unmatched, rootNamespace);
  throw new GraphgenError(`include path "${unmatched.source}" matches no request path of the metadata`, {
    hint: `${closest.length > 0 ? `closest paths: ${closest.join(", ")}; ` : ""}\`graphgen paths\` lists them all`,
  });
}

/** The three request paths nearest to the pattern's literal part, by edit distance over as many segments. */
function closestPaths(model: Model, pattern: PathPattern, rootNamespace: string): string[] {
  const literal = pattern.segments.filter((s) => s !== "**");
  const depth = Math.max(1, literal.length);
  const typed = `/${literal.join("/")}`;
  const all = requestNodes(buildRequestTree(model, parsePathPatterns(["/**"]), rootNamespace));
  const candidates = [...new Set(all.filter((n) => n.segments.length === depth).map((n) => n.template))];
  const scored = candidates.map((path) => ({ path, distance: editDistance(typed, path.toLowerCase().replace(/\{[^}]*\}/g, "*")) }));
  return scored
    .sort((a, b) => a.distance - b.distance || (a.path < b.path ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.path);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
