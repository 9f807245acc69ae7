// `$ref` on non-contained navigation (add, list and remove references on a collection; set, read and
// clear a single-valued one) and media content (`$value` of a media entity, or a stream property).
import type { Place } from "./resolve.js";
import { DRIVE_ITEM } from "./drive-items.js";
import {
  contentKey,
  derivedFrom,
  driveItemAtPathOrNew,
  findEntity,
  isA,
  loadCollection,
  loadEntity,
  present,
  readJsonObject,
  type ServeContext,
} from "./places.js";
import { badRequest, MockGraphError, notFound, type Entity, type MockReply, type MockRequest } from "./types.js";

export function referenceMethods(
  ctx: ServeContext,
  place: Place,
  request: MockRequest,
): Record<string, () => MockReply> {
  const link = (id: string) => {
    const found = ctx.store.find(id, (e) => isA(ctx, e, place.node.type));
    return { "@odata.id": `${ctx.baseUrl}${found?.collection ?? place.path}/${encodeURIComponent(id)}` };
  };
  const target = (): string => {
    const url = readJsonObject(request)["@odata.id"];
    const id = typeof url === "string" ? decodeURIComponent(url.split("?")[0]?.split("/").pop() ?? "") : "";
    if (id === "") throw badRequest("The request body needs an '@odata.id' naming the entity to refer to.");
    if (!ctx.store.find(id, (e) => isA(ctx, e, place.node.type))) {
      throw notFound(`${id}' of type '${place.node.type}`);
    }
    return id;
  };
  const list = () => ({ status: 200, json: { value: loadCollection(ctx, place).map((e) => link(String(e["id"]))) } });
  // Navigation Graph computes (`memberOf`, `directReports`) is read-only: written through the other side.
  if (place.node.kind === "collection" && derivedFrom(ctx, place)) return { GET: list };
  if (place.parent && place.owner && derivedFrom(ctx, place.owner)) return {};
  if (place.node.kind === "collection") {
    return {
      GET: list,
      POST: () => {
        loadCollection(ctx, place);
        const id = target();
        const ids = ctx.store.referenced(place.path);
        if (ids.includes(id)) {
          const property = place.path.split("/").at(-1) ?? "";
          throw badRequest(
            `One or more added object references already exist for the following modified properties: '${property}'.`,
          );
        }
        ctx.store.setReferences(place.path, [...ids, id]);
        return { status: 204 };
      },
    };
  }
  if (place.parent) {
    const { path, id } = place.parent;
    return {
      DELETE: () => {
        const ids = ctx.store.referenced(path);
        if (!ids.includes(id)) throw notFound(id);
        ctx.store.setReferences(
          path,
          ids.filter((other) => other !== id),
        );
        return { status: 204 };
      },
    };
  }
  return {
    GET: () => ({ status: 200, json: link(String(loadEntity(ctx, place)["id"])) }),
    PUT: () => (ctx.store.setReferences(place.path, [target()]), { status: 204 }),
    DELETE: () => (loadEntity(ctx, place), ctx.store.setReferences(place.path, []), { status: 204 }),
  };
}

/** `members@odata.bind` and the like in a create or PATCH body: Graph adds the references (group-post-groups). */
export function takeBindings(body: Entity): { input: Entity; bindings: [string, string[]][] } {
  const input: Entity = {};
  const bindings: [string, string[]][] = [];
  for (const [name, value] of Object.entries(body)) {
    const navigation = /^(\w+)@odata\.bind$/.exec(name)?.[1];
    if (navigation === undefined) input[name] = value;
    else bindings.push([navigation, (Array.isArray(value) ? value : [value]).map((url) => boundId(url))]);
  }
  return { input, bindings };
}

/** Adds the references a body bound, below the entity at `home` (a single-valued one is replaced). */
export function bindReferences(ctx: ServeContext, home: string, bindings: readonly [string, string[]][]): void {
  for (const [navigation, ids] of bindings) {
    for (const id of ids) if (!ctx.store.find(id, () => true)) throw notFound(id);
    const path = `${home}/${navigation}`;
    const kept = ctx.store.referenced(path).filter((id) => !ids.includes(id));
    ctx.store.setReferences(path, [...kept, ...ids]);
  }
}

/** The id at the end of a bound URL: `.../users/{id}`, `.../directoryObjects/{id}` or `.../users('{id}')`. */
function boundId(url: unknown): string {
  const path = typeof url === "string" ? (url.split("?")[0] ?? "") : "";
  const id = /\('([^']*)'\)$/.exec(path)?.[1] ?? path.slice(path.lastIndexOf("/") + 1);
  if (id === "") throw badRequest(`An @odata.bind value must be the URL of an entity: ${JSON.stringify(url)}.`);
  return decodeURIComponent(id);
}

/** Media content (`$value` of a media entity) or a stream property, kept as bytes at the entity's own path. */
export function contentMethods(
  ctx: ServeContext,
  place: Place,
  request: MockRequest,
  property?: string,
): Record<string, () => MockReply> {
  const load = () => {
    const found = findEntity(ctx, place);
    if (!found || !isA(ctx, found.entity, place.type)) throw notFound(place.parent?.id ?? place.path);
    return found;
  };
  const driveItem = ctx.index.isA(place.type, DRIVE_ITEM);
  return {
    GET: (): MockReply => {
      const key = contentKey(ctx, place.type, load().home, property);
      const bytes = ctx.store.stream(key);
      if (!bytes) throw notFound(`${place.path}/${property ?? "$value"}`);
      // Graph sends a drive item's content from a pre-authenticated URL: 302 there, as it does.
      const download = `${ctx.baseUrl.replace(/\/v1\.0$/, "")}${DOWNLOAD_PATH}${key.slice(1)}`;
      if (driveItem) return { status: 302, headers: { location: download } };
      return { status: 200, bytes, headers: { "content-type": "application/octet-stream" } };
    },
    PUT: () => {
      const bytes = request.body ?? new Uint8Array();
      if (!driveItem) {
        ctx.store.setStream(contentKey(ctx, place.type, load().home, property), bytes);
        return { status: 204 };
      }
      // Drive items answer the item: created (with missing folders) by a PUT to a path that held none.
      const { found, created } =
        place.itemPath !== undefined ? driveItemAtPathOrNew(ctx, place) : { found: load(), created: false };
      const entity = { ...found.entity, size: bytes.length };
      found.save(entity);
      ctx.store.setStream(contentKey(ctx, place.type, found.home, property), bytes);
      return { status: created ? 201 : 200, json: present(ctx, place, entity) };
    },
  };
}

/** Where drive item content is downloaded from, on the mock's origin: the stream's path follows. */
export const DOWNLOAD_PATH = "/mock-download/";

/** A download URL: the bytes, to a request without a token (the URL is the credential). */
export function serveDownload(ctx: ServeContext, request: MockRequest): MockReply {
  if (request.headers["authorization"] !== undefined) {
    throw new MockGraphError(
      401,
      "unauthenticated",
      "Download URLs are pre-authenticated: send no Authorization header.",
    );
  }
  const bytes = ctx.store.stream(`/${request.path.slice(DOWNLOAD_PATH.length)}`);
  if (!bytes || request.method !== "GET") throw notFound(request.path);
  return { status: 200, bytes, headers: { "content-type": "application/octet-stream" } };
}
