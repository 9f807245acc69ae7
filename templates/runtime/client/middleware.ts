// A typed middleware chain around fetch, for what Graph SDKs do with middleware: logging, telemetry spans
// (OpenTelemetry), custom headers, test doubles. `createGraphClient({ fetch: withMiddleware([log, trace]) })`.
// Each request the client sends (every attempt of a retried one, each page) passes through the chain:
// `beforeRequest` in order, then the request, then `afterResponse` (or `onError` when no answer came) in
// reverse order. A module of its own: a client that does not import it bundles none of it.

/** One request as the middleware sees it. */
export interface MiddlewareRequest {
  readonly method: string;
  readonly url: string;
  /** The headers to send; `beforeRequest` may set or remove some. The `authorization` header is among them: never log it. */
  readonly headers: Headers;
  /** The time `beforeRequest` started, in milliseconds (`performance.now()`), for durations. */
  readonly startedAt: number;
  /** Per-request room for the middleware (a span, a timer), shared by its three hooks. */
  readonly context: Map<unknown, unknown>;
}

export interface Middleware {
  /** Before the request is sent: set headers, start a span. */
  beforeRequest?(request: MiddlewareRequest): void | Promise<void>;
  /** After Graph answered (any status, errors included): read status and headers; return a Response to replace it. */
  afterResponse?(request: MiddlewareRequest, response: Response): void | Response | Promise<void | Response>;
  /** No answer came (network failure, abort): the error is thrown on after the hooks ran. */
  onError?(request: MiddlewareRequest, error: unknown): void | Promise<void>;
}

/** A fetch that runs the middleware around `next` (default: the global fetch). */
export const withMiddleware = (middleware: readonly Middleware[], next?: typeof fetch): typeof fetch => {
  const send = next ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const reversed = [...middleware].reverse();
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const request: MiddlewareRequest = {
      method,
      url,
      headers: new Headers(init?.headers),
      startedAt: performance.now(),
      context: new Map(),
    };
    for (const m of middleware) await m.beforeRequest?.(request);
    let response: Response;
    try {
      response = await send(input, { ...init, headers: request.headers });
    } catch (error) {
      for (const m of reversed) await m.onError?.(request, error);
      throw error;
    }
    for (const m of reversed) response = (await m.afterResponse?.(request, response)) ?? response;
    return response;
  };
};
