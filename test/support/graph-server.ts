// Graph-like HTTP(S) test server on 127.0.0.1: lifecycle, request log and bearer auth.
// Graph semantics live in graph-server-routes.ts; a capture server stands in for "another origin".
// Kept for what is about the network rather than Graph (TLS, other origins, redirected downloads, a
// separate upload host); every other client test runs on the generated fake Graph (test/client/support/mock-server.ts).
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { DriveStore, routeDownload } from "./graph-server-drives.js";
import { type Entity, type GraphReply, graphError, routeGraphRequest } from "./graph-server-routes.js";

export { type Entity, type GraphReply, certificateThumbprint, graphError } from "./graph-server-routes.js";
export { DriveStore } from "./graph-server-drives.js";

export const GRAPH_JSON_CONTENT_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export interface TlsOptions {
  key: string;
  cert: string;
}

export interface GraphServerOptions {
  /** Maximum items per collection page (default 100); `$top` can only lower it. */
  pageSize?: number;
  /** Serve https with this key/cert instead of http. */
  tls?: TlsOptions;
  /** Decides whether a bearer token is accepted (default: any non-empty token). */
  isTokenValid?: (token: string) => boolean;
  /** Extra Graph behaviour (delta, $batch, upload sessions), asked in order before the apiConnectors routes. */
  hooks?: readonly ServerHook[];
}

/** A reply, `"reset"` to drop the connection without answering, or undefined to let the next route answer. */
export type HookReply = GraphReply | "reset";
export type ServerHook = (request: LoggedRequest, server: HookContext) => HookReply | undefined | Promise<HookReply | undefined>;
export interface HookContext {
  readonly origin: string;
  readonly baseUrl: string;
  /** Routes a request as if it had arrived (hooks, then the default routes) without authentication: $batch items. */
  route(request: LoggedRequest): Promise<HookReply>;
}

export interface LoggedRequest {
  method: string;
  /** Request target as received, e.g. `/v1.0/identity/apiConnectors/a%2Fb?$select=id`. */
  url: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  /** Decoded query parameters (last value wins on duplicates). */
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Bearer token from the Authorization header, if any. */
  token: string | undefined;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The body's bytes, for binary uploads. */
  bytes: Uint8Array;
}

export interface GraphServer {
  /** e.g. `http://127.0.0.1:PORT/v1.0` */
  readonly baseUrl: string;
  /** e.g. `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly requests: LoggedRequest[];
  /** The backing store, exposed so tests can seed entities with ids POST would never assign (e.g. `a/b`). */
  readonly entities: Map<string, Entity>;
  /** Drive files and pending downloads of the drive and report routes. */
  readonly drives: DriveStore;
  /** Clear entities, drive files and the request log. */
  reset(): void;
  close(): Promise<void>;
}

export interface CaptureServer {
  readonly origin: string;
  readonly requests: LoggedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const requests: LoggedRequest[] = [];
  const entities = new Map<string, Entity>();
  const drives = new DriveStore();
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer: ${pageSize}`);
  let origin = "";

  const context: HookContext = {
    get origin() {
      return origin;
    },
    get baseUrl() {
      return `${origin}/v1.0`;
    },
    route: (entry) => route(entry),
  };
  async function route(entry: LoggedRequest): Promise<HookReply> {
    for (const hook of options.hooks ?? []) {
      const reply = await hook(entry, context);
      if (reply !== undefined) return reply;
    }
    return routeGraphRequest(
      {
        method: entry.method,
        pathname: entry.path,
        query: new URL(entry.url, origin).searchParams,
        contentType: headerValue(entry.headers["content-type"]),
        rawBody: entry.rawBody,
        bytes: entry.bytes,
        consistencyLevel: headerValue(entry.headers.consistencylevel),
      },
      { store: entities, baseUrl: `${origin}/v1.0`, nextLinkBase: `${origin}/v1.0`, pageSize, drives },
    );
  }

  const server = createServer(options.tls, async (req, res) => {
    const entry = await recordRequest(req, requests);
    const download = /^\/download\/([^/]+)$/.exec(entry.path);
    const reply =
      (download ? routeDownload(drives, download[1] as string) : undefined) ??
      authenticate(entry, options.isTokenValid) ??
      (await route(entry));
    if (reply === "reset") req.socket.destroy();
    else writeReply(req, res, reply);
  });
  origin = await listen(server, options.tls ? "https" : "http");

  return {
    baseUrl: `${origin}/v1.0`,
    origin,
    requests,
    entities,
    drives,
    reset() {
      requests.length = 0;
      entities.clear();
      drives.clear();
    },
    close: () => closeServer(server),
  };
}

/** A server on its own port that records everything and answers an empty page, to prove no token leaks to it. */
export async function startCaptureServer(
  options: { tls?: TlsOptions; reply?: (request: LoggedRequest) => HookReply } = {},
): Promise<CaptureServer> {
  const requests: LoggedRequest[] = [];
  const server = createServer(options.tls, async (req, res) => {
    const entry = await recordRequest(req, requests);
    const reply = options.reply?.(entry) ?? { status: 200, json: { value: [] } };
    if (reply === "reset") req.socket.destroy();
    else writeReply(req, res, reply);
  });
  const origin = await listen(server, options.tls ? "https" : "http");
  return {
    origin,
    requests,
    reset: () => void (requests.length = 0),
    close: () => closeServer(server),
  };
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

function createServer(tls: TlsOptions | undefined, handler: Handler): http.Server | https.Server {
  // A thrown handler would otherwise leave the client hanging until its own timeout.
  const safe = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handler(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) writeReply(req, res, graphError(500, "InternalServerError", `Test server bug: ${message}`));
      else res.destroy();
    });
  };
  return tls ? https.createServer({ key: tls.key, cert: tls.cert }, safe) : http.createServer(safe);
}

async function listen(server: http.Server | https.Server, scheme: "http" | "https"): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return `${scheme}://127.0.0.1:${port}`;
}

