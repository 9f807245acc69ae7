// Graph's answers on a resolved data path: list and create on collections, get, update and delete on
// entities, `$count`. Bodies are checked with the generated validators and read-only properties are
// ignored on write and set by the mock, as Graph does. `$ref` and `$value` are in references.ts.
import {
  checkQueryOptions,
  nextLink,
  orderBy,
  pageWindow,
  parseFilter,
  parseSearch,
  parseSelect,
  wantsCount,
} from "./query.js";
import { bindReferences, contentMethods, referenceMethods, takeBindings } from "./references.js";
import { resolvePath, type Place, type Target } from "./resolve.js";
import { behaviourOf, checkRequired, declareEnums, fillServerValues } from "./documented.js";
import { addNamedChild, DRIVE_ITEM, removeItem } from "./drive-items.js";
import {
  collectionHome,
  contextUrl,
  driveFolder,
  findEntity,
  loadCollection,
  loadEntity,
  methodNotAllowed,
  present,
  queryScope,
  readJsonObject,
  type ServeContext,
} from "./places.js";
import {
  badRequest,
  MockGraphError,
  notFound,
  unsupported,
  type Entity,
  type MockNode,
  type MockReply,
  type MockRequest,
} from "./types.js";

export function serveData(
  ctx: ServeContext,
  target: Exclude<Target, { kind: "operation" }>,
  request: MockRequest,
): MockReply {
  const methods = methodsOf(ctx, target, request);
  const serve = methods[request.method];
  if (!serve) throw methodNotAllowed(Object.keys(methods));
  return serve();
}

type Methods = Partial<Record<string, () => MockReply>>;

function methodsOf(ctx: ServeContext, target: Exclude<Target, { kind: "operation" }>, request: MockRequest): Methods {
  const { place } = target;
  switch (target.kind) {
    case "collection":
      return { GET: () => listEntities(ctx, place, request), POST: () => createEntity(ctx, place, request) };
    case "entity": {
      const methods: Methods = {
        GET: () => getEntity(ctx, place, request),
        PATCH: () => updateEntity(ctx, place, request),
      };
      // Only an item of a collection that owns it is deleted; a reference goes with DELETE .../$ref.
      // A drive item by path is deleted too (`DELETE /drives/{id}/root:/a/b.txt:`), as in Graph.
      if ((place.parent && !place.node.reference) || place.itemPath !== undefined)
        methods["DELETE"] = () => deleteEntity(ctx, place);
      return methods;
    }
    case "count":
      return { GET: () => countEntities(ctx, place, request) };
    case "ref":
      return referenceMethods(ctx, place, request);
    case "value":
      return contentMethods(ctx, place, request, target.property);
  }
}

function listEntities(ctx: ServeContext, place: Place, request: MockRequest): MockReply {
  const { query } = request;
  const options = ["$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$skiptoken"];
  checkQueryOptions(query, place.node.eventual ? [...options, "$search"] : options);
  const select = parseSelect(query, queryScope(ctx, place));
  // user-list: "This request requires the ConsistencyLevel header set to eventual because $search is in the request."
  if (query.has("$search") && request.headers["consistencylevel"]?.toLowerCase() !== "eventual") {
    const message =
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'";
    throw badRequest(message, "Request_UnsupportedQuery");
  }
  const search = parseSearch(query, queryScope(ctx, place));
  const filter = parseFilter(query, queryScope(ctx, place));
  const matching = orderBy(
    query,
    queryScope(ctx, place),
    loadCollection(ctx, place).filter((entity) => filter(entity) && search(entity)),
  );
  const { offset, size } = pageWindow(query, ctx.pageSize ?? behaviourOf(ctx.index, place.type)?.pageSize ?? 100);
  const page = matching.slice(offset, offset + size);
  const json: Entity = { "@odata.context": contextUrl(ctx, place, select, false) };
  // @odata.count is on the first page only, as Graph answers it.
  if (wantsCount(query) && query.get("$skiptoken") === null) {
    needsEventual(place, request);
    json["@odata.count"] = matching.length;
  }
  if (offset + page.length < matching.length) {
    json["@odata.nextLink"] = nextLink(`${ctx.baseUrl}${request.path}`, query, offset + page.length);
  }
  const expand = parseExpand(query, place.node.item);
  json["value"] = page.map((entity) => {
    const item = `${place.path}/${encodeURIComponent(String(entity["id"]))}`;
    return expanded(ctx, item, present(ctx, place, entity, select), expand);
  });
  return { status: 200, json };
}

