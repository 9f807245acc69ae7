// Routing and entity-set semantics of /v1.0/identity/apiConnectors (CRUD, uploadClientCertificate) as pure
// (request, store) -> reply functions, so the transport in graph-server.ts stays free of Graph rules.
import { createHash, randomUUID } from "node:crypto";
import {
  type Entity,
  GraphHttpError,
  PROPERTIES,
  SET_PATH,
  listQuery,
  parseSelect,
  project,
  rejectUnknownOptions,
} from "./graph-server-query.js";

import { type DriveStore, routeDriveRequest } from "./graph-server-drives.js";

export { type Entity, GraphHttpError } from "./graph-server-query.js";

/** What the transport should send; `error` is expanded into Graph's error body with innerError ids. */
export interface GraphReply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  raw?: string;
  /** A binary body, sent with the content-type in `headers`. */
  bytes?: Uint8Array;
  error?: { code: string; message: string };
}

export interface RouteRequest {
  method: string;
  /** Path as received, still percent-encoded, so `a%2Fb` stays one segment. */
  pathname: string;
  query: URLSearchParams;
  contentType: string | undefined;
  rawBody: string;
  /** The body as received, for binary uploads. */
  bytes: Uint8Array;
  /** The `ConsistencyLevel` header. */
  consistencyLevel: string | undefined;
}

export interface RouteEnv {
  store: Map<string, Entity>;
  baseUrl: string;
  /** Origin + /v1.0 used for @odata.nextLink; differs from baseUrl when a test redirects paging elsewhere. */
  nextLinkBase: string;
  pageSize: number;
  drives: DriveStore;
}

const ENTITY_TYPE = "#microsoft.graph.identityApiConnector";
const ACTIONS = new Set(["uploadClientCertificate", "microsoft.graph.uploadClientCertificate"]);
const CERT_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

export function graphError(status: number, code: string, message: string): GraphReply {
  return { status, error: { code, message } };
}

/** Uppercase SHA-1 hex of the UTF-8 pkcs12Value, the thumbprint format Graph reports. */
export function certificateThumbprint(pkcs12Value: string): string {
  return createHash("sha1").update(pkcs12Value, "utf8").digest("hex").toUpperCase();
}

export function routeGraphRequest(req: RouteRequest, env: RouteEnv): GraphReply {
  try {
    return dispatchPath(req, env);
  } catch (err) {
    if (err instanceof GraphHttpError) return graphError(err.status, err.code, err.message);
    throw err;
  }
}

function dispatchPath(req: RouteRequest, env: RouteEnv): GraphReply {
  const segments = decodeSegments(req.pathname);
  const [version, identity, set, id, action, ...extra] = segments;
  const drives = version === "v1.0" && identity !== "identity" ? routeDriveRequest(req, env, env.drives, segments.slice(1)) : undefined;
  if (drives) return drives;
  if (version !== "v1.0" || identity !== "identity" || set !== "apiConnectors" || extra.length > 0) {
    throw new GraphHttpError(404, "ResourceNotFound", `Resource not found for the segment '${req.pathname}'.`);
  }
  if (id === undefined) {
    return byMethod(req.method, { GET: () => listEntities(req, env), POST: () => createEntity(req, env) });
  }
  if (action === undefined) {
    return byMethod(req.method, {
      GET: () => getEntity(req, env, id),
      PATCH: () => patchEntity(req, env, id),
      DELETE: () => deleteEntity(env, id),
    });
  }
  if (!ACTIONS.has(action)) {
    throw new GraphHttpError(404, "ResourceNotFound", `Resource not found for the segment '${action}'.`);
  }
  return byMethod(req.method, { POST: () => uploadClientCertificate(req, env, id) });
}

function decodeSegments(pathname: string): string[] {
  const raw = pathname.split("/").slice(1);
  // A trailing slash is tolerated rather than read as an empty-string id.
  if (raw.at(-1) === "") raw.pop();
  try {
    return raw.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new GraphHttpError(400, "BadRequest", "The request path contains malformed percent-encoding.");
  }
}

function byMethod(method: string, handlers: Record<string, () => GraphReply>): GraphReply {
  const handler = handlers[method];
  if (handler) return handler();
  const reply = graphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
  return { ...reply, headers: { allow: Object.keys(handlers).join(", ") } };
}

