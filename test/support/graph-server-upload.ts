// Upload sessions for the Graph-like test server: a hook answering POST .../createUploadSession (drive items and
// attachment collections) with an uploadUrl on a separate upload host, and that host, which takes chunked PUTs
// as Graph does (Content-Range in order, 320 KiB multiples), answers GET with nextExpectedRanges, refuses any
// request carrying an Authorization header, and can drop a chosen PUT to show a lost chunk.
import { randomUUID } from "node:crypto";
import type { CaptureServer, GraphReply, HookReply, LoggedRequest, ServerHook } from "./graph-server.js";
import { graphError, startCaptureServer } from "./graph-server.js";

const UNIT = 320 * 1024;

export interface UploadSession {
  /** Bytes received in order, so far. */
  received: Buffer;
  total: number | undefined;
  /** The item the last chunk created. */
  completed?: Record<string, unknown>;
  name: string;
}

export interface UploadHost {
  readonly host: CaptureServer;
  readonly sessions: Map<string, UploadSession>;
  /** Answers createUploadSession on the Graph server. */
  readonly hook: ServerHook;
  /** Drop the connection, without storing anything, on these PUTs (1-based, counted over the host's life). */
  readonly dropPuts: Set<number>;
  /** Requests that carried an Authorization header: there must be none. */
  readonly authorized: LoggedRequest[];
  close(): Promise<void>;
}

export async function startUploadHost(): Promise<UploadHost> {
  const sessions = new Map<string, UploadSession>();
  const authorized: LoggedRequest[] = [];
  let puts = 0;
  const dropPuts = new Set<number>();
  const host = await startCaptureServer({
    reply: (request) => {
      if (request.headers.authorization !== undefined) {
        authorized.push(request);
        return graphError(401, "InvalidAuthenticationToken", "An upload URL is pre-authenticated: no Authorization header.");
      }
      const session = sessions.get(request.path.replace(/^\/upload\//, ""));
      if (!session) return graphError(404, "itemNotFound", "The upload session was not found.");
      if (request.method === "GET") return statusReply(session);
      if (request.method !== "PUT") return graphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
      puts += 1;
      return dropPuts.has(puts) ? "reset" : putChunk(session, request);
    },
  });
  const hook: ServerHook = (request) => {
    const match = /^\/v1\.0\/(drives\/[^/]+\/items\/[^/]+|users\/[^/]+\/messages\/[^/]+\/attachments)\/createUploadSession$/.exec(request.path);
    if (!match || request.method !== "POST") return undefined;
    const body = (request.body ?? {}) as { item?: { name?: string }; AttachmentItem?: { name?: string } };
    const id = randomUUID();
    sessions.set(id, { received: Buffer.alloc(0), total: undefined, name: body.item?.name ?? body.AttachmentItem?.name ?? "file" });
    const expirationDateTime = new Date(Date.now() + 3_600_000).toISOString();
    return { status: 200, json: { uploadUrl: `${host.origin}/upload/${id}`, expirationDateTime, nextExpectedRanges: ["0-"] } };
  };
  return { host, sessions, hook, dropPuts, authorized, close: () => host.close() };
}

function statusReply(session: UploadSession): GraphReply {
  return { status: 200, json: { expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: [`${session.received.length}-`] } };
}

function putChunk(session: UploadSession, request: LoggedRequest): HookReply {
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(request.headers["content-range"] ?? ""));
  if (!range) return graphError(400, "invalidRequest", "Content-Range must be 'bytes start-end/total'.");
  const [start, end, total] = range.slice(1).map(Number) as [number, number, number];
  if (end - start + 1 !== request.bytes.length) return graphError(400, "invalidRequest", "The body length does not match Content-Range.");
  if (start !== session.received.length) return graphError(416, "invalidRange", `Expected the range to start at ${session.received.length}.`);
  if (end + 1 < total && request.bytes.length % UNIT !== 0) return graphError(400, "invalidRequest", "A chunk must be a multiple of 320 KiB.");
  session.total = total;
  session.received = Buffer.concat([session.received, request.bytes]);
  if (session.received.length < total) return { status: 202, json: { nextExpectedRanges: [`${session.received.length}-`] } };
  session.completed = { id: randomUUID(), name: session.name, size: total };
  return { status: 201, json: session.completed };
}
