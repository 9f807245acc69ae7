// The client's only moving part: builds URLs, attaches the token (to the base URL's origin only),
// validates bodies, retries throttling, follows pages and turns Graph errors into GraphError.
// No dependencies: it uses the global (or given) fetch. Request builders call `send` and `listAll`.
import { GraphValidationError, type ValidationIssue } from "../runtime/validation.js";
import { GraphClientError, GraphError } from "./errors.js";
import { IDEMPOTENT, networkReason, RETRIABLE, retryBounds, retryDelay, sleep } from "./retry.js";
import type { PermissionCheck } from "./token-permissions.js";

export const DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
const JSON_MEDIA_TYPE = "application/json";
/** The header that carries our id of a call (and Graph's echo of it): what a support ticket quotes. */
const CLIENT_REQUEST_ID = "client-request-id";

export type ValidationMode = "create" | "update" | "read";
export type Validator = (
  value: unknown,
  options?: { mode?: ValidationMode },
) => { ok: true } | { ok: false; errors: ValidationIssue[] };

/** What a request builder knows about one operation. */
export interface OperationSpec {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** `/identity/apiConnectors/{identityApiConnector-id}`: used in errors and permission messages. */
  readonly template: string;
  /** Validates the request body: in `update` mode for PATCH, else `create`. */
  readonly body?: Validator;
  /** Validates the response (an entity, or each item of a collection) in `read` mode. */
  readonly result?: Validator;
  readonly collection?: boolean;
}

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** The most time spent waiting across all retries of one request; a longer Retry-After fails at once. Default 60000. */
  maxTotalDelayMs?: number;
  /** First back-off when Graph sends no Retry-After; doubled on each retry. Default 1000. */
  baseDelayMs?: number;
}

export interface GraphClientOptions {
  /** Returns a bearer token for Graph; called before every request, so cache in it. */
  getAccessToken: () => string | Promise<string>;
  /** Default https://graph.microsoft.com/v1.0. Must be https, except on a loopback address. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Retry on 429/503/504 honouring Retry-After; `false` turns it off. */
  retry?: RetryOptions | false;
  /** Validate request bodies (default), also responses in `read` mode (`all`), or nothing. */
  validate?: "requests" | "all" | "none";
  /**
   * Compares the token's `scp`/`roles` with the operation's permissions before calling: pass
   * `permissionCheck("warn" | "error")` from `./token-permissions.js`. Default: off.
   */
  checkPermissions?: PermissionCheck;
}

/** Request headers; `ConsistencyLevel: "eventual"` enables `$count`/`$search` on directory objects. */
export type RequestHeaders = { ConsistencyLevel?: "eventual"; Prefer?: string } & Record<string, string | undefined>;

export interface RequestOptions {
  headers?: RequestHeaders | undefined;
  signal?: AbortSignal | undefined;
}

/** `$count`: answered as a number; directory objects need `consistencyLevel: "eventual"`. */
export interface CountOptions extends RequestOptions {
  filter?: string;
  search?: string;
  /** Sends `ConsistencyLevel: eventual`, which Graph requires for `$count` and `$search` on directory objects. */
  consistencyLevel?: "eventual";
}

/** What an upload sends: bytes, a Blob, text, or a stream (sent once: a stream is never retried). */
export type UploadContent = Uint8Array | ArrayBuffer | Blob | string | ReadableStream<Uint8Array>;

export interface UploadOptions extends RequestOptions {
  /** The content's media type, e.g. `text/plain` or `image/jpeg`. */
  contentType: string;
}

/** Download and upload of one stream (`.../$value`, `.../content`, `.../logo`). */
export interface StreamRequests<T> {
  /** The whole content as bytes, read once from the response (no text decoding). */
  download(options?: RequestOptions): Promise<Uint8Array>;
  /** The response body as it arrives, for content too large to hold in memory. */
  stream(options?: RequestOptions): Promise<ReadableStream<Uint8Array>>;
  /** Replaces the content; resolves to what Graph answers (the item for drive items, else undefined). */
  upload(content: UploadContent, options: UploadOptions): Promise<T | undefined>;
}

/** A reference target: an id, or an object carrying one (a `User` read earlier). Never a URL. */
export type Reference = string | { readonly id?: string | null | undefined };

