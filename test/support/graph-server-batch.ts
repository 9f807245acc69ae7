// POST /v1.0/$batch for the Graph-like test server (a hook, see graph-server.ts): at most 20 requests, each
// routed as if it had arrived alone, `dependsOn` honoured (424 when a dependency failed), answers in reverse
// order so a client must match them by id. `throttle` lets a test answer one item 429 inside the 200.
import type { GraphReply, HookContext, LoggedRequest, ServerHook } from "./graph-server.js";
import { graphError, renderReply } from "./graph-server.js";

export interface BatchHookOptions {
  /** Called for each item before it is routed; a reply (a 429, say) answers the item instead. */
  throttle?: (item: BatchItem) => GraphReply | undefined;
}

export interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface ItemAnswer {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export function batchHook(options: BatchHookOptions = {}): ServerHook {
  return async (request, server) => {
    if (request.path !== "/v1.0/$batch") return undefined;
    if (request.method !== "POST") return graphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
    const requests = (request.body as { requests?: BatchItem[] } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, "BadRequest", "Invalid batch payload format.");
    if (requests.length > 20) return graphError(400, "BadRequest", "Number of batch requests exceeds the maximum of 20.");
    const answers = new Map<string, ItemAnswer>();
    for (const item of requests) answers.set(item.id, await answerItem(item, answers, server, options));
    return { status: 200, json: { responses: [...answers.values()].reverse() } };
  };
}

async function answerItem(item: BatchItem, earlier: Map<string, ItemAnswer>, server: HookContext, options: BatchHookOptions): Promise<ItemAnswer> {
  for (const dependency of item.dependsOn ?? []) {
    const answer = earlier.get(dependency);
    if (!answer) return itemAnswer(item, graphError(400, "BadRequest", `dependsOn names request '${dependency}', which does not come before it.`));
    if (answer.status >= 400) return itemAnswer(item, graphError(424, "FailedDependency", "Failed dependency."));
  }
  if (item.headers && Object.keys(item.headers).some((name) => name.toLowerCase() === "authorization")) {
    return itemAnswer(item, graphError(400, "BadRequest", "A batch item must not carry an Authorization header."));
  }
  const reply = options.throttle?.(item) ?? (await server.route(loggedItem(item)));
  if (reply === "reset") return itemAnswer(item, graphError(502, "BadGateway", "Bad gateway."));
  return itemAnswer(item, reply);
}

function itemAnswer(item: BatchItem, reply: GraphReply): ItemAnswer {
  const { headers, text } = renderReply(reply, item.headers?.["client-request-id"]);
  return { id: item.id, status: reply.status, headers, ...(text === undefined ? {} : { body: JSON.parse(text) as unknown }) };
}

/** An item as the server's routes see a request: its URL is relative to the version. */
function loggedItem(item: BatchItem): LoggedRequest {
  const url = `/v1.0${item.url.startsWith("/") ? "" : "/"}${item.url}`;
  const rawBody = item.body === undefined ? "" : JSON.stringify(item.body);
  const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    method: item.method,
    url,
    path: url.split("?")[0] ?? url,
    query: Object.fromEntries(new URL(url, "http://127.0.0.1").searchParams),
    headers,
    token: undefined,
    body: item.body,
    rawBody,
    bytes: Buffer.from(rawBody),
  };
}