/**
 * `$expand=manager,members($select=id)`: one level of navigation, each answered as its own GET would be (the
 * `$select` inside applies); a nested `$expand` or `*` is not served. Graph expands one level too (user-list).
 */
function parseExpand(query: URLSearchParams, node: MockNode | undefined): [string, string[] | undefined][] {
  const text = query.get("$expand");
  if (text === null) return [];
  const known = (navigation: string) => node?.children?.[navigation] !== undefined;
  const items = text.split(/,(?![^(]*\))/).map((item) => item.trim());
  return items.map((item) => {
    const match = /^(\w+)(?:\(\$select=([\w,]+)\))?$/.exec(item);
    if (!match) throw unsupported(`Expanding '${item}' (one level, with $select only)`);
    if (!known(match[1] as string)) {
      throw badRequest(`Could not find a navigation property named '${match[1]}' to expand.`);
    }
    return [match[1] as string, match[2]?.split(",")];
  });
}

function expanded(
  ctx: ServeContext,
  path: string,
  answer: Entity,
  expand: readonly [string, string[] | undefined][],
): Entity {
  for (const [navigation, select] of expand) {
    const target = resolvePath(ctx.index, `${path}/${navigation}`);
    const { place } = target;
    if (target.kind === "collection")
      answer[navigation] = loadCollection(ctx, place).map((e) => present(ctx, place, e, select));
    else if (target.kind === "entity") {
      const found = findEntity(ctx, place);
      answer[navigation] = found ? present(ctx, place, found.entity, select) : null;
    } else throw badRequest(`'${navigation}' is not a navigation property to expand.`);
  }
  return answer;
}

function countEntities(ctx: ServeContext, place: Place, request: MockRequest): MockReply {
  checkQueryOptions(request.query, ["$filter"]);
  needsEventual(place, request);
  const count = loadCollection(ctx, place).filter(parseFilter(request.query, queryScope(ctx, place))).length;
  return { status: 200, text: String(count), headers: { "content-type": "text/plain" } };
}

/** Counting directory objects needs `ConsistencyLevel: eventual`; Graph answers 400 without it. */
function needsEventual(place: Place, request: MockRequest): void {
  if (place.node.eventual && request.headers["consistencylevel"]?.toLowerCase() !== "eventual") {
    throw badRequest("$count is not currently supported.", "Request_BadRequest");
  }
}

function getEntity(ctx: ServeContext, place: Place, request: MockRequest): MockReply {
  checkQueryOptions(request.query, ["$select", "$expand"]);
  const select = parseSelect(request.query, queryScope(ctx, place));
  const entity = loadEntity(ctx, place);
  const expand = parseExpand(request.query, place.node);
  const answer = expanded(ctx, place.path, present(ctx, place, entity, select), expand);
  return { status: 200, json: { "@odata.context": contextUrl(ctx, place, select, true), ...answer } };
}

function createEntity(ctx: ServeContext, place: Place, request: MockRequest): MockReply {
  const folder = driveFolder(ctx, place);
  if (folder) return createDriveItem(ctx, place, request, folder);
  if (place.node.reference) {
    throw badRequest(`Add to '${place.template}' with POST ${place.template}/$ref and an @odata.id.`);
  }
  loadCollection(ctx, place);
  const { input: body, bindings } = takeBindings(readJsonObject(request));
  const type = bodyType(ctx, place, body);
  const input = writable(ctx, type, body, "create", place.type);
  checkRequired(ctx.index, type, input);
  const id = ctx.newId();
  const entity: Entity = { "@odata.type": `#${type}`, id, ...input };
  stamp(ctx, type, entity, ["createdDateTime", "lastModifiedDateTime"]);
  fillServerValues({ ...ctx, request }, type, entity);
  const home = collectionHome(ctx, place);
  ctx.store.put(home, id, entity);
  bindReferences(ctx, `${home}/${encodeURIComponent(id)}`, bindings);
  const item = { ...place, path: `${place.path}/${encodeURIComponent(id)}`, parent: { path: place.path, id } };
  const sent = Object.keys(input);
  const json = {
    "@odata.context": contextUrl(ctx, place, undefined, true),
    ...present(ctx, item, entity, undefined, sent),
  };
  return { status: 201, json, headers: { location: `${ctx.baseUrl}${item.path}` } };
}

