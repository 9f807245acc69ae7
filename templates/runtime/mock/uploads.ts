// Upload sessions as Graph runs them: `createUploadSession` answers an `uploadUrl` outside the API path,
// which takes the bytes in order with `Content-Range: bytes a-b/total` and no Authorization header
// (the URL is pre-authenticated). A drive item's answers 202 with `nextExpectedRanges` until the last range,
// then the item; an attachment collection's answers as Outlook does (outlook-large-attachments): each PUT
// `application/octet-stream`, `200 OK` with a bare `"{start}"` range, then `201 Created` with a `Location` only.
import type { Place } from "./resolve.js";
import { DRIVE_ITEM } from "./drive-items.js";
import { collectionHome, contentKey, driveItemAtPathOrNew, findEntity, present, type ServeContext } from "./places.js";
import { MockGraphError, type Entity, type MockReply, type MockRequest } from "./types.js";

/** The URL path upload sessions live under, on the mock's origin. */
export const UPLOAD_PATH = "/mock-upload/";

/** A finished upload: where it was bound and the bytes received. */
export interface CompletedUpload {
  /** The path the session was created on, e.g. `/drives/{drive-id}/items/{driveItem-id}/createUploadSession`. */
  readonly template: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

interface Session {
  readonly place: Place;
  readonly template: string;
  /** The item's name from the session request, for an item the upload creates. */
  readonly name: string | undefined;
  readonly expires: string;
  readonly chunks: Uint8Array[];
  received: number;
}

export class UploadSessions {
  private readonly sessions = new Map<string, Session>();
  readonly completed: CompletedUpload[] = [];

  open(ctx: ServeContext, place: Place, template: string, name: string | undefined): Entity {
    const id = ctx.newId();
    const expires = new Date(ctx.now().getTime() + 24 * 60 * 60 * 1000).toISOString();
    this.sessions.set(id, { place, template, name, expires, chunks: [], received: 0 });
    const origin = ctx.baseUrl.replace(/\/v1\.0$/, "");
    return {
      "@odata.context": `${ctx.baseUrl}/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: `${origin}${UPLOAD_PATH}${id}`,
      expirationDateTime: expires,
      nextExpectedRanges: ["0-"],
    };
  }

  serve(ctx: ServeContext, id: string, request: MockRequest): MockReply {
    const session = this.sessions.get(id);
    if (!session) throw new MockGraphError(404, "itemNotFound", "The upload session was not found or has expired.");
    if (request.headers["authorization"] !== undefined) {
      throw new MockGraphError(
        401,
        "unauthenticated",
        "Upload URLs are pre-authenticated: send no Authorization header.",
      );
    }
    const outlook = session.place.node.kind === "collection";
    // Outlook writes the next expected range as a bare start ("2097152"), OneDrive as an open range ("2097152-").
    const status = () => ({
      expirationDateTime: session.expires,
      nextExpectedRanges: [outlook ? `${session.received}` : `${session.received}-`],
    });
    if (request.method === "GET") return { status: 200, json: status() };
    if (request.method === "DELETE") {
      this.sessions.delete(id);
      return { status: 204 };
    }
    if (request.method !== "PUT")
      throw new MockGraphError(405, "invalidRequest", "Upload URLs take PUT, GET and DELETE.");
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers["content-range"] ?? "");
    const bytes = request.body ?? new Uint8Array();
    const [first, last, total] = range ? [Number(range[1]), Number(range[2]), Number(range[3])] : [NaN, NaN, NaN];
    if (!range || last < first || last >= total || last - first + 1 !== bytes.length) {
      throw new MockGraphError(
        400,
        "invalidRequest",
        "Content-Range must be 'bytes first-last/total' and match the body's length.",
      );
    }
    if (outlook && request.headers["content-type"] !== "application/octet-stream") {
      throw new MockGraphError(400, "InvalidRequest", "Content-Type must be application/octet-stream.");
    }
    if (first !== session.received) {
      throw new MockGraphError(416, "invalidRange", `The next expected range starts at byte ${session.received}.`);
    }
    session.chunks.push(bytes);
    session.received = last + 1;
    if (session.received < total) return { status: outlook ? 200 : 202, json: status() };
    this.sessions.delete(id);
    return this.complete(ctx, session, total);
  }

  /** The bytes become the bound entity's content; the answer is that entity, or a new item's id and size. */
  private complete(ctx: ServeContext, session: Session, total: number): MockReply {
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of session.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    const { place } = session;
    this.completed.push({ template: session.template, path: place.path, bytes });
    if (place.node.kind !== "entity") {
      // The attachment joins its item's attachments; Outlook answers only where it is.
      const id = ctx.newId();
      const attachment = {
        "@odata.type": "#microsoft.graph.fileAttachment",
        id,
        name: session.name ?? null,
        size: total,
      };
      ctx.store.put(collectionHome(ctx, place), id, attachment);
      return { status: 201, headers: { location: `${ctx.baseUrl}${place.path}/${encodeURIComponent(id)}` } };
    }
    // A drive item named by path that does not exist yet is made in its folder (folders too), as Graph does.
    const byPath = place.itemPath !== undefined && ctx.index.isA(place.type, DRIVE_ITEM);
    const existing = findEntity(ctx, place);
    const { found, created } =
      existing || !byPath ? { found: existing, created: !existing } : driveItemAtPathOrNew(ctx, place);
    const entity: Entity = {
      ...(found?.entity ?? { "@odata.type": `#${place.type}`, id: ctx.newId(), name: session.name }),
      size: total,
    };
    const id = encodeURIComponent(String(entity["id"]));
    if (found) found.save(entity);
    // A new item named by a key joins its collection under its own id.
    else if (place.parent) ctx.store.put(place.parent.path, String(entity["id"]), entity);
    else ctx.store.putSingle(place.path, entity);
    const home = found?.home ?? (place.parent ? `${place.parent.path}/${id}` : place.path);
    ctx.store.setStream(contentKey(ctx, place.type, home), bytes);
    return { status: created ? 201 : 200, json: present(ctx, place, entity) };
  }

  clear(): void {
    this.sessions.clear();
    this.completed.length = 0;
  }
}
