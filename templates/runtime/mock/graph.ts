// The fake Graph's front door: every request (by fetch, by socket or inside a $batch) is logged, meets
// the test's faults, is authenticated (and, in permission mode, authorised from the token's claims),
// resolved against the route table and answered with Graph's headers and error shape.
import { checkTokenPermissions } from "../client/token-permissions.js";
import { serveBatch } from "./batch.js";
import { signedInId } from "./documented.js";
import { matchFault, type Fault, type FaultRule } from "./faults.js";
import { listen, type MockServer } from "./http.js";
import { serveOperation, type OperationHandler } from "./operations.js";
import { DOWNLOAD_PATH, serveDownload } from "./references.js";
import { resolvePath, SchemaIndex, targetTemplate } from "./resolve.js";
import { seedPath, readPath } from "./seed.js";
import type { ServeContext } from "./places.js";
import { serveData } from "./serve.js";
import { MockStore } from "./store.js";
import { UPLOAD_PATH, UploadSessions, type CompletedUpload } from "./uploads.js";
import { MockGraphError, notFound, type Entity, type MockReply, type MockRequest, type MockSchema } from "./types.js";

export interface MockGraphOptions {
  /** Items per page before `@odata.nextLink` (default: the page size Graph documents for the type, else 100); `$top` can only lower it. */
  pageSize?: number;
  /** `enforce`: answer 403 unless the token's `scp` or `roles` hold a permission Graph accepts for the request. */
  permissions?: "enforce" | "off";
  /** New ids (default random GUIDs); give a counter for predictable ids. */
  newId?: () => string;
  /** The clock for `createdDateTime` and friends. */
  now?: () => Date;
}

/** One request as the mock received it, with what it answered. */
export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  /** The path after the version segment, percent-encoded as sent. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, else the text; undefined without a body. */
  readonly body: unknown;
  /** The path template it resolved to, e.g. `/groups/{group-id}/members/$ref`. */
  readonly template: string | undefined;
  /** The status answered; 0 when the connection was dropped (a fault). */
  readonly status: number;
  /** Sent inside a `$batch`. */
  readonly batched: boolean;
}

/** `fetch` as the mock serves it: the same signature as the global one, for the client's `fetch` option. */
export type MockFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface MockGraph<Seed> {
  /** Pass as `createGraphClient({ fetch: mock.fetch })`: answers in memory, no socket. */
  readonly fetch: MockFetch;
  /** Serves the same Graph on 127.0.0.1 on a free port, for code that brings its own HTTP client. */
  listen(): Promise<MockServer>;
  /** Puts entities (with their ids, if given) at a collection path, or the properties of a singleton. */
  seed<P extends keyof Seed & string>(path: P, data: Seed[P] | readonly Seed[P][]): Seed[P][];
  /** What the mock holds at a collection or entity path, as stored. */
  read<P extends keyof Seed & string>(path: P): Seed[P][];
  read(path: string): Entity[];
  /** Answers a bound operation: by its name (`uploadClientCertificate`) or `METHOD /template`. */
  handle(operation: string, handler: OperationHandler): void;
  /** Applies a fault to requests matching `[METHOD ]/path/pattern` (`*` one segment, `**` any); returns its remover. */
  fault(pattern: string, fault: Fault): () => void;
  readonly requests: readonly LoggedRequest[];
  readonly uploads: readonly CompletedUpload[];
  /** Empties the data, the log, the faults, the handlers and the upload sessions. */
  reset(): void;
}

const JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const DROPPED = Symbol("dropped");
type Outcome = MockReply | typeof DROPPED;

