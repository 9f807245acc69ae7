// Bound actions and functions: the test's handler when it registered one, else a default answer of the
// declared return type. `delta` functions answer Graph's delta rounds from the mock's change log, and
// `createUploadSession` actions open an upload session (uploads.ts).
import { behaviourOf } from "./documented.js";
import { checkQueryOptions, parseSelect } from "./query.js";
import type { Place, Target } from "./resolve.js";
import {
  contextUrl,
  findEntity,
  loadCollection,
  loadEntity,
  methodNotAllowed,
  present,
  queryScope,
  readJsonObject,
  type ServeContext,
} from "./places.js";
import type { UploadSessions } from "./uploads.js";
import { badRequest, unsupported, type Entity, type MockReply, type MockRequest } from "./types.js";

/** What a registered operation handler receives. */
export interface OperationCall {
  readonly request: MockRequest;
  /** The operation's path segment, e.g. `uploadClientCertificate`. */
  readonly name: string;
  /** `/identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate` */
  readonly template: string;
  /** The action's body, or the function's parameters from the path. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The entity the operation is bound to; undefined when it is bound to a collection. */
  readonly entity: Entity | undefined;
  /** Replaces properties of the bound entity, as an action with side effects would. */
  update(changes: Entity): void;
}

/** Answers with the JSON it returns (200), or 204 for undefined; throw `MockGraphError` for an error. */
export type OperationHandler = (call: OperationCall) => unknown;

type OperationTarget = Extract<Target, { kind: "operation" }>;

export async function serveOperation(
  ctx: ServeContext,
  target: OperationTarget,
  request: MockRequest,
  handler: OperationHandler | undefined,
  uploads: UploadSessions,
): Promise<MockReply> {
  const { place, operation, name } = target;
  const method = operation.kind === "function" ? "GET" : "POST";
  if (request.method !== method) throw methodNotAllowed([method]);
  if (!handler && operation.kind === "function")
    checkQueryOptions(request.query, name === "delta" ? ["$select", "$skiptoken", "$deltatoken"] : []);
  // An upload session may name a drive item that does not exist yet (`root:/new.txt:`): the upload creates it.
  const opening = name === "createUploadSession" && !handler && place.node.kind === "entity";
  const bound =
    place.node.kind !== "entity"
      ? (loadCollection(ctx, place), undefined)
      : opening
        ? findEntity(ctx, place)?.entity
        : loadEntity(ctx, place);
  const parameters = operation.kind === "action" ? readJsonObject(request) : target.parameters;
  if (handler) {
    const call: OperationCall = {
      request,
      name,
      template: operation.template,
      parameters,
      entity: bound,
      update: (changes) => updateBound(ctx, place, changes),
    };
    const result: unknown = await handler(call);
    return result === undefined ? { status: 204 } : { status: 200, json: result };
  }
  if (name === "delta" && place.node.kind === "collection") return deltaRound(ctx, place, request);
  if (name === "createUploadSession") {
    // A drive item's session names it in `item`, an attachment's in `AttachmentItem` (attachment-createuploadsession).
    const item = (parameters["item"] ?? parameters["AttachmentItem"] ?? {}) as Entity;
    return {
      status: 200,
      json: uploads.open(ctx, place, operation.template, typeof item["name"] === "string" ? item["name"] : undefined),
    };
  }
  // sendMail answers 202 Accepted (user-sendmail), not 204.
  const status = behaviourOf(ctx.index, bound ? ctx.index.typeOf(bound, place.type) : place.type)?.actionStatus?.[name];
  if (status !== undefined && operation.returns === undefined) return { status };
  return defaultAnswer(ctx, place, operation.returns, bound);
}

function updateBound(ctx: ServeContext, place: Place, changes: Entity): void {
  const { parent } = place;
  if (parent) ctx.store.put(parent.path, parent.id, { ...loadEntity(ctx, place), ...changes });
  else ctx.store.putSingle(place.path, { ...loadEntity(ctx, place), ...changes });
}

