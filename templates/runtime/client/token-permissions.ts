// `checkPermissions: permissionCheck("warn" | "error")`: reads the access token's `scp` (delegated) or
// `roles` (application) claims and says which permission an operation lacks. A module of its own, so
// a client that does not check permissions bundles neither this code nor its table (accepted-permissions.ts,
// generated). The token is only decoded, never verified (Graph does that) and never echoed: messages name
// permissions only.
import { acceptedPermissions } from "./accepted-permissions.js";
import { GraphClientError } from "./errors.js";

export type { OperationPermissions } from "./permission-types.js";

/** The request an access token is checked for: its method and path template. */
export interface PermissionRequest {
  readonly method: string;
  readonly template: string;
}

/** What `checkPermissions` takes: called with the token before each request. */
export type PermissionCheck = (token: string, request: PermissionRequest) => void;

/**
 * A check for `createGraphClient({ checkPermissions })`: `error` throws
 * `GraphClientError("missingPermission")` before calling; `warn` reports to `onWarning` (default
 * console.warn) and calls.
 */
export function permissionCheck(mode: "warn" | "error", onWarning?: (message: string) => void): PermissionCheck {
  return (token, request) => {
    const missing = checkTokenPermissions(token, request);
    if (missing && mode === "error") throw new GraphClientError("missingPermission", missing);
    if (missing) (onWarning ?? console.warn)(missing);
  };
}

/** A message naming the missing permission, or undefined when the token has one (or cannot be read). */
export function checkTokenPermissions(token: string, request: PermissionRequest): string | undefined {
  const claims = decodeClaims(token);
  if (!claims) return undefined;
  const delegated = typeof claims["scp"] === "string";
  const granted = delegated
    ? (claims["scp"] as string).split(" ")
    : Array.isArray(claims["roles"])
      ? claims["roles"].filter((r): r is string => typeof r === "string")
      : undefined;
  if (!granted) return undefined;
  const kind = delegated ? "delegated" : "application";
  const name = `${request.method} ${request.template}`;
  const accepted = acceptedPermissions[name]?.[kind] ?? [];
  const held = new Set(granted.map((p) => p.toLowerCase()));
  if (accepted.some((p) => held.has(p.toLowerCase()))) return undefined;
  if (accepted.length === 0) return `${name}: Graph's permission tables list no ${kind} permission for this request`;
  const alternatives = accepted.length > 1 ? ` (or one of ${accepted.slice(1).join(", ")})` : "";
  const claim = `the access token's ${delegated ? "scp" : "roles"} claim has ${granted.join(", ") || "none"}`;
  return `${name} needs the ${kind} permission ${accepted[0]}${alternatives}; ${claim}`;
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload
      .replace(/-/g, "+")
      .replace(/_/g, "/")
      .padEnd(Math.ceil(payload.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
