// JSON batching (POST /$batch): the calls a function makes on a client are recorded instead of sent, each through
// the client's own pipeline (validation, query, headers), and their requests go out 20 to a batch; each answer
// goes back into its call, so results, GraphErrors and throttling retries are the single call's. Only code that
// imports this module bundles it.
import type { GraphValidationError } from "../runtime/validation.js";
import { GraphClientError, type GraphError } from "./errors.js";
import { createGraphClient, type GraphClient } from "./index.js";
import { RETRIABLE } from "./retry.js";
import { createTransport, type GraphTransport, type OperationSpec, type RequestOptions } from "./runtime.js";

/**
 * One call's outcome: what the single call resolves to, or the error it throws: `GraphError` for Graph's answer
 * (404, 424 after a failed dependency, ...), `GraphClientError` or `GraphValidationError` for what the client refused.
 */
export type BatchResult<T> = { ok: true; value: T } | { ok: false; error: BatchItemError };
export type BatchItemError = GraphError | GraphClientError | GraphValidationError;
export type BatchResults<T extends readonly unknown[]> = { -readonly [K in keyof T]: BatchResult<Awaited<T[K]>> };

export interface BatchStep {
  /**
   * Makes the calls `call` makes wait inside the batch for `dependency` (Graph's `dependsOn`): Graph runs them
   * after it and answers 424 when it failed. Calls that depend on each other always share a batch.
   */
  after<T>(dependency: Promise<unknown> | readonly Promise<unknown>[], call: () => T): T;
}

export interface BatchOptions {
  signal?: AbortSignal;
}

/**
 * Runs the calls `calls` makes on `graph` as JSON batches: `batch(graph, (g) => [g.users.byId(a).get(), ...])`.
 * Bodies are validated before anything is sent (an invalid one rejects the batch and sends nothing); more than
 * 20 requests go out as several batches; an item Graph throttles is sent again alone after its Retry-After.
 */
export function batch<const T extends readonly Promise<unknown>[]>(
  graph: GraphClient,
  calls: (graph: GraphClient, step: BatchStep) => T,
  options: BatchOptions = {},
): Promise<BatchResults<T>> {
  return batchRequests(graph.transport, (transport, step) => calls(createGraphClient(transport), step), options);
}

/** `batch` for request builders made from a transport (`identityApiConnectorsRequests(transport)`). */
export async function batchRequests<const T extends readonly Promise<unknown>[]>(
  transport: GraphTransport,
  calls: (transport: GraphTransport, step: BatchStep) => T,
  options: BatchOptions = {},
): Promise<BatchResults<T>> {
  const token = await transport.options.getAccessToken();
  const recorder = new BatchRecorder(transport, token);
  const promises = calls(recorder.transport, recorder);
  const ids = promises.map((call) => recorder.idOf(call));
  await recorder.run(options.signal);
  return ids.map((id) => recorder.outcome(id)) as BatchResults<T>;
}

/** A request waiting at the recording fetch for its batch's answer. */
interface Pending {
  readonly id: string;
  readonly request: BatchRequestItem;
  readonly answer: (response: Response) => void;
}

interface BatchRequestItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const MAX_REQUESTS = 20;
const BATCH_REQUEST: OperationSpec = { method: "POST", template: "/$batch" };
/** Carries a call's id from `send` to the recording fetch; never sent to Graph. */
const ID_HEADER = "x-graphgen-batch-id";

class BatchRecorder implements BatchStep {
  readonly transport: GraphTransport;
  private readonly ids = new Map<Promise<unknown>, string>();
  private readonly dependencies = new Map<string, string[]>();
  private readonly outcomes = new Map<string, BatchResult<unknown>>();
  private readonly waiting = new Map<string, Pending>();
  private dependsOn: string[] = [];
  private wake = () => {};
  private readonly outer: GraphTransport;

  constructor(outer: GraphTransport, token: string) {
    this.outer = outer;
    // The items carry no token (the $batch request does), so the inner transport never calls getAccessToken.
    const inner = createTransport({
      ...outer.options,
      getAccessToken: () => token,
      fetch: (url, init) => this.record(url, init),
    });
    const unbatchable = (): never => {
      const message =
        "listAll, deltaSync, count and streams cannot be batched: batch single JSON calls (list(), one page each)";
      throw new GraphClientError("invalidBatch", message);
    };
    // Every member spelled out: a transport method added later must say whether it can be batched.
    this.transport = {
      baseUrl: inner.baseUrl,
      options: inner.options,
      send: (spec, path, options = {}, body) => this.recorded(options, (o) => inner.send(spec, path, o, body)),
      listAll: unbatchable,
      follow: unbatchable,
      // Counts and streams go through `exchange`; `$ref` requests through `send`, recorded like any call.
      exchange: unbatchable,
    };
  }

  /** Runs a call with its id in a header, for the recording fetch, and keeps its outcome. */
  private recorded<T>(options: RequestOptions, call: (options: RequestOptions) => Promise<T>): Promise<T> {
    const id = String(this.ids.size + 1);
    const promise = call({ ...options, headers: { ...options.headers, [ID_HEADER]: id } });
    this.ids.set(promise, id);
    this.dependencies.set(id, this.dependsOn);
    const settle = (outcome: BatchResult<unknown>) => {
      this.outcomes.set(id, outcome);
      this.wake();
    };
    promise.then(
      (value) => settle({ ok: true, value }),
      (error: BatchItemError) => settle({ ok: false, error }),
    );
    return promise;
  }