const PRIMITIVE_DEFAULTS: Readonly<Record<string, unknown>> = {
  "Edm.Boolean": false,
  "Edm.String": "",
  "Edm.Int16": 0,
  "Edm.Int32": 0,
  "Edm.Int64": 0,
  "Edm.Double": 0,
  "Edm.Single": 0,
  "Edm.Decimal": 0,
  "Edm.Byte": 0,
};

/**
 * Without a handler: nothing (204), an empty collection, a primitive's zero value, the bound entity
 * when the operation returns its type (an action that changes it), else an object of the type.
 */
function defaultAnswer(
  ctx: ServeContext,
  place: Place,
  returns: string | undefined,
  bound: Entity | undefined,
): MockReply {
  if (returns === undefined) return { status: 204 };
  const context = `${ctx.baseUrl}/$metadata#${returns}`;
  if (returns.startsWith("Collection(")) return { status: 200, json: { "@odata.context": context, value: [] } };
  if (returns.startsWith("Edm.") || ctx.index.enums.has(returns)) {
    return { status: 200, json: { "@odata.context": context, value: PRIMITIVE_DEFAULTS[returns] ?? null } };
  }
  if (bound && ctx.index.isA(ctx.index.typeOf(bound, place.type), returns)) {
    return {
      status: 200,
      json: { "@odata.context": contextUrl(ctx, place, undefined, true), ...present(ctx, place, bound) },
    };
  }
  return { status: 200, json: { "@odata.context": context, "@odata.type": `#${returns}` } };
}

/**
 * A delta round: the first call answers every entity, then a `@odata.deltaLink`; calling that link
 * answers what changed since, removed entities as `{ id, "@removed": { reason: "deleted" } }`.
 */
function deltaRound(ctx: ServeContext, place: Place, request: MockRequest): MockReply {
  if (place.node.reference) throw unsupported(`delta on '${place.template}'`);
  const { query } = request;
  const select = parseSelect(query, queryScope(ctx, place));
  // A page token holds the round's start, the version its deltaLink will carry, and the offset.
  const skip = query.get("$skiptoken")?.split(".");
  const token = skip ? skip[0] : (query.get("$deltatoken") ?? undefined);
  const since = token === undefined || token === "" ? undefined : Number(token);
  const version = skip ? Number(skip[1]) : ctx.store.version;
  const offset = skip ? Number(skip[2]) : 0;
  const valid = (n: number | undefined) =>
    n === undefined || (Number.isSafeInteger(n) && n >= 0 && n <= ctx.store.version);
  if (!valid(since) || !valid(version) || !Number.isSafeInteger(offset)) {
    throw badRequest("The delta token is not valid for this request.", "resyncRequired");
  }
  const changed: Entity[] =
    since === undefined
      ? loadCollection(ctx, place)
      : ctx.store.changesSince(place.path, since).flatMap((change) => {
          const entity = ctx.store.item(place.path, change.id);
          return change.removed || !entity ? [{ id: change.id, "@removed": { reason: "deleted" } }] : [entity];
        });
  const page = changed.slice(offset, offset + (ctx.pageSize ?? 100));
  const json: Entity = { "@odata.context": contextUrl(ctx, place, select, false) };
  const link = (name: string, value: string) => {
    const kept = new URLSearchParams(select ? { $select: select.join(",") } : {});
    kept.set(name, value);
    return `${ctx.baseUrl}${request.path}?${kept.toString().replace(/(^|&)%24/g, "$1$")}`;
  };
  if (offset + page.length < changed.length) {
    json["@odata.nextLink"] = link("$skiptoken", `${since ?? ""}.${version}.${offset + page.length}`);
  } else {
    json["@odata.deltaLink"] = link("$deltatoken", String(version));
  }
  // Graph's delta answers always carry the id, selected or not: a sync could not apply a change without it.
  const withId = select && !select.includes("id") ? ["id", ...select] : select;
  json["value"] = page.map((entity) => ("@removed" in entity ? entity : present(ctx, place, entity, withId)));
  return { status: 200, json };
}
