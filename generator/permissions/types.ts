// The shapes shared by the permission modules: what Graph's tables say (schemes, grants, routes) and the
// index they are read into. Types only, so the modules that load, match and rank import in one direction.

import type { NormalisedTemplate } from "./normalise.js";

/** The schemes the tables use today; others are kept (typed as string) rather than rejected. */
export type SchemeName = "DelegatedWork" | "DelegatedPersonal" | "Application" | (string & {});

export interface SchemeInfo {
  adminDisplayName?: string;
  adminDescription?: string;
  /** What a user sees when consenting for themselves (delegated schemes only). */
  userDisplayName?: string;
  userDescription?: string;
  requiresAdminConsent?: boolean;
  /** 1 (least privileged) to 5; absent for some entries. */
  privilegeLevel?: number;
}

export interface PermissionInfo {
  name: string;
  /** "oAuth2" for tenant-wide permissions, "RSC" for resource-specific consent ones. */
  authorizationType: string;
  schemes: ReadonlyMap<SchemeName, SchemeInfo>;
  /** Permission id per scheme, from provisioningInfo.json. */
  ids: ReadonlyMap<SchemeName, string>;
  /** Per scheme, how many table (path, method) pairs the permission opens, and how many of those are not GET. */
  reach: ReadonlyMap<SchemeName, Reach>;
}

export interface Reach {
  operations: number;
  writes: number;
}

/** One path of one pathSet: the permission it grants, for the pathSet's schemes and methods. */
export interface TableRow {
  permission: string;
  schemes: readonly SchemeName[];
  methods: readonly string[];
  least: readonly SchemeName[];
  alsoRequires: readonly string[];
  tablePath: string;
}

/** One permission accepted for one route and method, merged over duplicate table rows. */
export interface Grant {
  permission: string;
  schemes: SchemeName[];
  /** Schemes for which the table marks this permission `least=`. */
  least: SchemeName[];
  alsoRequires: string[];
  /** The table's own spelling of the path (the smallest one when case variants were merged). */
  tablePath: string;
}

export interface Route {
  key: string;
  /** The key with function parameter lists dropped, for the loose fallback. */
  looseKey: string;
  /** Whether the table path carried a query (`?$filter=...`). */
  hasQuery: boolean;
  segments: readonly string[];
  byMethod: Map<string, Grant[]>;
}

export interface RouteSet {
  /** Normalised path key (with parameter names and any query) to route. */
  readonly routes: ReadonlyMap<string, Route>;
  /** Key with function parameter lists dropped to the exact keys sharing it, shortest first. */
  readonly looseRoutes: ReadonlyMap<string, readonly string[]>;
  /** Routes whose table path contains a `...` (any depth) segment, by key. */
  readonly wildcardRoutes: readonly Route[];
}

/**
 * Every table row is checked when the index is built; routes and each permission's reach are worked out on first use
 * (`candidateRoutes` for one request's group; `routes`, `looseRoutes` and `wildcardRoutes` for the whole table).
 */
export interface PermissionIndex extends RouteSet {
  readonly permissions: ReadonlyMap<string, PermissionInfo>;
  /** The routes a request with these normalised path segments can match: a subset of `routes`, with the same lookups. */
  candidateRoutes(segments: readonly string[]): RouteSet;
  /**
   * `normaliseTemplate(template)`, remembered (createNormaliser): a client looks up each path for several methods
   * and through the same fallback paths (`/users/{id}` for `/me`), 24,000 requests for every request path of v1.0.
   */
  normalise(template: string): NormalisedTemplate;
}
