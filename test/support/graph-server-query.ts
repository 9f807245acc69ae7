// OData query options for the apiConnectors test server: $select, $filter, $orderby, $count and paging
// ($top/$skip/$skiptoken, nextLink). Errors are thrown as GraphHttpError so callers need no plumbing.

export type Entity = { id: string } & Record<string, unknown>;

/** Schema order of identityApiConnector; Graph serialises every property, null when unset. */
export const PROPERTIES = ["id", "displayName", "targetUrl", "authenticationConfiguration"] as const;
export const SET_PATH = "identity/apiConnectors";

export interface ListEnv {
  baseUrl: string;
  nextLinkBase: string;
  pageSize: number;
}

/** Thrown inside handlers so validation can bail out from any depth; converted to a reply at the top. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function rejectUnknownOptions(query: URLSearchParams, allowed: readonly string[]): void {
  for (const key of query.keys()) {
    if (key.startsWith("$") && !allowed.includes(key)) {
      throw new GraphHttpError(400, "BadRequest", `Query option '${key}' is not allowed.`);
    }
  }
}

/** Parses $select; Graph always returns the key, so `id` is added even when not asked for. */
export function parseSelect(query: URLSearchParams): { requested: string[]; fields: string[] } | undefined {
  const value = query.get("$select");
  if (value === null) return undefined;
  const requested = value.split(",").map((field) => field.trim());
  for (const field of requested) {
    if (!(PROPERTIES as readonly string[]).includes(field)) {
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Could not find a property named '${field}' on type 'microsoft.graph.identityApiConnector'.`,
      );
    }
  }
  return { requested, fields: PROPERTIES.filter((p) => p === "id" || requested.includes(p)) };
}

export function project(entity: Entity, fields: readonly string[] = PROPERTIES): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, entity[field] ?? null]));
}

function parseCount(query: URLSearchParams): boolean {
  const value = query.get("$count");
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new GraphHttpError(400, "BadRequest", `Invalid value '${value}' for $count query option.`);
}

const QUOTED = "'((?:[^']|'')*)'";
const EQ_FILTER = new RegExp(`^displayName\\s+eq\\s+${QUOTED}$`);
const STARTSWITH_FILTER = new RegExp(`^startswith\\(\\s*displayName\\s*,\\s*${QUOTED}\\s*\\)$`);

/** Only the two clauses client tests rely on; directory string matching is case-insensitive in Graph. */
function parseFilter(query: URLSearchParams): (entity: Entity) => boolean {
  const expression = query.get("$filter")?.trim();
  if (expression === undefined) return () => true;
  const eq = EQ_FILTER.exec(expression);
  const startsWith = STARTSWITH_FILTER.exec(expression);
  const literal = (eq ?? startsWith)?.[1]?.replaceAll("''", "'").toLowerCase();
  if (literal === undefined) {
    throw new GraphHttpError(400, "Request_UnsupportedQuery", `Unsupported or invalid query filter clause specified: '${expression}'.`);
  }
  return (entity) => {
    const name = typeof entity.displayName === "string" ? entity.displayName.toLowerCase() : undefined;
    if (name === undefined) return false;
    return eq ? name === literal : name.startsWith(literal);
  };
}

function orderEntities(entities: Entity[], query: URLSearchParams): Entity[] {
  const value = query.get("$orderby");
  if (value === null) return entities;
  const match = /^displayName(?:\s+(asc|desc))?$/.exec(value.trim());
  if (!match) throw new GraphHttpError(400, "Request_UnsupportedQuery", `Sorting by '${value}' is not supported.`);
  const sign = match[1] === "desc" ? -1 : 1;
  const key = (entity: Entity) => (typeof entity.displayName === "string" ? entity.displayName : "");
  // Ordinal comparison keeps test expectations independent of the host's locale.
  return entities.sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** $top is Graph's page size (capped by the server's), $skip or the opaque $skiptoken the start offset. */
function pageWindow(query: URLSearchParams, pageSize: number): { offset: number; size: number } {
  const top = parseNonNegative(query, "$top");
  if (top === 0) throw new GraphHttpError(400, "BadRequest", "Invalid page size specified: '0'. Must be between 1 and 999 inclusive.");
  const token = query.get("$skiptoken");
  const offset = token === null ? parseNonNegative(query, "$skip") ?? 0 : decodeSkipToken(token);
  return { offset, size: Math.min(top ?? pageSize, pageSize) };
}

function parseNonNegative(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) throw new GraphHttpError(400, "BadRequest", `Invalid value '${value}' for ${name} query option.`);
  return Number(value);
}

function decodeSkipToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { offset?: unknown };
    if (Number.isSafeInteger(offset) && (offset as number) >= 0) return offset as number;
  } catch {
    // fall through to the Graph error below
  }
  throw new GraphHttpError(400, "Request_BadRequest", "The specified page token value has expired or is invalid.");
}

function nextLink(query: URLSearchParams, env: ListEnv, offset: number): string {
  const token = Buffer.from(JSON.stringify({ offset })).toString("base64url");
  const kept = [...query.entries()].filter(([key]) => key !== "$skip" && key !== "$skiptoken");
  // Keys keep a literal `$` as Graph's own nextLinks do; values are percent-encoded.
  const pairs = [...kept, ["$skiptoken", token]].map(
    ([key, value]) => `${encodeURIComponent(key ?? "").replace(/^%24/, "$")}=${encodeURIComponent(value ?? "")}`,
  );
  return `${env.nextLinkBase}/${SET_PATH}?${pairs.join("&")}`;
}

/** Builds one collection page: filter, order, window, then project, with Graph's annotations. */
export function listQuery(query: URLSearchParams, entities: Entity[], env: ListEnv): Record<string, unknown> {
  rejectUnknownOptions(query, ["$top", "$skip", "$select", "$count", "$filter", "$orderby", "$skiptoken"]);
  const select = parseSelect(query);
  const matching = orderEntities(entities.filter(parseFilter(query)), query);
  const page = pageWindow(query, env.pageSize);
  const items = matching.slice(page.offset, page.offset + page.size);
  const shape = select ? `(${select.requested.join(",")})` : "";
  const json: Record<string, unknown> = { "@odata.context": `${env.baseUrl}/$metadata#${SET_PATH}${shape}` };
  if (parseCount(query)) json["@odata.count"] = matching.length;
  const nextOffset = page.offset + items.length;
  if (nextOffset < matching.length) json["@odata.nextLink"] = nextLink(query, env, nextOffset);
  json.value = items.map((entity) => project(entity, select?.fields));
  return json;
}
