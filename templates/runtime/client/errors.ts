// Errors the client throws (invalid bodies throw runtime/validation's GraphValidationError). None of
// them ever carries the access token, a request body or a password.

/** Graph answered with a status outside 2xx; `code`, `message` and `innerError` are Graph's own. */
export class GraphError extends Error {
  override readonly name = "GraphError";
  declare readonly status: number;
  /** Graph's `error.code`, e.g. `Request_ResourceNotFound`. */
  declare readonly code: string;
  /** `request-id`, `client-request-id` and `date` from Graph's `error.innerError`, for support requests. */
  declare readonly innerError: {
    readonly requestId?: string | undefined;
    readonly clientRequestId?: string | undefined;
    readonly date?: string | undefined;
  };
  /** Response headers, lower-cased (e.g. `retry-after`, `request-id`). */
  declare readonly headers: Readonly<Record<string, string>>;
  /** `GET /identity/apiConnectors/{identityApiConnector-id}`: the template, so ids stay out of logs too. */
  declare readonly request: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    innerError: GraphError["innerError"];
    headers: Record<string, string>;
    request: string;
  }) {
    super(`${init.request} failed with ${init.status} ${init.code}: ${init.message}`);
    // The fields are declared, not initialised, so one assignment sets them all (a smaller bundle).
    Object.assign(this, init, { message: this.message });
  }
}

export type GraphClientErrorCode =
  | "insecureBaseUrl"
  | "invalidId"
  | "crossOriginNextLink"
  | "redirectRefused"
  | "missingPermission"
  | "invalidResponse"
  | "networkError"
  | "invalidBatch"
  | "invalidUpload";

/** The client refused to do something unsafe or impossible before (or instead of) talking to Graph. */
export class GraphClientError extends Error {
  override readonly name = "GraphClientError";
  declare readonly code: GraphClientErrorCode;
  constructor(code: GraphClientErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
