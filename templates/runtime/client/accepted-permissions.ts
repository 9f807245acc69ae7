// Stand-in for the generated client/accepted-permissions.ts (templates/client-accepted-permissions.hbs), of the
// same shape, so that tsc checks the runtime here; never copied into a package. Its entries are the default
// generation's first two.
import type { OperationPermissions } from "./permission-types.js";

/** Every permission that allows each generated request, keyed by `METHOD /path/template`. */
export const acceptedPermissions: Readonly<Record<string, OperationPermissions>> = {
  "GET /identity/apiConnectors": {
    delegated: ["APIConnectors.ReadWrite.All"],
    application: ["APIConnectors.ReadWrite.All"],
  },
  "POST /identity/apiConnectors": {
    delegated: ["APIConnectors.ReadWrite.All"],
    application: ["APIConnectors.ReadWrite.All"],
  },
};
