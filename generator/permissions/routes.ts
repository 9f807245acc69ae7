// The route side of the permission index, built on demand: table rows are grouped by their first path segment
// (read off the raw path without normalising it), and a group is normalised and merged only when a lookup needs it.
// A client for a handful of paths so touches a few hundred of the tables' 19,000 rows, not all of them.
import { headGroup, normaliseTemplate, routeGroup, tablePathHead, type NormalisedTemplate } from "./normalise.js";
import type { Reach, Route, RouteSet, SchemeName, TableRow } from "./types.js";

/** A table path whose first segment is `...` matches any request, so its group is always consulted. */
const ANY_DEPTH_GROUP = "...";

const byKey = (a: Route, b: Route): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Adds one table row's grant to its route and method; returns the schemes the permission did not yet have there. */
function addGrant(routes: Map<string, Route>, norm: NormalisedTemplate, method: string, row: TableRow): readonly SchemeName[] {
  let route = routes.get(norm.key);
  if (!route) {
    route = { key: norm.key, looseKey: norm.looseKey, hasQuery: norm.query !== undefined, segments: norm.segments, byMethod: new Map() };
    routes.set(norm.key, route);
  }
  const grants = route.byMethod.get(method) ?? [];
  route.byMethod.set(method, grants);
  const same = grants.find((g) => g.permission === row.permission);
  if (!same) {
    const { permission, tablePath } = row;
    grants.push({ permission, schemes: [...row.schemes], least: [...row.least], alsoRequires: [...row.alsoRequires], tablePath });
    return row.schemes;
  }
  // Case variants and overlapping pathSets repeat a permission for one route: keep the union.
  const newSchemes = row.schemes.filter((s) => !same.schemes.includes(s));
  same.schemes.push(...newSchemes);
  for (const s of row.least) if (!same.least.includes(s)) same.least.push(s);
  for (const r of row.alsoRequires) if (!same.alsoRequires.includes(r)) same.alsoRequires.push(r);
  if (row.tablePath < same.tablePath) same.tablePath = row.tablePath;
  return newSchemes;
}

function groupRoutes(routes: Map<string, Route>): RouteSet {
  const loose = new Map<string, string[]>();
  const wildcardRoutes: Route[] = [];
  for (const route of routes.values()) {
    if (route.segments.includes("...")) wildcardRoutes.push(route);
    // Query-qualified rows (`?$filter=...`) only apply to requests with that query, never to a bare template.
    if (route.hasQuery) continue;
    loose.set(route.looseKey, [...(loose.get(route.looseKey) ?? []), route.key]);
  }
  // A call written without parameters most likely means the overload with the fewest: shortest key first.
  for (const keys of loose.values()) keys.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  wildcardRoutes.sort(byKey);
  return { routes, looseRoutes: loose, wildcardRoutes };
}

/** The table rows, indexed per first-segment group and per permission as lookups ask for them; memoised. */
export class TableRoutes {
  private readonly groups = new Map<string, TableRow[]>();
  private readonly byPermission = new Map<string, TableRow[]>();
  private readonly normalised = new Map<string, NormalisedTemplate>();
  private readonly groupSets = new Map<string, RouteSet>();
  private readonly reaches = new Map<string, Map<SchemeName, Reach>>();
  private everything: RouteSet | undefined;

  constructor(private readonly rows: readonly TableRow[]) {
    // The tables' 19,000 paths start with about a hundred distinct first segments.
    const heads = new Map<string, string | undefined>();
    for (const row of rows) {
      const head = tablePathHead(row.tablePath);
      if (head !== undefined && !heads.has(head)) heads.set(head, headGroup(head));
      const group = (head === undefined ? undefined : heads.get(head)) ?? routeGroup(this.normalise(row.tablePath).segments);
      push(this.groups, group, row);
      push(this.byPermission, row.permission, row);
    }
  }

  /** Every route of the tables (built once, on first use). */
  all(): RouteSet {
    this.everything ??= this.build(this.rows);
    return this.everything;
  }

  /** The routes a request with these normalised segments can match: its group, and the `...` ones that match anything. */
  candidates(segments: readonly string[]): RouteSet {
    const group = routeGroup(segments);
    const own = this.group(group);
    if (group === ANY_DEPTH_GROUP) return own;
    const anyDepth = this.group(ANY_DEPTH_GROUP).wildcardRoutes;
    if (anyDepth.length === 0) return own;
    return { ...own, wildcardRoutes: [...own.wildcardRoutes, ...anyDepth].sort(byKey) };
  }

  /**
   * How many (route, method) pairs the permission opens per scheme, and how many are not GET: the same count
   * the whole table gives, since merging one permission's grants only ever looks at its own earlier rows.
   */
  reach(permission: string): ReadonlyMap<SchemeName, Reach> {
    let reach = this.reaches.get(permission);
    if (reach) return reach;
    reach = new Map();
    const routes = new Map<string, Route>();
    for (const row of this.byPermission.get(permission) ?? []) {
      const norm = this.normalise(row.tablePath);
      for (const method of row.methods) {
        for (const scheme of addGrant(routes, norm, method, row)) {
          const r = reach.get(scheme) ?? { operations: 0, writes: 0 };
          reach.set(scheme, { operations: r.operations + 1, writes: r.writes + (method === "GET" ? 0 : 1) });
        }
      }
    }
    this.reaches.set(permission, reach);
    return reach;
  }

  private group(group: string): RouteSet {
    let set = this.groupSets.get(group);
    if (!set) {
      set = this.build(this.groups.get(group) ?? []);
      this.groupSets.set(group, set);
    }
    return set;
  }

  private build(rows: readonly TableRow[]): RouteSet {
    const routes = new Map<string, Route>();
    for (const row of rows) {
      const norm = this.normalise(row.tablePath);
      for (const method of row.methods) addGrant(routes, norm, method, row);
    }
    return groupRoutes(routes);
  }

  private normalise(tablePath: string): NormalisedTemplate {
    let norm = this.normalised.get(tablePath);
    if (!norm) {
      norm = normaliseTemplate(tablePath);
      this.normalised.set(tablePath, norm);
    }
    return norm;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
