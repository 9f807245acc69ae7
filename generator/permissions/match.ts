// Finds the table route a request path template stands for: exact first, then ignoring function
// parameters, then the tables' `...` (any depth) paths. Which permission is least is least.ts's question.
import type { Grant, PermissionIndex, Route } from "./types.js";

export type MatchRule = "exact" | "loose-parameters" | "wildcard";

export interface RouteMatch {
  route: Route;
  grants: readonly Grant[];
  matchedBy: MatchRule;
}

/** A table `...` segment stands for any nesting depth (e.g. child folders of child folders). */
function matchesWildcard(input: readonly string[], table: readonly string[], i = 0, j = 0): boolean {
  if (j === table.length) return i === input.length;
  if (table[j] === "...") {
    for (let k = i; k <= input.length; k++) if (matchesWildcard(input, table, k, j + 1)) return true;
    return false;
  }
  return i < input.length && input[i] === table[j] && matchesWildcard(input, table, i + 1, j + 1);
}

/** The table route for a template and method, or undefined when no row lists that method for it. */
export function findRoute(index: PermissionIndex, pathTemplate: string, method: string): RouteMatch | undefined {
  const verb = method.trim().toUpperCase();
  const norm = index.normalise(pathTemplate);
  const hit = (route: Route | undefined, matchedBy: MatchRule): RouteMatch | undefined => {
    const grants = route?.byMethod.get(verb);
    return route && grants && grants.length > 0 ? { route, grants, matchedBy } : undefined;
  };
  const { routes, looseRoutes, wildcardRoutes } = index.candidateRoutes(norm.segments);
  const exact = (norm.query !== undefined ? hit(routes.get(norm.key), "exact") : undefined) ?? hit(routes.get(norm.pathKey), "exact");
  if (exact) return exact;
  for (const key of looseRoutes.get(norm.looseKey) ?? []) {
    const loose = hit(routes.get(key), "loose-parameters");
    if (loose) return loose;
  }
  for (const route of wildcardRoutes) {
    if (matchesWildcard(norm.segments, route.segments)) {
      const wild = hit(route, "wildcard");
      if (wild) return wild;
    }
  }
  return undefined;
}