/** `POST .../items/{id}/children`: a folder (or item) made in the drive's items, named in its parent. */
function createDriveItem(
  ctx: ServeContext,
  place: Place,
  request: MockRequest,
  folder: NonNullable<ReturnType<typeof driveFolder>>,
): MockReply {
  const { [CONFLICT_BEHAVIOR]: inBody, ...body } = readJsonObject(request);
  const input = writable(ctx, DRIVE_ITEM, body, "create", place.type);
  const item: Entity = { "@odata.type": `#${DRIVE_ITEM}`, id: ctx.newId(), ...input };
  stamp(ctx, DRIVE_ITEM, item, ["createdDateTime", "lastModifiedDateTime"]);
  const created = addNamedChild(ctx.store, folder, item, request.query.get(CONFLICT_BEHAVIOR) ?? inBody);
  const json = { "@odata.context": contextUrl(ctx, place, undefined, true), ...present(ctx, place, created) };
  const location = `${ctx.baseUrl}${folder.items}/${encodeURIComponent(String(created["id"]))}`;
  return { status: 201, json, headers: { location } };
}

/** Graph reads it from the body or the query string. */
const CONFLICT_BEHAVIOR = "@microsoft.graph.conflictBehavior";

function updateEntity(ctx: ServeContext, place: Place, request: MockRequest): MockReply {
  const found = findEntity(ctx, place);
  if (!found) throw notFound(place.parent?.id ?? place.path);
  const { input: body, bindings } = takeBindings(readJsonObject(request));
  const type = ctx.index.typeOf(found.entity, place.type);
  if (body["@odata.type"] !== undefined && body["@odata.type"] !== `#${type}`) {
    throw badRequest(`The @odata.type '${String(body["@odata.type"])}' does not match the entity's type '#${type}'.`);
  }
  const updated: Entity = { ...found.entity, ...writable(ctx, type, body, "update", type) };
  stamp(ctx, type, updated, ["lastModifiedDateTime"]);
  bindReferences(ctx, found.home, bindings);
  found.save(updated);
  // An event or a list item's fields answer 200 and the entity (event-update, listitem-update).
  if (behaviourOf(ctx.index, type)?.updateAnswersEntity) return { status: 200, json: present(ctx, place, updated) };
  return { status: 204 };
}

function deleteEntity(ctx: ServeContext, place: Place): MockReply {
  if (ctx.index.isA(place.type, DRIVE_ITEM)) {
    const found = findEntity(ctx, place);
    if (!found) throw notFound(place.parent?.id ?? place.path);
    removeItem(ctx.store, found.home.slice(0, found.home.lastIndexOf("/")), String(found.entity["id"]));
    return { status: 204 };
  }
  const { path, id } = place.parent as { path: string; id: string };
  if (!ctx.store.item(path, id) || !ctx.store.remove(path, id)) throw notFound(id);
  return { status: 204 };
}

/** The `@odata.type` a create body names, which must be the path's type or derive from it. */
function bodyType(ctx: ServeContext, place: Place, body: Entity): string {
  const named = body["@odata.type"];
  if (named === undefined) {
    if (ctx.index.type(place.type)?.abstract)
      throw badRequest(`'${place.type}' is abstract: give the @odata.type to create.`);
    return place.type;
  }
  const type = typeof named === "string" ? named.replace(/^#/, "") : "";
  if (!ctx.index.type(type) || !ctx.index.isA(type, place.type)) {
    throw badRequest(`The @odata.type '${String(named)}' is not '${place.type}' or a type derived from it.`);
  }
  return type;
}

/** The body without read-only properties (Graph ignores them), checked with the generated validator. */
function writable(ctx: ServeContext, type: string, body: Entity, mode: "create" | "update", declared: string): Entity {
  const readOnly = ctx.index.readOnly(type);
  const input: Entity = {};
  for (const [name, value] of Object.entries(body))
    if (!readOnly.has(name) && name !== "@odata.type") input[name] = value;
  const validate = ctx.index.validator(declared);
  const checked = validate?.(
    body["@odata.type"] === undefined ? input : { "@odata.type": body["@odata.type"], ...input },
    { mode },
  );
  if (checked && !checked.ok) {
    const details = checked.errors.map((e) => ({ code: "InvalidValue", message: e.message, target: e.path || "/" }));
    const first = details[0];
    const message = `Invalid request body: ${first ? `${first.target}: ${first.message}` : "rejected"}`;
    throw new MockGraphError(400, "BadRequest", message, {}, details);
  }
  declareEnums(ctx.index, type, input);
  return input;
}

/** Sets the timestamps the metadata declares, as the service would. */
function stamp(ctx: ServeContext, type: string, entity: Entity, names: readonly string[]): void {
  const properties = ctx.index.properties(type);
  for (const name of names) if (properties.has(name)) entity[name] = ctx.now().toISOString();
}
