// The runtime's part of the client's index (client/index.ts, generated with `GraphClient`, `createGraphClient`
// and the `permissions` table): errors, the permission check and table shapes, the transport and its options.
export { GraphClientError, GraphError, type GraphClientErrorCode } from "./errors.js";
export type { OperationPermissions, PermissionEntry, PermissionRef } from "./permission-types.js";
export { permissionCheck, type PermissionCheck } from "./token-permissions.js";
export {
  createTransport,
  type CollectionPage,
  type GetOptions,
  type GraphClientOptions,
  type GraphTransport,
  type ListOptions,
  type RequestHeaders,
  type RequestOptions,
  type RetryOptions,
} from "./runtime.js";
