// JSON batching (`POST /$batch`): up to 20 requests, each answered as if sent alone (throttling
// included, per request as Graph does), in order; one whose `dependsOn` failed answers 424.
import { badRequest, type MockReply, type MockRequest } from "./types.js";

const MAX_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** Serves one batch item as a request of its own, with the batch's own headers (the token) underneath. */
export type ServeOne = (request: MockRequest) => Promise<MockReply>;

export async function serveBatch(request: MockRequest, body: unknown, serveOne: ServeOne): Promise<MockReply> {
  const items = batchItems(body);
  const statuses = new Map<string, number>();
  const responses: unknown[] = [];
  for (const item of items) {
    const failed = (item.dependsOn ?? []).find((id) => (statuses.get(id) ?? 424) >= 400);
    const reply: MockReply =
      failed === undefined
        ? await serveOne(itemRequest(request, item))
        : {
            status: 424,
            json: { error: { code: "FailedDependency", message: `Request '${failed}' it depends on failed.` } },
          };
    statuses.set(item.id, reply.status);
    responses.push(itemResponse(item.id, reply));
  }
  return { status: 200, json: { responses } };
}

function batchItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw badRequest("The batch body needs a 'requests' array.");
  if (requests.length > MAX_REQUESTS)
    throw badRequest(`A batch holds at most ${MAX_REQUESTS} requests; this one has ${requests.length}.`);
  const ids = new Set<string>();
  return requests.map((item: unknown, index: number) => {
    const { id, method, url } = (item ?? {}) as Partial<BatchItem>;
    if (typeof id !== "string" || typeof method !== "string" || typeof url !== "string") {
      throw badRequest(`Batch request ${index} needs 'id', 'method' and 'url' strings.`);
    }
    if (ids.has(id)) throw badRequest(`Batch request id '${id}' is used twice.`);
    ids.add(id);
    return item as BatchItem;
  });
}

function itemRequest(batch: MockRequest, item: BatchItem): MockRequest {
  const url = new URL(item.url.replace(/^\/?/, "/"), "http://batch.invalid");
  const headers: Record<string, string> = { ...batch.headers };
  delete headers["content-type"];
  delete headers["content-length"];
  for (const [name, value] of Object.entries(item.headers ?? {})) headers[name.toLowerCase()] = value;
  if (item.body !== undefined && headers["content-type"] === undefined) headers["content-type"] = "application/json";
  const body = item.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(item.body));
  return { method: item.method.toUpperCase(), path: url.pathname, query: url.searchParams, headers, body };
}

function itemResponse(id: string, reply: MockReply): unknown {
  const headers = { ...reply.headers };
  if (reply.json !== undefined) headers["content-type"] ??= "application/json";
  const body = reply.json ?? reply.text ?? (reply.bytes ? btoa(String.fromCharCode(...reply.bytes)) : undefined);
  return { id, status: reply.status, headers, ...(body === undefined ? {} : { body }) };
}
