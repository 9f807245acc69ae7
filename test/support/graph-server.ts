// Graph-like HTTP(S) test server on 127.0.0.1: lifecycle, request log, bearer auth and failure injection.
// Graph semantics live in graph-server-routes.ts; a capture server stands in for "another origin".
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { DirectoryStore, routeDownload } from "./graph-server-directory.js";
import { type Entity, type GraphReply, graphError, routeGraphRequest } from "./graph-server-routes.js";

export { type Entity, certificateThumbprint } from "./graph-server-routes.js";
export { type DirectoryObject, DirectoryStore } from "./graph-server-directory.js";

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
  /** Directory objects, memberships, managers, photos and drive files of the directory routes. */
  readonly directory: DirectoryStore;
  /** Answer the next `count` requests (any path, before auth) with `status`; queued after earlier calls. */
  failNext(count: number, status: number, headers?: Record<string, string>, body?: unknown): void;
  /** Emit @odata.nextLink on this origin instead of our own; undefined restores the default. */
  setNextLinkOrigin(origin: string | undefined): void;
  /** Clear entities, request log, queued failures and the nextLink override. */
  reset(): void;
  close(): Promise<void>;
}

export interface CaptureServer {
  readonly origin: string;
  readonly requests: LoggedRequest[];
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_ERRORS: Record<number, [string, string]> = {
  429: ["TooManyRequests", "Too many requests."],
  500: ["InternalServerError", "Internal server error."],
  502: ["BadGateway", "Bad gateway."],
  503: ["ServiceUnavailable", "Service unavailable."],
  504: ["GatewayTimeout", "Gateway timeout."],
};

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const requests: LoggedRequest[] = [];
  const entities = new Map<string, Entity>();
  const directory = new DirectoryStore();
  const failures: GraphReply[] = [];
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer: ${pageSize}`);
  let nextLinkOrigin: string | undefined;
  let origin = "";

  const server = createServer(options.tls, async (req, res) => {
    const entry = await recordRequest(req, requests);
    const download = /^\/download\/([^/]+)$/.exec(entry.path);
    const reply =
      failures.shift() ??
      (download ? routeDownload(directory, download[1] as string) : undefined) ??
      authenticate(entry, options.isTokenValid) ??
      routeGraphRequest(
        {
          method: entry.method,
          pathname: entry.path,
          query: new URL(entry.url, origin).searchParams,
          contentType: req.headers["content-type"],
          rawBody: entry.rawBody,
          bytes: entry.bytes,
          consistencyLevel: headerValue(req.headers.consistencylevel),
        },
        { store: entities, baseUrl: `${origin}/v1.0`, nextLinkBase: `${nextLinkOrigin ?? origin}/v1.0`, pageSize, directory },
      );
    writeReply(req, res, reply);
  });
  origin = await listen(server, options.tls ? "https" : "http");

  return {
    baseUrl: `${origin}/v1.0`,
    origin,
    requests,
    entities,
    directory,
    failNext(count, status, headers, body) {
      const [code, message] = DEFAULT_ERRORS[status] ?? ["UnknownError", `Injected failure with status ${status}.`];
      const reply: GraphReply = body === undefined ? graphError(status, code, message) : bodyReply(status, body);
      for (let i = 0; i < count; i++) failures.push({ ...reply, headers: { ...headers } });
    },
    setNextLinkOrigin(value) {
      nextLinkOrigin = value?.replace(/\/+$/, "");
    },
    reset() {
      requests.length = 0;
      entities.clear();
      directory.clear();
      failures.length = 0;
      nextLinkOrigin = undefined;
    },
    close: () => closeServer(server),
  };
}

/** A server on its own port that records everything and answers an empty page, to prove no token leaks to it. */
export async function startCaptureServer(options: { tls?: TlsOptions } = {}): Promise<CaptureServer> {
  const requests: LoggedRequest[] = [];
  const server = createServer(options.tls, async (req, res) => {
    await recordRequest(req, requests);
    writeReply(req, res, { status: 200, json: { value: [] } });
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

function bodyReply(status: number, body: unknown): GraphReply {
  return typeof body === "string" ? { status, raw: body } : { status, json: body };
}

function writeReply(req: http.IncomingMessage, res: http.ServerResponse, reply: GraphReply): void {
  const clientRequestId = headerValue(req.headers["client-request-id"]) ?? randomUUID();
  const requestId = randomUUID();
  const body = reply.error ? errorBody(reply.error, requestId, clientRequestId) : reply.json;
  const text = reply.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const headers: Record<string, string> = { "request-id": requestId, "client-request-id": clientRequestId };
  if (text !== undefined) Object.assign(headers, { "content-type": GRAPH_JSON_CONTENT_TYPE, "odata-version": "4.0" });
  // Lower-casing lets an injected Content-Type or Request-Id replace ours instead of duplicating it.
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  res.writeHead(reply.status, headers);
  if (reply.bytes) return void res.end(Buffer.from(reply.bytes));
  res.end(reply.status === 204 || reply.status === 304 ? undefined : text);
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
