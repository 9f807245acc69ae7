// Directory and drive routes of the test server, for the client's non-contained navigation: group members and
// user memberOf (with type casts and $count, which need `ConsistencyLevel: eventual` as in Graph), `$ref` to add
// and remove members and to set and clear a manager, a user's photo as `$value`, and drive items by id and by
// path with binary content (downloads answer 302 to a pre-authenticated URL, as Graph does).
import { randomUUID } from "node:crypto";
import { GraphHttpError } from "./graph-server-query.js";
import type { GraphReply, RouteEnv, RouteRequest } from "./graph-server-routes.js";

export interface DirectoryObject {
  id: string;
  "@odata.type": "#microsoft.graph.user" | "#microsoft.graph.group" | "#microsoft.graph.servicePrincipal";
  displayName: string;
}

export interface DriveFile {
  id: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What the directory and drive routes keep; tests seed it through `GraphServer.directory`. */
export class DirectoryStore {
  readonly objects = new Map<string, DirectoryObject>();
  /** Group id -> member ids, in insertion order. */
  readonly members = new Map<string, Set<string>>();
  /** User id -> manager id. */
  readonly managers = new Map<string, string>();
  readonly photos = new Map<string, { contentType: string; bytes: Uint8Array }>();
  /** `driveId:/a/b.txt` -> file. */
  readonly files = new Map<string, DriveFile>();
  /** Download tokens (the pre-authenticated URLs) -> file. */
  readonly downloads = new Map<string, DriveFile>();

  add(object: DirectoryObject): DirectoryObject {
    this.objects.set(object.id, object);
    if (object["@odata.type"] === "#microsoft.graph.group" && !this.members.has(object.id)) this.members.set(object.id, new Set());
    return object;
  }

  clear(): void {
    for (const map of [this.objects, this.members, this.managers, this.photos, this.files, this.downloads]) map.clear();
  }
}

const notFound = (what: string) =>
  new GraphHttpError(404, "Request_ResourceNotFound", `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`);

/** Answers the directory and drive paths, or undefined for paths it does not know. */
export function routeDirectoryRequest(req: RouteRequest, env: RouteEnv, store: DirectoryStore, segments: string[]): GraphReply | undefined {
  const [root, id, ...rest] = segments;
  if (root === "drives" && id !== undefined) return driveRoute(req, env, store, id, rest);
  // The signed-in user's drive; the test server's "me" owns the drive called "me".
  if (root === "me" && id === "drive") return driveRoute(req, env, store, "me", rest);
  if (root === "reports" && id === "getOffice365ActivationCounts" && rest.length === 0) return reportRoute(env, store);
  if (root !== "users" && root !== "groups") return undefined;
  if (id === "$count") return count(req, [...store.objects.values()].filter((o) => o["@odata.type"] === `#microsoft.graph.${root.slice(0, -1)}`));
  if (id === undefined) return undefined;
  const owner = store.objects.get(id);
  if (!owner) throw notFound(id);
  const [nav, ...tail] = rest;
  if (root === "groups" && nav === "members") return collectionRoute(req, env, store, tail, [...(store.members.get(id) ?? [])], store.members.get(id));
  if (root === "users" && nav === "memberOf") {
    const groups = [...store.members].filter(([, members]) => members.has(id)).map(([group]) => group);
    return collectionRoute(req, env, store, tail, groups, undefined);
  }
  if (root === "users" && nav === "manager") return managerRoute(req, env, store, id, tail);
  if (root === "users" && nav === "photo" && tail[0] === "$value") return photoRoute(req, store, id);
  return undefined;
}

/** `.../members`, `/$count`, `/$ref`, `/{id}/$ref`, `/microsoft.graph.user[/$count]`. */
function collectionRoute(req: RouteRequest, env: RouteEnv, store: DirectoryStore, tail: string[], ids: string[], references: Set<string> | undefined): GraphReply {
  let objects = ids.map((id) => store.objects.get(id)).filter((o): o is DirectoryObject => o !== undefined);
  const [first, second, third] = tail;
  if (first?.startsWith("microsoft.graph.")) {
    objects = objects.filter((o) => o["@odata.type"] === `#${first}`);
    tail = tail.slice(1);
    if (tail.length === 0) return page(req, objects);
    if (tail[0] === "$count" && tail.length === 1) return count(req, objects);
    throw new GraphHttpError(404, "Request_ResourceNotFound", "Unknown segment after the type cast.");
  }
  if (first === undefined) return page(req, objects);
  if (first === "$count" && second === undefined) return count(req, objects);
  if (first === "$ref" && second === undefined && references && req.method === "POST") {
    const target = referencedId(req, env, store);
    if (references.has(target)) {
      throw new GraphHttpError(400, "Request_BadRequest", "One or more added object references already exist for the following modified properties: 'members'.");
    }
    references.add(target);
    return { status: 204 };
  }
  if (second === "$ref" && third === undefined && references && req.method === "DELETE") {
    if (!references.delete(first)) throw notFound(first);
    return { status: 204 };
  }
  if (second === undefined && req.method === "GET") {
    const object = objects.find((o) => o.id === first);
    if (!object) throw notFound(first);
    return { status: 200, json: object };
  }
  throw new GraphHttpError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
}

function managerRoute(req: RouteRequest, env: RouteEnv, store: DirectoryStore, userId: string, tail: string[]): GraphReply {
  if (tail.length === 0 && req.method === "GET") {
    const manager = store.objects.get(store.managers.get(userId) ?? "");
    if (!manager) throw notFound("manager");
    return { status: 200, json: manager };
  }
  if (tail[0] === "$ref" && tail.length === 1 && req.method === "PUT") {
    store.managers.set(userId, referencedId(req, env, store));
    return { status: 204 };
  }
  if (tail[0] === "$ref" && tail.length === 1 && req.method === "DELETE") {
    if (!store.managers.delete(userId)) throw notFound("manager");
    return { status: 204 };
  }
  throw new GraphHttpError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
}

/** The `@odata.id` of a `$ref` body: an absolute URL of a directory object on this server, as Graph requires. */
function referencedId(req: RouteRequest, env: RouteEnv, store: DirectoryStore): string {
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    body = undefined;
  }
  const odataId = (body as { "@odata.id"?: unknown } | undefined)?.["@odata.id"];
  const prefix = `${env.baseUrl}/directoryObjects/`;
  if (!/^application\/json\b/i.test(req.contentType ?? "") || typeof odataId !== "string" || !odataId.startsWith(prefix)) {
    throw new GraphHttpError(400, "Request_BadRequest", "Invalid object identifier in the @odata.id of the request body.");
  }
  const id = decodeURIComponent(odataId.slice(prefix.length));
  if (!store.objects.has(id)) throw notFound(id);
  return id;
}