  after<T>(dependency: Promise<unknown> | readonly Promise<unknown>[], call: () => T): T {
    const previous = this.dependsOn;
    this.dependsOn = [...previous, ...(Array.isArray(dependency) ? dependency : [dependency]).map((d) => this.idOf(d))];
    try {
      return call();
    } finally {
      this.dependsOn = previous;
    }
  }

  idOf(call: Promise<unknown>): string {
    const id = this.ids.get(call);
    if (id === undefined)
      throw new GraphClientError("invalidBatch", "a batch holds calls made on the batch's client only");
    return id;
  }

  outcome(id: string): BatchResult<unknown> {
    return this.outcomes.get(id) as BatchResult<unknown>;
  }

  /**
   * Sends rounds of batches until every recorded call (returned or not: a dependency need not be) has its
   * outcome; a round starts when every unsettled call waits at the recording fetch.
   */
  async run(signal: AbortSignal | undefined): Promise<void> {
    for (let round = 0; ; round++) {
      while (this.outcomes.size + this.waiting.size < this.ids.size)
        await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.outcomes.size === this.ids.size) return;
      const failed = [...this.outcomes.values()].find((outcome) => !outcome.ok);
      // A call that failed before being sent (an invalid body, a missing permission) stops the batch unsent.
      if (round === 0 && failed && !failed.ok) throw failed.error;
      const requests = [...this.waiting.values()].filter((pending) => !this.failedDependency(pending));
      this.waiting.clear();
      for (const group of batchGroups(requests)) await this.send(group, signal);
    }
  }

  /** A request held back for a dependency that then failed for good fails as Graph would have failed it. */
  private failedDependency(pending: Pending): boolean {
    const failed = pending.request.dependsOn?.find((id) => this.outcomes.get(id)?.ok === false);
    if (failed === undefined) return false;
    const error = { code: "FailedDependency", message: `request ${failed}, which this one depends on, failed` };
    pending.answer(itemResponse({ id: pending.id, status: 424, body: { error } }));
    return true;
  }

  private record(url: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const { [ID_HEADER]: id, ...headers } = init.headers as Record<string, string>;
    delete headers["authorization"];
    const request: BatchRequestItem = {
      id: id as string,
      method: init.method ?? "GET",
      url: String(url).slice(this.outer.baseUrl.length),
      headers,
    };
    if (typeof init.body === "string") request.body = JSON.parse(init.body);
    const dependsOn = this.dependencies.get(request.id) ?? [];
    if (dependsOn.length > 0) request.dependsOn = dependsOn;
    return new Promise((answer) => {
      this.waiting.set(request.id, { id: request.id, request, answer });
      this.wake();
    });
  }

  private async send(group: Pending[], signal: AbortSignal | undefined): Promise<void> {
    const inGroup = new Set(group.map((p) => p.id));
    const requests = group.map(({ request }) => {
      const dependsOn = request.dependsOn?.filter((id) => inGroup.has(id));
      return { ...request, dependsOn: dependsOn?.length ? dependsOn : undefined };
    });
    const reply = await this.outer.send<{ responses?: BatchResponseItem[] }>(
      BATCH_REQUEST,
      "/$batch",
      { signal },
      { requests },
    );
    const responses = new Map((reply?.responses ?? []).map((response) => [String(response.id), response]));
    for (const pending of group) {
      const response = responses.get(pending.id) ?? missingAnswer(pending.id);
      // Graph fails a dependent with 424 when its dependency was throttled: it goes again with the retry.
      const retried = pending.request.dependsOn?.some(
        (id) => RETRIABLE.includes(responses.get(id)?.status ?? 0) || this.waiting.has(id),
      );
      if (response.status === 424 && retried) this.waiting.set(pending.id, pending);
      else pending.answer(itemResponse(response));
    }
  }
}

/**
 * Requests in batches of at most 20, in call order, with every request in the batch of the requests it depends
 * on (Graph resolves `dependsOn` within one batch only).
 */
function batchGroups(requests: readonly Pending[]): Pending[][] {
  const root = new Map(requests.map((p) => [p.id, p.id]));
  const find = (id: string): string => (root.get(id) === id ? id : find(root.get(id) as string));
  for (const { id, request } of requests)
    for (const dependency of request.dependsOn ?? []) if (root.has(dependency)) root.set(find(id), find(dependency));
  const components = new Map<string, Pending[]>();
  for (const pending of requests)
    components.set(find(pending.id), [...(components.get(find(pending.id)) ?? []), pending]);
  const groups: Pending[][] = [];
  for (const component of components.values()) {
    if (component.length > MAX_REQUESTS) {
      const why = `${component.length} requests depend on each other; Graph takes at most ${MAX_REQUESTS} in a batch`;
      throw new GraphClientError("invalidBatch", why);
    }
    const last = groups.at(-1);
    if (last && last.length + component.length <= MAX_REQUESTS) last.push(...component);
    else groups.push([...component]);
  }
  return groups;
}

function itemResponse(item: BatchResponseItem): Response {
  const headers = item.headers ?? {};
  const json = /json/i.test(headers["content-type"] ?? headers["Content-Type"] ?? "application/json");
  const text =
    item.body === undefined || item.body === null ? null : json ? JSON.stringify(item.body) : String(item.body);
  return new Response(item.status === 204 ? null : text, { status: item.status, headers });
}

function missingAnswer(id: string): BatchResponseItem {
  const error = { code: "BatchItemMissing", message: `the $batch response has no answer for request ${id}` };
  return { id, status: 502, body: { error } };
}
