// Drive and report routes of the test server, kept for what the generated fake Graph does not do: drive items
// by path with binary content, and downloads that Graph answers with 302 to a pre-authenticated URL on which
// the client must not send its token. Directory objects, $ref, $count, casts and photos are the fake Graph's.
import { randomUUID } from "node:crypto";
import { GraphHttpError } from "./graph-server-query.js";
import type { GraphReply, RouteEnv, RouteRequest } from "./graph-server-routes.js";

export interface DriveFile {
  id: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What the drive and report routes keep. */
export class DriveStore {
  /** `driveId:/a/b.txt` -> file. */
  readonly files = new Map<string, DriveFile>();
  /** Download tokens (the pre-authenticated URLs) -> file. */
  readonly downloads = new Map<string, DriveFile>();

  clear(): void {
    for (const map of [this.files, this.downloads]) map.clear();
  }
}

/** Answers the drive and report paths, or undefined for paths it does not know. */
export function routeDriveRequest(req: RouteRequest, env: RouteEnv, store: DriveStore, segments: string[]): GraphReply | undefined {
  const [root, id, ...rest] = segments;
  if (root === "drives" && id !== undefined) return driveRoute(req, env, store, id, rest);
  // The signed-in user's drive; the test server's "me" owns the drive called "me".
  if (root === "me" && id === "drive") return driveRoute(req, env, store, "me", rest);
  if (root === "reports" && id === "getOffice365ActivationCounts" && rest.length === 0) return reportRoute(env, store);
  if (root === "deviceManagement" && id === "reports" && rest[0] === "getCachedReport" && req.method === "POST") return cachedReportRoute(req);
  return undefined;
}

/**
 * `/drives/{id}/items/{id}[/content]` and `/drives/{id}/root:/a/b.txt:[/content]`: the path arrives in
 * segments, `root:` first and the last name ending in `:`. An item is read, renamed (PATCH) and deleted.
 */
function driveRoute(req: RouteRequest, env: RouteEnv, store: DriveStore, driveId: string, rest: string[]): GraphReply {
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
  const entry = () => [...store.files].find(([, f]) => f === file)![0];
  // Renaming keeps the item where it is (its key in the store); a move would change parentReference.
  if (tail.length === 0 && req.method === "PATCH") {
    const { name } = JSON.parse(req.rawBody) as { name?: string };
    const renamed = { ...file, name: name ?? file.name };
    store.files.set(entry(), renamed);
    return { status: 200, json: driveItem(renamed) };
  }
  if (tail.length === 0 && req.method === "DELETE") {
    store.files.delete(entry());
    return { status: 204 };
  }
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
function reportRoute(env: RouteEnv, store: DriveStore): GraphReply {
  const token = randomUUID();
  const csv = "\ufeffReport Refresh Date,Product Type,Windows\r\n2026-11-28,MICROSOFT 365 APPS,7\r\n";
  store.downloads.set(token, { id: token, name: "report.csv", contentType: "application/octet-stream", bytes: new TextEncoder().encode(csv) });
  return { status: 302, headers: { location: `${env.baseUrl.replace(/\/v1\.0$/, "")}/download/${token}` } };
}

/**
 * Intune's report actions (POST, parameters as JSON) answer with the report's content itself: here the
 * report `id` sent, and a byte no text decoding keeps, so the test sees both the body sent and bytes as sent.
 */
function cachedReportRoute(req: RouteRequest): GraphReply {
  if (req.contentType !== "application/json") throw new GraphHttpError(415, "UnsupportedMediaType", "The request body must be JSON.");
  const { id } = JSON.parse(req.rawBody) as { id?: string };
  const bytes = new Uint8Array([...new TextEncoder().encode(`{"id":"${id}"}`), 0xff]);
  return { status: 200, bytes, headers: { "content-type": "application/octet-stream" } };
}

/** The pre-authenticated download URL: no token needed (and none must be sent). */
export function routeDownload(store: DriveStore, token: string): GraphReply {
  const file = store.downloads.get(token);
  if (!file) return { status: 404, raw: "", headers: { "content-type": "text/plain" } };
  return { status: 200, bytes: file.bytes, headers: { "content-type": file.contentType } };
}
