// XML well-formedness, checked by fast-xml-parser's validator. A large document is checked on a
// worker thread while the main thread parses it, so on two cores the check costs no wall time;
// the API stays synchronous (the caller blocks on Atomics.wait only if the worker is still busy). The
// metadata graphgen ships is known to be well-formed (test/csdl/parse.test.ts checks it), so it is not checked again.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Worker } from "node:worker_threads";
import { XMLValidator } from "fast-xml-parser";

export type WellFormedVerdict = true | { msg: string; line: number; col: number };

export interface PendingCheck {
  /** The verdict, waiting for the worker if needed. */
  result(): WellFormedVerdict;
}

/**
 * Files whose verdict is known: the shipped Graph v1.0 metadata (`metadata/v1.0-cleanMetadata.xml`), by its
 * length in bytes and sha256. The check cannot fail on those exact bytes, and it is a tenth of a second of CPU
 * plus a worker's start-up on every generation that reads it; any other file (an edit, a download) is checked.
 */
export const KNOWN_WELL_FORMED: ReadonlyMap<number, string> = new Map([
  [3517196, "79b90dfb12d57adecfa110069397ed7003719e713840a9f885ae946fd9ee6e6b"],
]);

/** True for the exact bytes of a file listed in `KNOWN_WELL_FORMED` (hashed only when the length matches). */
export function isKnownWellFormed(bytes: Uint8Array): boolean {
  const known = KNOWN_WELL_FORMED.get(bytes.length);
  return known !== undefined && createHash("sha256").update(bytes).digest("hex") === known;
}

/** Below this size a worker's start-up costs more than it saves. */
const PARALLEL_FROM_CHARS = 256 * 1024;
const RESULT_BYTES = 16 * 1024;
const WORKER_TIMEOUT_MS = 60_000;

// Runs as a CommonJS worker from source text, so it works from dist/ and from the TypeScript sources alike.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { text, shared, parserPath } = workerData;
const state = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);
let out = "null";
try {
  const verdict = require(parserPath).XMLValidator.validate(text);
  out = JSON.stringify(verdict === true ? true : { msg: verdict.err.msg, line: verdict.err.line, col: verdict.err.col });
} catch {}
const encoded = new TextEncoder().encode(out);
if (encoded.length <= bytes.length) { bytes.set(encoded); state[1] = encoded.length; }
Atomics.store(state, 0, 1);
Atomics.notify(state, 0);
`;

export function checkWellFormed(text: string): WellFormedVerdict {
  const verdict = XMLValidator.validate(text);
  return verdict === true ? true : { msg: verdict.err.msg, line: verdict.err.line, col: verdict.err.col };
}

/** Checks `text` (decoded from `bytes`), on a worker thread when it is large; known files are not checked. */
export function startWellFormedCheck(text: string, bytes: Uint8Array): PendingCheck {
  if (isKnownWellFormed(bytes)) return { result: () => true };
  if (text.length < PARALLEL_FROM_CHARS) {
    const verdict = checkWellFormed(text);
    return { result: () => verdict };
  }
  const shared = new SharedArrayBuffer(8 + RESULT_BYTES);
  const state = new Int32Array(shared, 0, 2);
  let worker: Worker;
  try {
    const require = createRequire(import.meta.url);
    // Loaded here, not at start-up: a run that reads only the shipped metadata never starts a worker.
    const { Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
    const parserPath = require.resolve("fast-xml-parser");
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { text, shared, parserPath } });
    worker.unref();
  } catch {
    const verdict = checkWellFormed(text);
    return { result: () => verdict };
  }
  return {
    result() {
      const waited = Atomics.wait(state, 0, 0, WORKER_TIMEOUT_MS);
      const length = state[1] ?? 0;
      void worker.terminate();
      if (waited === "timed-out" || length === 0) return checkWellFormed(text);
      const decoded = JSON.parse(new TextDecoder().decode(new Uint8Array(shared, 8, length))) as WellFormedVerdict | null;
      return decoded ?? checkWellFormed(text);
    },
  };
}
