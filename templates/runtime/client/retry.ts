// When and how long the client waits before sending a request again: Graph's throttling answers (429, 503, 504
// with Retry-After), answers that never came (reset, refused), and the bounds on both. The transport and the
// upload use it.
import type { GraphClientOptions, RetryOptions } from "./runtime.js";

/** The retry bounds with their defaults: the transport's, and the upload's for its chunks. */
export const retryBounds = (options: GraphClientOptions): Required<RetryOptions> => {
  return {
    maxRetries: 3,
    maxTotalDelayMs: 60_000,
    baseDelayMs: 1000,
    ...(options.retry === false ? { maxRetries: 0 } : options.retry),
  };
};

/** `ECONNRESET: other side closed`: what undici and browsers put in a failed fetch's cause, never a header. */
export const networkReason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  return cause?.code
    ? `${cause.code}: ${cause.message}`
    : String(cause?.message ?? (error as Error | undefined)?.message);
};

export const RETRIABLE: readonly number[] = [429, 503, 504];
/** Methods safe to send again when no answer came back: the first may or may not have reached Graph. */
export const IDEMPOTENT: readonly string[] = ["GET", "PUT", "DELETE"];

/** Retry-After in seconds or as an HTTP date; else exponential back-off. */
export const retryDelay = (response: Response | undefined, attempt: number, baseDelayMs: number): number => {
  const header = response?.headers.get("retry-after");
  const seconds = Number(header);
  const delay = !header ? NaN : seconds >= 0 ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(delay) ? baseDelayMs * 2 ** attempt : Math.max(0, delay);
};

export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> => {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    // Whichever comes first, the time or the abort, ends the wait and removes the other.
    const end = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", end);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(end, ms);
    signal?.addEventListener("abort", end);
  });
};
