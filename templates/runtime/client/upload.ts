// Large file upload: the chunked PUTs to an upload session's URL (from `createUploadSession` on a drive item or
// an attachment collection). That URL is pre-authenticated and on another host, so the bearer token is never
// sent to it: the PUTs go through the client's fetch, not its transport. Only code importing this bundles it.
import { GraphClientError, type GraphError } from "./errors.js";
import type { GraphTransport, OperationSpec } from "./runtime.js";
import { networkReason, RETRIABLE, retryBounds, retryDelay, sleep } from "./retry.js";
import { graphError, isSecure } from "./runtime.js";

/** What `createUploadSession` returns; a saved `{ uploadUrl }` is enough to resume. */
export interface UploadSessionInfo {
  uploadUrl?: string | null;
  nextExpectedRanges?: readonly (string | null)[] | null;
  expirationDateTime?: string | null;
}

export interface UploadProgress {
  /** Bytes Graph has confirmed. */
  readonly uploaded: number;
  readonly total: number;
}

/**
 * What an Outlook attachment upload resolves to: its last `PUT` answers `201 Created` with no body and the new
 * attachment's URL in `Location` (outlook-large-attachments: "You can get the attachment ID from the URL").
 */
export interface UploadedAttachment {
  /** The attachment's id, read from the `Location` URL's last `Attachments('...')` segment. */
  readonly id: string;
  readonly location: string;
}

export interface LargeFileUploadOptions {
  /** Bytes per PUT: a multiple of 320 KiB, as Graph requires, less than 60 MiB. Default 10 x 320 KiB (3.2 MiB). */
  chunkSize?: number;
  /** Called after each chunk Graph accepts. */
  onProgress?: (progress: UploadProgress) => void;
  /** Stops between or during chunks; the session stays open, so the upload can be resumed from its URL. */
  signal?: AbortSignal;
}

/** Graph's unit for upload chunks: every chunk but the last must be a multiple of it. */
export const UPLOAD_CHUNK_UNIT: number = 320 * 1024;
const MAX_CHUNK = 60 * 1024 * 1024;

/**
 * Uploads `content` to an upload session in chunks and resolves to what Graph answers the last one with: the
 * drive item (`uploadLargeFile<DriveItem>`), or for an Outlook attachment, whose last answer is `201 Created`
 * with only a `Location`, an `UploadedAttachment` (`uploadLargeFile<UploadedAttachment>`). An answer that is an
 * upload session (OneDrive's `202`, Outlook's `200 OK` with `nextExpectedRanges`) is not the end. Every `PUT` is
 * `application/octet-stream`, as both services require. A chunk that gets no answer or a 5xx/429 is not blindly
 * repeated: the session's `nextExpectedRanges` says where to go on, within the client's retry bounds. A session
 * without `nextExpectedRanges` (a saved URL) is asked first, so an interrupted upload resumes where it stopped.
 */
