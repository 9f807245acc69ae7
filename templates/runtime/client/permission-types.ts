// The shapes of the generated permission tables: the least-privileged permissions of each request
// (client/permissions.ts) and every permission that allows it (client/accepted-permissions.ts, which
// client/token-permissions.ts reads). Types only: nothing of it reaches a bundle.

export interface PermissionRef {
  readonly name: string;
  /** The permission's id for the app manifest's requiredResourceAccess, when the tables give one. */
  readonly id?: string;
}

export interface PermissionEntry {
  readonly method: string;
  readonly path: string;
  /** Least privileged delegated (Scope) permissions; any one suffices. */
  readonly delegated: readonly PermissionRef[];
  /** Least privileged application (Role) permissions; any one suffices. */
  readonly application: readonly PermissionRef[];
}

/** Permissions that allow one request, least privileged first, from Graph's permission tables. */
export interface OperationPermissions {
  readonly delegated: readonly string[];
  readonly application: readonly string[];
}
