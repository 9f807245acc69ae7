// Upload sessions for the Graph-like test server: a hook answering POST .../createUploadSession (drive items and
// attachment collections) with an uploadUrl on a separate upload host, and that host, which takes chunked PUTs
// as Graph does (Content-Range in order, 320 KiB multiples), answers GET with nextExpectedRanges, refuses any
// request carrying an Authorization header, and can drop a chosen PUT to show a lost chunk. An attachment's
// session answers as Outlook documents it (concepts/outlook-large-attachments.md at 43b49839): each PUT must be
// `application/octet-stream`, a chunk is answered `200 OK` with the session and a bare `"{start}"` range, the last
// one `201 Created` with the attachment's URL in `Location` and no body.
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
  /** An Outlook attachment's session: the message whose attachment it makes. */
  outlook?: { user: string; message: string };
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
    const name = body.item?.name ?? body.AttachmentItem?.name ?? "file";
    const outlook = /^users\/([^/]+)\/messages\/([^/]+)\/attachments$/.exec(match[1] as string);
    sessions.set(id, { received: Buffer.alloc(0), total: undefined, name, ...(outlook ? { outlook: { user: outlook[1] as string, message: outlook[2] as string } } : {}) });
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
  if (session.outlook && request.headers["content-type"] !== "application/octet-stream") {
    return graphError(400, "InvalidRequest", "Content-Type must be application/octet-stream.");
  }
  session.total = total;
  session.received = Buffer.concat([session.received, request.bytes]);
  if (session.outlook) return outlookAnswer(session, total);
  if (session.received.length < total) return { status: 202, json: { nextExpectedRanges: [`${session.received.length}-`] } };
  session.completed = { id: randomUUID(), name: session.name, size: total };
  return { status: 201, json: session.completed };
}

/** Outlook's answers, as the walkthrough shows them: 200 and the session until the last byte, then 201 and a Location. */
function outlookAnswer(session: UploadSession, total: number): GraphReply {
  const { user, message } = session.outlook!;
  const at = `https://outlook.office.com/api/v2.0/Users('${user}')/Messages('${message}')`;
  if (session.received.length < total) {
    const context = `https://outlook.office.com/api/v2.0/$metadata#Users('${user}')/Messages('${message}')/AttachmentSessions/$entity`;
    return { status: 200, json: { "@odata.context": context, ExpirationDateTime: "2019-09-25T01:09:30.7671707Z", nextExpectedRanges: [`${session.received.length}`] } };
  }
  session.completed = { id: `AAMk${randomUUID().replaceAll("-", "")}=`, name: session.name, size: total };
  return { status: 201, headers: { location: `${at}/Attachments('${session.completed.id}')`, "content-length": "0" }, raw: "" };
}