export function createMock<Seed>(schema: MockSchema, options: MockGraphOptions = {}): MockGraph<Seed> {
  const index = new SchemaIndex(schema);
  const store = new MockStore();
  const uploads = new UploadSessions();
  const requests: LoggedRequest[] = [];
  const faults: FaultRule[] = [];
  const handlers = new Map<string, OperationHandler>();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const context = (origin: string): ServeContext => ({
    index,
    store,
    baseUrl: `${origin}/v1.0`,
    pageSize: options.pageSize,
    newId,
    now: options.now ?? (() => new Date()),
  });

  async function receive(origin: string, request: MockRequest, batched: boolean): Promise<Outcome> {
    const entry = { ...logEntry(origin, request), template: templateOf(request), status: 0, batched };
    requests.push(entry);
    const requestId = crypto.randomUUID();
    const clientRequestId = request.headers["client-request-id"] ?? crypto.randomUUID();
    let outcome: Outcome;
    try {
      const fault = matchFault(faults, request);
      if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault?.drop && !batched) outcome = DROPPED;
      else if (fault?.drop) throw injectedError(503, {});
      else if (fault?.status)
        throw injectedError(
          fault.status,
          fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) },
        );
      else outcome = await route(context(origin), request, batched);
    } catch (error) {
      // A handler's own bug (or the mock's) answers 500 naming it, as a server would, rather than hang the test.
      const served =
        error instanceof MockGraphError
          ? error
          : new MockGraphError(
              500,
              "InternalServerError",
              `The mock Graph failed: ${error instanceof Error ? error.message : String(error)}`,
            );
      outcome = errorReply(served, requestId, clientRequestId);
    }
    if (outcome === DROPPED) return outcome;
    entry.status = outcome.status;
    const headers: Record<string, string> = { "request-id": requestId, "client-request-id": clientRequestId };
    if (outcome.json !== undefined) Object.assign(headers, { "content-type": JSON_TYPE, "odata-version": "4.0" });
    return { ...outcome, headers: { ...headers, ...outcome.headers } };
  }

  async function route(ctx: ServeContext, request: MockRequest, batched: boolean): Promise<MockReply> {
    if (request.path.startsWith(DOWNLOAD_PATH)) return serveDownload(ctx, request);
    if (request.path.startsWith(UPLOAD_PATH))
      return uploads.serve(ctx, decodeURIComponent(request.path.slice(UPLOAD_PATH.length)), request);
    authenticate(request);
    if (!request.path.startsWith("/v1.0/")) throw notFound(request.path);
    const path = request.path.slice("/v1.0".length);
    if (path === "/$batch" && !batched) {
      if (request.method !== "POST") throw new MockGraphError(405, "BadRequest", "Use POST for /$batch.");
      const origin = ctx.baseUrl.replace(/\/v1\.0$/, "");
      return serveBatch(request, parseBody(request), async (item) => {
        const outcome = await receive(origin, { ...item, path: `/v1.0${item.path}` }, true);
        return outcome === DROPPED ? { status: 503 } : outcome;
      });
    }
    const asked = resolvePath(index, path);
    const template = targetTemplate(asked);
    if (options.permissions === "enforce") authorize(request, template);
    const served = signedInPath(path, request);
    const target = served === path ? asked : resolvePath(index, served);
    if (target.kind !== "operation") return serveData(ctx, target, { ...request, path: served });
    const handler = handlers.get(`${request.method} ${template}`) ?? handlers.get(target.name);
    return serveOperation(ctx, target, { ...request, path: served }, handler, uploads);
  }

  /**
   * `/me` is the signed-in user (the token's `oid`), as in Graph: `/me/...` is served as `/users/{oid}/...` when the
   * route table has that path, the user made the first time it is reached. Without an `oid` (a plain test token),
   * `/me` stays a singleton of its own.
   */
  function signedInPath(path: string, request: MockRequest): string {
    const id = /^\/me(\/|$)/.test(path) ? signedInId(request) : undefined;
    if (id === undefined) return path;
    const served = `/users/${encodeURIComponent(id)}${path.slice("/me".length)}`;
    try {
      resolvePath(index, served);
    } catch {
      return path;
    }
    if (!store.item("/users", id)) store.put("/users", id, { id });
    return served;
  }

  const mock: MockGraph<Seed> = {
    async fetch(input, init) {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      const outcome = await receive(
        url.origin,
        { method: request.method, path: url.pathname, query: url.searchParams, headers, body },
        false,
      );
      if (request.signal.aborted) throw request.signal.reason;
      if (outcome === DROPPED)
        throw new TypeError("fetch failed", { cause: new Error("the mock Graph dropped the connection (fault)") });
      return toResponse(outcome);
    },
    listen: () =>
      listen(async (origin, request) => {
        const outcome = await receive(origin, request, false);
        return outcome === DROPPED ? undefined : { ...outcome, body: replyBytes(outcome) };
      }),
    seed: (path, data) => seedPath(context("https://graph.microsoft.com"), path, data) as never,
    read: (path: string) => readPath(context("https://graph.microsoft.com"), path) as never,
    handle: (operation, handler) => void handlers.set(operation, handler),
    fault(pattern, fault) {
      const rule: FaultRule = { pattern, fault, used: 0 };
      faults.push(rule);
      return () => {
        const at = faults.indexOf(rule);
        if (at >= 0) faults.splice(at, 1);
      };
    },
    requests,
    uploads: uploads.completed,
    reset() {
      store.clear();
      uploads.clear();
      requests.length = 0;
      faults.length = 0;
      handlers.clear();
    },
  };
  return mock;

  /** The path template a request resolves to, for the log (faulted requests included); undefined when it does not. */
  function templateOf(request: MockRequest): string | undefined {
    if (!request.path.startsWith("/v1.0/")) return undefined;
    try {
      return targetTemplate(resolvePath(index, request.path.slice("/v1.0".length)));
    } catch {
      return undefined;
    }
  }

  function authenticate(request: MockRequest): void {
    const authorization = request.headers["authorization"];
    if (!authorization) throw new MockGraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    if (!/^Bearer \S+$/i.test(authorization)) {
      throw new MockGraphError(401, "InvalidAuthenticationToken", "Authorization header must use the Bearer scheme.");
    }
  }

  function authorize(request: MockRequest, template: string): void {
    const token = (request.headers["authorization"] ?? "").replace(/^Bearer /i, "");
    const missing = checkTokenPermissions(token, { method: request.method, template });
    // The check passes tokens it cannot read; a readable one always misses the empty template's permissions.
    if (checkTokenPermissions(token, { method: "GET", template: "" }) === undefined) {
      throw new MockGraphError(
        401,
        "InvalidAuthenticationToken",
        "Permission mode needs a JWT with an scp or roles claim.",
      );
    }
    if (missing)
      throw new MockGraphError(
        403,
        "Authorization_RequestDenied",
        `Insufficient privileges to complete the operation. ${missing}`,
      );
  }
}

