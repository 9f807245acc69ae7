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

export interface LargeFileUploadOptions {
  /** Bytes per PUT: a multiple of 320 KiB, as Graph requires, up to 60 MiB. Default 10 x 320 KiB (3.2 MiB). */
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
 * Uploads `content` to an upload session in chunks and resolves to what Graph answers the last one with (the
 * drive item; nothing for an attachment). A chunk that gets no answer or a 5xx/429 is not blindly repeated:
 * the session's `nextExpectedRanges` says where to go on, within the client's retry bounds. A session
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
  if (chunkSize <= 0 || chunkSize % UPLOAD_CHUNK_UNIT !== 0 || chunkSize > MAX_CHUNK) {
    const message = `chunkSize must be a multiple of 320 KiB (${UPLOAD_CHUNK_UNIT} bytes) up to 60 MiB: ${chunkSize}`;
    throw new GraphClientError("invalidUpload", message);
  }
  const total = content instanceof Blob ? content.size : content.byteLength;
  const call = (method: "GET" | "PUT", init: RequestInit = {}) =>
    fetchImpl(url, { ...init, method, redirect: "manual", signal: options.signal ?? null });
  let ranges = session.nextExpectedRanges;
  let waited = 0;
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
      response = await call("PUT", { body, headers: { "content-range": `bytes ${offset}-${end - 1}/${total}` } });
      if (response.status === 200 || response.status === 201) {
        options.onProgress?.({ uploaded: total, total });
        const text = await response.text();
        return text === "" ? undefined : (JSON.parse(text) as T);
      }
      if (response.ok) {
        ranges = ((await response.json()) as UploadSessionInfo).nextExpectedRanges;
        options.onProgress?.({ uploaded: ranges?.length ? rangeStart(ranges) : end, total });
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

/** `"26-"` or `"26-49"`: the first byte Graph still expects. */
function rangeStart(ranges: readonly (string | null)[]): number {
  const start = Number(/^(\d+)-/.exec(ranges[0] ?? "")?.[1]);
  if (!Number.isInteger(start)) {
    throw new GraphClientError("invalidUpload", `the upload session answered an unreadable range: ${ranges[0]}`);
  }
  return start;
}