export async function uploadLargeFile<T = unknown>(
  graph: { readonly transport: GraphTransport },
  session: UploadSessionInfo,
  content: Uint8Array | Blob,
  options: LargeFileUploadOptions = {},
): Promise<T | undefined> {
  const { fetch: fetchImpl = globalThis.fetch } = graph.transport.options;
  const retry = retryBounds(graph.transport.options);
  const url = uploadUrl(session);
  const chunkSize = options.chunkSize ?? 10 * UPLOAD_CHUNK_UNIT;
  // driveitem-createuploadsession: "Each chunk MUST be less than 60 MiB"; a multiple of 320 KiB.
  if (chunkSize <= 0 || chunkSize % UPLOAD_CHUNK_UNIT !== 0 || chunkSize >= MAX_CHUNK) {
    const limits = `a multiple of 320 KiB (${UPLOAD_CHUNK_UNIT} bytes) less than 60 MiB`;
    throw new GraphClientError("invalidUpload", `chunkSize must be ${limits}: ${chunkSize}`);
  }
  const total = content instanceof Blob ? content.size : content.byteLength;
  const call = (method: "GET" | "PUT", init: RequestInit = {}) =>
    fetchImpl(url, { ...init, method, redirect: "manual", signal: options.signal ?? null });
  let ranges = session.nextExpectedRanges;
  let waited = 0;
  let reported = -1;
  // Each figure once (a resumed chunk may confirm the same bytes again), `total` only with the last answer.
  const report = (uploaded: number) => {
    if (uploaded === reported) return;
    reported = uploaded;
    options.onProgress?.({ uploaded, total });
  };
  for (let failures = 0; ;) {
    let failure: GraphError | GraphClientError | undefined;
    let response: Response | undefined;
    try {
      const offset = ranges?.length ? rangeStart(ranges) : rangeStart(await status(call, total));
      if (offset >= total) {
        const message = "the upload session expects no more bytes, yet Graph never confirmed the upload";
        throw new GraphClientError("invalidUpload", message);
      }
      const end = Math.min(offset + chunkSize, total);
      const body = content.slice(offset, end);
      const headers = {
        "content-range": `bytes ${offset}-${end - 1}/${total}`,
        "content-type": "application/octet-stream",
      };
      response = await call("PUT", { body, headers });
      if (response.ok) {
        const text = await response.text();
        const answer = text === "" ? undefined : (JSON.parse(text) as unknown);
        const next = sessionRanges(answer);
        if (next === undefined && response.status !== 202) {
          report(total);
          return (answer ?? attachment(response)) as T | undefined;
        }
        ranges = next;
        // A session that lists no ranges is asked where it stands, as after a failure.
        const confirmed = ranges?.length ? rangeStart(ranges) : undefined;
        if (confirmed !== undefined && confirmed < total) report(confirmed);
        failures = 0;
        continue;
      }
      failure = await graphError(UPLOAD_CHUNK, response);
    } catch (cause) {
      if (options.signal?.aborted || !(cause instanceof TypeError)) throw cause;
      failure = new GraphClientError("networkError", `PUT upload URL: no answer (${networkReason(cause)})`);
    }
    // Where to go on is asked again: the failed chunk may have been stored in part, or not at all.
    ranges = undefined;
    // 416: the session holds other bytes than we thought (a chunk stored though its answer was lost).
    const retriable =
      !response || RETRIABLE.includes(response.status) || response.status >= 500 || response.status === 416;
    const delay =
      retriable && failures < retry.maxRetries ? retryDelay(response, failures, retry.baseDelayMs) : undefined;
    if (delay === undefined || waited + delay > retry.maxTotalDelayMs) throw failure;
    failures++;
    waited += delay;
    await sleep(delay, options.signal);
  }
}

const UPLOAD_CHUNK: OperationSpec = { method: "PUT", template: "upload URL" };
const UPLOAD_STATUS: OperationSpec = { method: "GET", template: "upload URL" };

/** The session's URL, which must be https (plain http on loopback only): it carries its own credentials. */
function uploadUrl(session: UploadSessionInfo): string {
  let url: URL | undefined;
  try {
    url = new URL(session.uploadUrl ?? "");
  } catch {
    // Reported below.
  }
  if (!url || !isSecure(url)) {
    const message = "the upload session has no uploadUrl, or one that is not https (plain http on loopback only)";
    throw new GraphClientError("invalidUpload", message);
  }
  return url.href;
}

/** The session's `nextExpectedRanges`, asked for after a failure or for a saved session. */
async function status(call: (method: "GET") => Promise<Response>, total: number): Promise<readonly (string | null)[]> {
  const response = await call("GET");
  if (!response.ok) throw await graphError(UPLOAD_STATUS, response);
  const ranges = ((await response.json()) as UploadSessionInfo).nextExpectedRanges;
  return ranges?.length ? ranges : [`${total}-`];
}

/** The ranges of an answer that is an upload session (not yet the end); undefined for anything else. */
function sessionRanges(answer: unknown): readonly (string | null)[] | undefined {
  if (typeof answer !== "object" || answer === null || "id" in answer) return undefined;
  const ranges = (answer as UploadSessionInfo).nextExpectedRanges;
  return Array.isArray(ranges) ? ranges : undefined;
}

/** Outlook's last answer: 201 with the new attachment's URL in `Location` and no body. */
function attachment(response: Response): UploadedAttachment | undefined {
  const location = response.headers.get("location");
  if (location === null) return undefined;
  const id = /Attachments\('([^']*)'\)[^/]*$/i.exec(location)?.[1] ?? location.slice(location.lastIndexOf("/") + 1);
  return { id: decodeURIComponent(id), location };
}

/** `"26-"`, `"26-49"` or Outlook's bare `"26"`: the first byte Graph still expects. */
function rangeStart(ranges: readonly (string | null)[]): number {
  const start = Number(/^(\d+)(?:-|$)/.exec(ranges[0] ?? "")?.[1]);
  if (!Number.isInteger(start)) {
    throw new GraphClientError("invalidUpload", `the upload session answered an unreadable range: ${ranges[0]}`);
  }
  return start;
}