function requireEntity(env: RouteEnv, id: string): Entity {
  const entity = env.store.get(id);
  if (entity) return entity;
  throw new GraphHttpError(
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function entityContext(env: RouteEnv, select: { requested: string[] } | undefined): string {
  const shape = select ? `(${select.requested.join(",")})` : "";
  return `${env.baseUrl}/$metadata#${SET_PATH}${shape}/$entity`;
}

function entityReply(status: number, env: RouteEnv, entity: Entity, query: URLSearchParams): GraphReply {
  const select = parseSelect(query);
  return { status, json: { "@odata.context": entityContext(env, select), ...project(entity, select?.fields) } };
}

function getEntity(req: RouteRequest, env: RouteEnv, id: string): GraphReply {
  rejectUnknownOptions(req.query, ["$select"]);
  return entityReply(200, env, requireEntity(env, id), req.query);
}

function createEntity(req: RouteRequest, env: RouteEnv): GraphReply {
  const body = readEntityBody(req);
  const entity: Entity = { ...project({ id: randomUUID() }), ...body } as Entity;
  env.store.set(entity.id, entity);
  return entityReply(201, env, entity, new URLSearchParams());
}

function patchEntity(req: RouteRequest, env: RouteEnv, id: string): GraphReply {
  const entity = requireEntity(env, id);
  // Complex properties are replaced wholesale on PATCH, as OData specifies; only the top level merges.
  env.store.set(id, { ...entity, ...readEntityBody(req), id });
  return { status: 204 };
}

function deleteEntity(env: RouteEnv, id: string): GraphReply {
  requireEntity(env, id);
  env.store.delete(id);
  return { status: 204 };
}

function uploadClientCertificate(req: RouteRequest, env: RouteEnv, id: string): GraphReply {
  const entity = requireEntity(env, id);
  const body = readJsonObject(req);
  for (const field of ["pkcs12Value", "password"]) {
    if (typeof body[field] !== "string" || body[field] === "") {
      throw new GraphHttpError(400, "Request_BadRequest", `The parameter '${field}' is required and must be a non-empty string.`);
    }
  }
  const now = Date.now();
  const updated: Entity = {
    ...entity,
    authenticationConfiguration: {
      "@odata.type": "#microsoft.graph.clientCertificateAuthentication",
      certificateList: [
        {
          thumbprint: certificateThumbprint(body.pkcs12Value as string),
          notAfter: new Date(now + CERT_LIFETIME_MS).toISOString(),
          notBefore: new Date(now).toISOString(),
          isActive: true,
        },
      ],
    },
  };
  env.store.set(id, updated);
  return entityReply(200, env, updated, new URLSearchParams());
}

function readJsonObject(req: RouteRequest): Record<string, unknown> {
  const unreadable = "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.";
  if (!/^application\/json\b/i.test(req.contentType ?? "")) throw new GraphHttpError(400, "BadRequest", unreadable);
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.rawBody);
  } catch {
    throw new GraphHttpError(400, "BadRequest", unreadable);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new GraphHttpError(400, "BadRequest", "The request payload must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** Validates a POST/PATCH payload the way Graph does: known properties only, key is server-assigned. */
function readEntityBody(req: RouteRequest): Record<string, unknown> {
  const body = readJsonObject(req);
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "@odata.type" && value === ENTITY_TYPE) continue;
    if (key === "id") {
      throw new GraphHttpError(400, "Request_BadRequest", "Property 'id' is read-only and cannot be set.");
    }
    if (!(PROPERTIES as readonly string[]).includes(key)) {
      throw new GraphHttpError(400, "Request_BadRequest", `Invalid property '${key}'.`);
    }
    const expected = key === "authenticationConfiguration" ? "object" : "string";
    if (value !== null && (typeof value !== expected || Array.isArray(value))) {
      throw new GraphHttpError(400, "Request_BadRequest", `Invalid value specified for property '${key}'.`);
    }
    accepted[key] = value;
  }
  return accepted;
}

function listEntities(req: RouteRequest, env: RouteEnv): GraphReply {
  return { status: 200, json: listQuery(req.query, [...env.store.values()], env) };
}