/** `$expand` entries: a navigation property, optionally with nested options (`members($select=id)`). */
export type ExpandItem<Navigation extends string> = Navigation | `${Navigation}(${string})`;

export interface GetOptions<Property extends string, Navigation extends string> extends RequestOptions {
  select?: readonly Property[];
  expand?: readonly ExpandItem<Navigation>[];
}

export interface ListOptions<Property extends string, Navigation extends string> extends GetOptions<
  Property,
  Navigation
> {
  filter?: string;
  orderby?: string | readonly string[];
  top?: number;
  skip?: number;
  count?: boolean;
  /** Passed as given: Graph wants the quotes, e.g. `"\"displayName:api\""`. */
  search?: string;
  /** Sends `ConsistencyLevel: eventual`, which Graph requires for `count` and `search` on directory objects. */
  consistencyLevel?: "eventual";
}

/**
 * What a read with these options returns: with `select`, only the selected properties (and the key and
 * `@odata.type`), else every property; each `expand`ed navigation property present with its type.
 */
export type Selected<T, Options> = T extends unknown
  ? (Options extends { select: readonly (infer Name)[] } ? Pick<T, Extract<Name | "id" | "@odata.type", keyof T>> : T) &
      Expanded<T, Options>
  : never;

type Expanded<T, Options> = Options extends { expand: readonly (infer Item)[] }
  ? { [Name in Extract<NavigationName<Item>, keyof T>]-?: Exclude<T[Name], undefined> }
  : unknown;

/** `manager` of `manager($select=id)`. */
type NavigationName<Item> = Item extends `${infer Name}(${string})` ? Name : Item;