/** `$count` answers text/plain, and only with `ConsistencyLevel: eventual` on directory objects. */
function count(req: RouteRequest, objects: readonly DirectoryObject[]): GraphReply {
  if (req.consistencyLevel !== "eventual") {
    throw new GraphHttpError(400, "Request_BadRequest", "$count is not currently supported.");
  }
  return { status: 200, raw: String(objects.length), headers: { "content-type": "text/plain" } };
}

function page(req: RouteRequest, objects: readonly DirectoryObject[]): GraphReply {
  if (req.method !== "GET") throw new GraphHttpError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
  return { status: 200, json: { value: objects } };
}

function photoRoute(req: RouteRequest, store: DirectoryStore, userId: string): GraphReply {
  if (req.method === "PUT") {
    store.photos.set(userId, { contentType: req.contentType ?? "", bytes: req.bytes });
    return { status: 200 };
  }
  const photo = store.photos.get(userId);
  if (!photo) throw new GraphHttpError(404, "ImageNotFound", "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
  return { status: 200, bytes: photo.bytes, headers: { "content-type": photo.contentType } };
}

/**
 * `/drives/{id}/items/{id}[/content]` and `/drives/{id}/root:/a/b.txt:[/content]`: the path arrives in
 * segments, `root:` first and the last name ending in `:`.
 */
function driveRoute(req: RouteRequest, env: RouteEnv, store: DirectoryStore, driveId: string, rest: string[]): GraphReply {
  let file: DriveFile | undefined;
  let key: string | undefined;
  let tail: string[];
  if (rest[0] === "root:") {
    const end = rest.findIndex((s, i) => i > 0 && s.endsWith(":"));
    if (end < 0) throw new GraphHttpError(400, "invalidRequest", "The path must end with ':'.");
    key = `${driveId}:/${[...rest.slice(1, end), rest[end]!.slice(0, -1)].join("/")}`;
    file = store.files.get(key);
    tail = rest.slice(end + 1);
  } else if (rest[0] === "items" && rest[1] !== undefined) {
    file = [...store.files.values()].find((f) => f.id === rest[1]);
    if (!file) throw new GraphHttpError(404, "itemNotFound", "The resource could not be found.");
    tail = rest.slice(2);
  } else {
    return { status: 404, error: { code: "itemNotFound", message: "The resource could not be found." } };
  }
  if (tail[0] === "content" && tail.length === 1 && req.method === "PUT") {
    const name = (key ?? file!.name).split("/").at(-1)!;
    const stored: DriveFile = { id: file?.id ?? randomUUID(), name, contentType: req.contentType ?? "application/octet-stream", bytes: req.bytes };
    store.files.set(key ?? [...store.files].find(([, f]) => f === file)![0], stored);
    return { status: file ? 200 : 201, json: driveItem(stored) };
  }
  if (!file) throw new GraphHttpError(404, "itemNotFound", "The resource could not be found.");
  if (tail.length === 0 && req.method === "GET") return { status: 200, json: driveItem(file) };
  if (tail[0] === "content" && tail.length === 1 && req.method === "GET") {
    const token = randomUUID();
    store.downloads.set(token, file);
    return { status: 302, headers: { location: `${env.baseUrl.replace(/\/v1\.0$/, "")}/download/${token}` } };
  }
  throw new GraphHttpError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
}

function driveItem(file: DriveFile): Record<string, unknown> {
  return { id: file.id, name: file.name, size: file.bytes.length, file: { mimeType: file.contentType } };
}

/** Graph's reports answer 302 to a CSV at a pre-authenticated URL. */
function reportRoute(env: RouteEnv, store: DirectoryStore): GraphReply {
  const token = randomUUID();
  const csv = "\ufeffReport Refresh Date,Product Type,Windows\r\n2026-11-28,MICROSOFT 365 APPS,7\r\n";
  store.downloads.set(token, { id: token, name: "report.csv", contentType: "application/octet-stream", bytes: new TextEncoder().encode(csv) });
  return { status: 302, headers: { location: `${env.baseUrl.replace(/\/v1\.0$/, "")}/download/${token}` } };
}

/** The pre-authenticated download URL: no token needed (and none must be sent). */
export function routeDownload(store: DirectoryStore, token: string): GraphReply {
  const file = store.downloads.get(token);
  if (!file) return { status: 404, raw: "", headers: { "content-type": "text/plain" } };
  return { status: 200, bytes: file.bytes, headers: { "content-type": file.contentType } };
}