function logEntry(origin: string, request: MockRequest) {
  const query = request.query.toString();
  return {
    method: request.method,
    url: `${origin}${request.path}${query ? `?${query}` : ""}`,
    path: request.path.replace(/^\/v1\.0(?=\/)/, ""),
    query: Object.fromEntries(request.query),
    headers: request.headers,
    body: parseBody(request),
  };
}

function parseBody(request: MockRequest): unknown {
  if (!request.body || request.body.length === 0) return undefined;
  const text = new TextDecoder().decode(request.body);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const DEFAULT_MESSAGES: Readonly<Record<number, [string, string]>> = {
  429: ["TooManyRequests", "Too many requests."],
  500: ["InternalServerError", "Internal server error."],
  503: ["ServiceUnavailable", "Service unavailable."],
  504: ["GatewayTimeout", "Gateway timeout."],
};

function injectedError(status: number, headers: Record<string, string>): MockGraphError {
  const [code, message] = DEFAULT_MESSAGES[status] ?? ["UnknownError", `Injected failure with status ${status}.`];
  return new MockGraphError(status, code, message, headers);
}

/** Graph's error body: code, message, details, and innerError with the request's ids and date. */
function errorReply(error: MockGraphError, requestId: string, clientRequestId: string): MockReply {
  const date = new Date().toISOString().slice(0, 19);
  const innerError = { date, "request-id": requestId, "client-request-id": clientRequestId };
  const details = error.details.length > 0 ? { details: error.details } : {};
  return {
    status: error.status,
    headers: error.headers,
    json: { error: { code: error.code, message: error.message, ...details, innerError } },
  };
}

function replyBytes(reply: MockReply): Uint8Array | undefined {
  if (reply.status === 204 || reply.status === 304) return undefined;
  if (reply.bytes) return reply.bytes;
  const text = reply.text ?? (reply.json === undefined ? undefined : JSON.stringify(reply.json));
  return text === undefined ? undefined : new TextEncoder().encode(text);
}

function toResponse(reply: MockReply): Response {
  const bytes = replyBytes(reply);
  return new Response(bytes ? new Uint8Array(bytes) : null, { status: reply.status, headers: reply.headers ?? {} });
}
