// Where `graphgen update` gets the new metadata: a URL (https, or http on this machine only) or a
// local file. Redirects are followed by hand so each hop is checked, the whole download has a
// deadline, and every failure becomes a GraphgenError saying what happened and what to try.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GraphgenError } from "../errors.js";

/** Where Microsoft publishes Graph's metadata (the microsoftgraph/msgraph-metadata repository); `--mirror` replaces it. */
export const MSGRAPH_METADATA = "https://raw.githubusercontent.com/microsoftgraph/msgraph-metadata/master";

/** Microsoft's published clean v1.0 metadata, with descriptions (which become doc comments). */
export const GRAPH_V1_METADATA_URL = `${MSGRAPH_METADATA}/clean_v10_metadata/cleanMetadataWithDescriptionsv1.0.xml`;

/**
 * `--from` short names for the files Microsoft publishes in microsoftgraph/msgraph-metadata: the clean
 * v1.0 and beta files with descriptions, and each national cloud's own v1.0 and beta $metadata
 * (schemas/<version>-<cloud>.csdl: US Government L4/L5 "Fairfax", China "Mooncake", US Nat and Sec,
 * France "Bleu", Germany "Delos", Singapore "GovSG").
 */
export const METADATA_SHORT_NAMES: Readonly<Record<string, string>> = {
  "v1.0": "clean_v10_metadata/cleanMetadataWithDescriptionsv1.0.xml",
  beta: "clean_beta_metadata/cleanMetadataWithDescriptionsbeta.xml",
  ...Object.fromEntries(
    ["Fairfax", "Mooncake", "USNat", "USSec", "Bleu", "Delos", "GovSG"].flatMap((cloud) =>
      ["v1.0", "beta"].map((version) => [`${version}-${cloud.toLowerCase()}`, `schemas/${version}-${cloud}.csdl`]),
    ),
  ),
};

export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface DownloadOptions {
  /** Folder a relative file path is resolved against. */
  readonly cwd: string;
  readonly timeoutMs?: number;
  /** Called as bytes arrive; `total` is undefined when the server sends no Content-Length. */
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** Where short names are fetched from, in place of `MSGRAPH_METADATA`: a mirror of that repository. */
  readonly mirror?: string;
}

export interface MetadataSource {
  readonly bytes: Buffer;
  /** The URL the bytes came from (after redirects), or the file's path. */
  readonly name: string;
}

/** Reads `from`: an http(s) URL, a file: URL, a path, or a short name (`beta`, `v1.0-fairfax`) when no such file exists. */
export async function readMetadataSource(from: string, options: DownloadOptions): Promise<MetadataSource> {
  if (/^https?:\/\//i.test(from)) return download(new URL(from), options);
  const path = from.startsWith("file:") ? fileURLToPath(from) : resolve(options.cwd, from);
  const short = METADATA_SHORT_NAMES[from.toLowerCase()];
  if (!existsSync(path) && short) return download(new URL(`${(options.mirror ?? MSGRAPH_METADATA).replace(/\/+$/, "")}/${short}`), options);
  if (!existsSync(path)) {
    throw new GraphgenError(`metadata file ${from} not found`, {
      hint: `pass --from an existing CSDL file, an https URL, or one of ${Object.keys(METADATA_SHORT_NAMES).join(", ")}`,
    });
  }
  return { bytes: readFileSync(path), name: from };
}

/** https anywhere; plain http only to this machine (a local mirror or a test server), never across a network. */
export function checkAllowedUrl(url: URL, via?: URL): void {
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) return;
  const what = via ? `${via.href} redirects to ${url.href}` : `${url.href} is not https`;
  throw new GraphgenError(`refusing to download metadata: ${what}`, {
    hint: "metadata is fetched over https only (plain http only from 127.0.0.1/localhost); use an https URL or a downloaded file",
  });
}

async function download(start: URL, options: DownloadOptions): Promise<MetadataSource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = start;
  checkAllowedUrl(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await request(url, signal, timeoutMs);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      checkAllowedUrl(next, url);
      url = next;
      continue;
    }
    if (response.status !== 200) {
      throw new GraphgenError(`downloading ${url.href} failed: HTTP ${response.status} ${response.statusText}`.trimEnd(), {
        hint: response.status === 404 ? "check the URL (--from)" : "try again later, or pass --from a downloaded file",
      });
    }
    if (/^text\/html\b/i.test(response.headers.get("content-type") ?? "")) {
      throw new GraphgenError(`${url.href} answered with an HTML page, not CSDL metadata`, {
        hint: "a proxy or login page may be in the way; open the URL in a browser, or pass --from a downloaded file",
      });
    }
    return { bytes: await readBody(response, url, timeoutMs, options.onProgress), name: url.href };
  }
  throw new GraphgenError(`downloading ${start.href} failed: more than ${MAX_REDIRECTS} redirects`, { hint: "check the URL (--from)" });
}

async function request(url: URL, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { redirect: "manual", signal, headers: { accept: "application/xml, text/xml;q=0.9, */*;q=0.1" } });
  } catch (error) {
    throw networkError(error, url, timeoutMs);
  }
}

async function readBody(response: Response, url: URL, timeoutMs: number, onProgress: DownloadOptions["onProgress"]): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const total = Number.isFinite(declared) && response.headers.get("content-encoding") === null ? declared : undefined;
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body ?? []) {
      chunks.push(chunk);
      received += chunk.byteLength;
      onProgress?.(received, total);
    }
  } catch (error) {
    throw networkError(error, url, timeoutMs, received);
  }
  if (total !== undefined && received !== total) {
    throw new GraphgenError(`downloading ${url.href} was cut off after ${received} of ${total} bytes`, { hint: "try again; nothing was changed" });
  }
  return Buffer.concat(chunks);
}

function networkError(error: unknown, url: URL, timeoutMs: number, received?: number): GraphgenError {
  const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.name) : String(error);
  if (cause === "TimeoutError" || cause === "AbortError") {
    return new GraphgenError(`downloading ${url.href} timed out after ${timeoutMs / 1000} s`, { hint: "check the network, raise --timeout, or pass --from a downloaded file" });
  }
  const what = received === undefined ? `could not reach ${url.host}` : `the connection to ${url.host} broke after ${received} bytes`;
  const reason = cause === "ECONNREFUSED" ? "connection refused" : cause === "UND_ERR_SOCKET" || cause === "ECONNRESET" ? "connection closed" : cause === "ENOTFOUND" || cause === "EAI_AGAIN" ? "host not found (offline?)" : cause;
  return new GraphgenError(`downloading ${url.href} failed: ${what} (${reason})`, { hint: "check the network or proxy, or pass --from a downloaded file; nothing was changed" });
}