async function closeServer(server: http.Server | https.Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  // Keep-alive sockets held by fetch would otherwise delay close() until they time out.
  server.closeAllConnections();
  await closed;
}

async function recordRequest(req: http.IncomingMessage, log: LoggedRequest[]): Promise<LoggedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const rawBody = bytes.toString("utf8");
  const url = req.url ?? "/";
  const parsed = new URL(url, "http://127.0.0.1");
  const entry: LoggedRequest = {
    method: req.method ?? "GET",
    url,
    path: url.split("?")[0] ?? "/",
    query: Object.fromEntries(parsed.searchParams),
    headers: req.headers,
    token: bearerToken(req.headers.authorization),
    body: parseJson(rawBody),
    rawBody,
    bytes: new Uint8Array(bytes),
  };
  log.push(entry);
  return entry;
}

function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
}

function parseJson(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function authenticate(entry: LoggedRequest, isTokenValid?: (token: string) => boolean): GraphReply | undefined {
  if (entry.token === undefined) {
    const message = entry.headers.authorization ? "Authorization header must use the Bearer scheme." : "Access token is empty.";
    return graphError(401, "InvalidAuthenticationToken", message);
  }
  if (isTokenValid && !isTokenValid(entry.token)) {
    return graphError(401, "InvalidAuthenticationToken", "Access token validation failure.");
  }
  return undefined;
}

function writeReply(req: http.IncomingMessage, res: http.ServerResponse, reply: GraphReply): void {
  const { headers, text } = renderReply(reply, headerValue(req.headers["client-request-id"]));
  res.writeHead(reply.status, headers);
  if (reply.bytes) return void res.end(Buffer.from(reply.bytes));
  res.end(reply.status === 204 || reply.status === 304 ? undefined : text);
}

/** A reply's headers (request-id, client-request-id, JSON content type) and body text, as Graph sends them. */
export function renderReply(reply: GraphReply, clientRequestId: string = randomUUID()): { headers: Record<string, string>; text: string | undefined } {
  const requestId = randomUUID();
  const body = reply.error ? errorBody(reply.error, requestId, clientRequestId) : reply.json;
  const text = reply.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const headers: Record<string, string> = { "request-id": requestId, "client-request-id": clientRequestId };
  if (text !== undefined) Object.assign(headers, { "content-type": GRAPH_JSON_CONTENT_TYPE, "odata-version": "4.0" });
  // Lower-casing lets an injected Content-Type or Request-Id replace ours instead of duplicating it.
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  return { headers, text };
}

function errorBody(error: { code: string; message: string }, requestId: string, clientRequestId: string): unknown {
  // Graph's innerError date is ISO 8601 without fraction or zone designator.
  const date = new Date().toISOString().slice(0, 19);
  return {
    error: { ...error, innerError: { date, "request-id": requestId, "client-request-id": clientRequestId } },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