export interface CollectionPage<T> {
  value: T[];
  "@odata.context"?: string;
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

type AnyOptions = ListOptions<string, string>;

/** What one request accepts and sends; `download`: a redirect is answered with the response, for `fetchContent` to follow. */
export interface Exchange {
  accept: string;
  body?: BodyInit;
  contentType?: string;
  download?: boolean;
  /** The body is a stream, which can be read once: the request is never retried. */
  once?: boolean;
}
type FollowOptions = RequestOptions & { consistencyLevel?: "eventual" | undefined };

export interface GraphTransport {
  readonly baseUrl: string;
  /** The options the transport was made with: the workflow modules (batch, upload) derive theirs from them. */
  readonly options: GraphClientOptions;
  send<T>(spec: OperationSpec, path: string, options?: AnyOptions, body?: unknown): Promise<T>;
  listAll<T>(spec: OperationSpec, path: string, options?: AnyOptions): AsyncIterable<T>;
  /** GETs an `@odata.nextLink` or `@odata.deltaLink`, refused unless it is on the base URL's origin. */
  follow<T>(spec: OperationSpec, link: string, options?: FollowOptions): Promise<T>;
  /**
   * One request to `baseUrl + path` with the token, retried on throttling, its response unread: counts,
   * downloads and uploads (`countItems`, `streamRequests`...) are functions over it, which a bundle holds
   * only when a builder it uses calls them.
   */
  exchange(spec: OperationSpec, path: string, options: FollowOptions, request: Exchange): Promise<Response>;
}

export const createTransport = (options: GraphClientOptions): GraphTransport => {
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const { origin } = new URL(baseUrl);
  const retry = retryBounds(options);
  const validate = options.validate ?? "requests";

  /** One request with the token, retried on throttling; `accept` and a body with its type when given. */
  const fetchResponse = async (
    spec: OperationSpec,
    url: string,
    { headers: extra = {}, signal, consistencyLevel }: FollowOptions,
    request: Exchange,
  ): Promise<Response> => {
    const token = await options.getAccessToken();
    options.checkPermissions?.(token, spec);
    // One client-request-id per call, kept across its retries: what a support ticket quotes.
    const headers: Record<string, string> = { accept: request.accept, [CLIENT_REQUEST_ID]: crypto.randomUUID() };
    if (consistencyLevel) headers["consistencylevel"] = consistencyLevel;
    for (const [name, value] of Object.entries(extra)) if (value !== undefined) headers[name.toLowerCase()] = value;
    if (request.contentType) headers["content-type"] = request.contentType;
    headers["authorization"] = `Bearer ${token}`;
    const clientRequestId = headers[CLIENT_REQUEST_ID];
    // `duplex` lets a stream body be sent as it arrives; a stream can be read once, so it is never retried.
    // fetch reads an undefined body or signal as none (the casts are for exactOptionalPropertyTypes).
    const init = {
      method: spec.method,
      headers,
      body: request.body as BodyInit,
      redirect: "manual",
      signal: signal as AbortSignal,
      duplex: "half",
    } as const;
    for (let attempt = 0, waited = 0; ; attempt++) {
      let response: Response | undefined;
      let failure: GraphClientError | GraphError;
      try {
        response = await (options.fetch ?? fetch)(url, init);
      } catch (cause) {
        if (signal?.aborted) throw cause;
        // No answer at all (reset, DNS, refused): only a request that may be sent twice is tried again.
        failure = new GraphClientError(
          "networkError",
          `${describe(spec)}: no answer from ${origin} (${networkReason(cause)}); client-request-id ${clientRequestId}`,
        );
      }
      if (response?.ok) return response;
      if (response && response.status >= 300 && response.status < 400) {
        // Graph sends file content from a pre-authenticated URL: `fetchContent` follows it, without the token.
        if (request.download && response.headers.get("location")) return response;
        const redirect = `${describe(spec)}: Graph answered ${response.status} with a redirect`;
        throw new GraphClientError("redirectRefused", `${redirect}; the client does not follow redirects with a token`);
      }
      if (response) failure = await graphError(spec, response, clientRequestId);
      const retriable = response ? RETRIABLE.includes(response.status) : IDEMPOTENT.includes(spec.method);
      const delay = retryDelay(response, attempt, retry.baseDelayMs);
      waited += delay;
      if (request.once || !retriable || attempt >= retry.maxRetries || waited > retry.maxTotalDelayMs) throw failure!;
      await sleep(delay, signal);
    }
  };

  /** A JSON request: the body validated before it is sent, the answer parsed (and checked if `validate: "all"`). */
  const fetchJson = async <T,>(
    spec: OperationSpec,
    url: string,
    requestOptions: FollowOptions,
    body?: unknown,
  ): Promise<T> => {
    const check = (validator: Validator | undefined, value: unknown, mode: ValidationMode, what: string) => {
      const checked = validator?.(value, { mode });
      if (checked?.ok === false) throw new GraphValidationError(`${what} ${describe(spec)}`, checked.errors);
    };
    if (body !== undefined && validate !== "none")
      check(spec.body, body, spec.method === "PATCH" ? "update" : "create", "request body for");
    const json = body === undefined ? {} : { body: JSON.stringify(body), contentType: JSON_MEDIA_TYPE };
    const response = await fetchResponse(spec, url, requestOptions, { accept: JSON_MEDIA_TYPE, ...json });
    const result = await readBody(spec, response);
    if (validate === "all" && result !== undefined)
      for (const item of spec.collection ? ((result as CollectionPage<unknown>).value ?? []) : [result])
        check(spec.result, item, "read", "response of");
    return result as T;
  };

  const follow = async <T,>(spec: OperationSpec, link: string, requestOptions: FollowOptions = {}): Promise<T> => {
    // A URL's host ends at the first slash after it: a link starting with `${origin}/` is on that origin.
    if (!link.startsWith(`${origin}/`)) {
      throw new GraphClientError(
        "crossOriginNextLink",
        `${describe(spec)}: refused to follow a link to another origin than ${origin}`,
      );
    }
    // The link carries the query: of the options, only headers, the signal and the consistency level apply.
    return fetchJson(spec, link, requestOptions);
  };

  const send = async <T,>(spec: OperationSpec, path: string, requestOptions: AnyOptions = {}, body?: unknown) =>
    fetchJson<T>(spec, `${baseUrl}${path}${queryString(requestOptions)}`, requestOptions, body);

  async function* listAll<T>(spec: OperationSpec, path: string, requestOptions: AnyOptions = {}): AsyncIterable<T> {
    let page = await send<CollectionPage<T>>(spec, path, requestOptions);
    for (;;) {
      yield* page.value ?? [];
      const next = page["@odata.nextLink"];
      if (next === undefined) return;
      page = await follow(spec, next, requestOptions);
    }
  }

  const exchange = (spec: OperationSpec, path: string, requestOptions: FollowOptions, request: Exchange) =>
    fetchResponse(spec, `${baseUrl}${path}`, requestOptions, request);

  return { baseUrl, options, send, listAll, follow, exchange };
};

// Counts, streams and references: functions over `exchange` and `send`, not transport members, so that a
// bundle holds them only when a builder it uses calls them. Each calls the transport before it returns,
// so that inside a batch (which cannot carry them) it throws at once.

/** `GET .../$count`, which Graph answers in text/plain. */
export const countItems = (
  transport: GraphTransport,
  spec: OperationSpec,
  path: string,
  options: CountOptions = {},
): Promise<number> => {
  const answer = transport.exchange(spec, `${path}${queryString(options)}`, options, { accept: "text/plain" });
  return answer
    .then((response) => response.text())
    .then((text) => {
      if (!/^\s*\d+\s*$/.test(text)) {
        throw new GraphClientError("invalidResponse", `${describe(spec)}: Graph answered a count that is not a number`);
      }
      return Number(text);
    });
};

/**
 * The response body unread, for downloads; a redirect to the content is followed without the token. A body
 * (an action's parameters, as JSON) is sent with the request that answers with the content or the redirect.
 */
export const fetchContent = (
  transport: GraphTransport,
  spec: OperationSpec,
  path: string,
  options: RequestOptions = {},
  body?: unknown,
): Promise<Response> => {
  const json = body === undefined ? {} : { body: JSON.stringify(body), contentType: JSON_MEDIA_TYPE };
  return transport.exchange(spec, path, options, { accept: "*/*", download: true, ...json }).then(async (response) => {
    if (response.ok) return response;
    const signal = options.signal ?? null;
    const location = new URL(response.headers.get("location")!, transport.baseUrl + path).href;
    const content = await (transport.options.fetch ?? globalThis.fetch)(location, { redirect: "follow", signal });
    if (content.ok) return content;
    throw await graphError(spec, content);
  });
};

/** The whole response body as bytes, read once (no text decoding); `body`: an action's parameters. */
export const download = (
  transport: GraphTransport,
  spec: OperationSpec,
  path: string,
  options?: RequestOptions,
  body?: unknown,
): Promise<Uint8Array> => {
  return fetchContent(transport, spec, path, options, body).then(
    async (response) => new Uint8Array(await response.arrayBuffer()),
  );
};

/** Download and upload requests on one stream; the builders' stream members return these. */
export const streamRequests = <T,>(
  transport: GraphTransport,
  downloadSpec: OperationSpec,
  uploadSpec: OperationSpec,
  path: string,
): StreamRequests<T> => {
  return {
    download: (options) => download(transport, downloadSpec, path, options),
    stream: async (options) => {
      const response = await fetchContent(transport, downloadSpec, path, options);
      return response.body ?? new ReadableStream({ start: (controller) => controller.close() });
    },
    upload: (content, options) => {
      // A stream is known by its `getReader`, which needs no global ReadableStream (React Native has none).
      const once = typeof (content as Partial<ReadableStream>).getReader === "function";
      const body = { accept: JSON_MEDIA_TYPE, body: content as BodyInit, contentType: options.contentType, once };
      const answer = transport.exchange(uploadSpec, path, options, body);
      return answer.then((response) => readBody(uploadSpec, response) as Promise<T | undefined>);
    },
  };
};

/** A `$ref` request whose body is `{ "@odata.id": "<baseUrl>/<entitySet>/<id>" }`. */
export const sendReference = (
  transport: GraphTransport,
  spec: OperationSpec,
  path: string,
  entitySet: string,
  target: Reference,
  options: RequestOptions = {},
): Promise<void> => {
  const id = typeof target === "string" ? target : target.id;
  let reference: string;
  try {
    if (typeof id !== "string") {
      throw new GraphClientError("invalidId", "a reference needs an id: pass the id, or an object that has one");
    }
    reference = `${transport.baseUrl}/${entitySet}/${keySegment(id)}`;
  } catch (error) {
    // A rejected promise, as for any other failed request: callers await it.
    return Promise.reject(error);
  }
  return transport.send(spec, path, options, { "@odata.id": reference });
};

/**
 * A drive item's path below another item (`root:/a/b.txt:`): each name percent-encoded on its own, so `#`,
 * `?` and `%` in names stay names; empty names, `.` and `..` are refused.
 */
export const itemPathSegment = (path: string): string => {
  const names = path.replace(/^\/+|\/+$/g, "").split("/");
  return `:/${names.map((name) => keySegment(name)).join("/")}:`;
};

/**
 * A key as one path segment: percent-encoded, so `a/b?c` stays one segment. URL parsers resolve `.`
 * and `..` even percent-encoded, so those (and the empty id) are refused rather than sent elsewhere.
 */
export const keySegment = (id: string): string => {
  if (["", ".", ".."].includes(id))
    throw new GraphClientError("invalidId", `refused id ${JSON.stringify(id)}: it would not stay one path segment`);
  return encodeURIComponent(id);
};

/** `name(a='x',b=1)`: a function call with OData literals, each encoded for the path. */
export const functionSegment = (name: string, parameters: Record<string, unknown> = {}): string => {
  const args = Object.entries(parameters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(odataLiteral(value))}`);
  return args.length === 0 ? name : `${name}(${args.join(",")})`;
};

const odataLiteral = (value: unknown): string => {
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return JSON.stringify(value);
};

/** Graph's query options, in the order they are sent. */
const QUERY_OPTIONS = ["select", "expand", "filter", "orderby", "top", "skip", "count", "search"] as const;

export const queryString = (options: AnyOptions | CountOptions): string => {
  // An array's string is its items joined with commas, as `$select=a,b` wants.
  const query = QUERY_OPTIONS.filter((name) => (options as AnyOptions)[name] !== undefined)
    .map((name) => `$${name}=${encodeURIComponent(`${(options as AnyOptions)[name]}`)}`)
    .join("&");
  return query && `?${query}`;
};

export const LOOPBACK: RegExp = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** https, or plain http on a loopback address: where a token (or an upload URL's own credentials) may go. */
export const isSecure = (url: URL): boolean =>
  url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname));

const checkBaseUrl = (value: string): string => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Reported below, with the other problems.
  }
  const problem = !url
    ? "baseUrl is not an absolute URL"
    : !isSecure(url)
      ? `baseUrl must use https (plain http is allowed on loopback addresses only): ${url.origin}`
      : url.username || url.password || url.search || url.hash
        ? "baseUrl must not carry credentials, a query or a fragment"
        : undefined;
  if (problem) throw new GraphClientError("insecureBaseUrl", problem);
  return url!.href.replace(/\/+$/, "");
};

export const describe = (spec: OperationSpec): string => `${spec.method} ${spec.template}`;

const readBody = async (spec: OperationSpec, response: Response): Promise<unknown> => {
  const text = await response.text();
  try {
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    throw new GraphClientError(
      "invalidResponse",
      `${describe(spec)}: Graph answered ${response.status} with a body that is not JSON`,
    );
  }
};

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> };
}

/** Graph's error body when there is one; the headers (request-id, date) and the id we sent when there is not. */
export const graphError = async (
  spec: OperationSpec,
  response: Response,
  clientRequestId?: string,
): Promise<GraphError> => {
  const headers: Record<string, string> = Object.fromEntries(response.headers);
  // Not a Graph error body (a proxy's HTML page, say): status and headers still tell the story.
  const body: GraphErrorBody | undefined = await response
    .text()
    .then(JSON.parse)
    .catch(() => undefined);
  const error = body?.error ?? {};
  const inner = error.innerError ?? {};
  const text = <T,>(value: unknown, fallback: T) => (typeof value === "string" ? value : fallback);
  // Each from Graph's innerError, else from the response header of the same name.
  const [requestId, sentId, date] = ["request-id", CLIENT_REQUEST_ID, "date"].map((name) =>
    text(inner[name], headers[name]),
  );
  return new GraphError({
    status: response.status,
    code: text(error.code, `Http${response.status}`),
    message: text(error.message, response.statusText || "no error body"),
    innerError: { requestId, clientRequestId: sentId ?? clientRequestId, date },
    headers,
    request: describe(spec),
  });
};
