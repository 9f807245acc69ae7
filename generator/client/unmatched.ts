// An `includePaths` pattern that selects nothing is a mistake (`/usrs/**`), not a wish for an empty client:
// it fails, naming the request paths closest to what was typed.
import { GraphgenError } from "../errors.js";
import { editDistance } from "../suggest.js";
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
  const meant = closest[0] === undefined ? undefined : correctedPattern(unmatched, closest[0]);
  throw new GraphgenError(`include path "${unmatched.source}" matches no request path of the metadata`, {
    hint: `${meant ? `did you mean "${meant}"? ` : ""}${closest.length > 0 ? `closest paths: ${closest.join(", ")}; ` : ""}\`graphgen paths\` lists them all`,
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

/**
 * The pattern with its misspelt names taken from the closest path (wildcards and keys kept), when that path is
 * near enough to be what was meant: `/grops/**` -> `/groups/**`.
 */
function correctedPattern(pattern: PathPattern, path: string): string | undefined {
  const literal = pattern.segments.filter((s) => s !== "**");
  const typed = `/${literal.join("/")}`;
  if (editDistance(typed, path.toLowerCase().replace(/\{[^}]*\}/g, "*")) > Math.max(2, Math.floor(typed.length / 4))) return undefined;
  const target = path.split("/").slice(1);
  let i = 0;
  const source = pattern.source.split("/").slice(1).filter((s) => s !== "");
  const fixed = source.map((segment) => {
    if (segment === "**") return segment;
    const replacement = target[i++];
    return segment === "*" || (segment.startsWith("{") && segment.endsWith("}")) || replacement === undefined ? segment : replacement;
  });
  const result = `/${fixed.join("/")}`;
  return result.toLowerCase() === pattern.source.toLowerCase() ? undefined : result;
}
