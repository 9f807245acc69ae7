// What serving a path needs: the places' entities (a reference resolved to the set that owns the
// entity, a missing owner a 404), Graph's `@odata.context` and `@odata.type` on what is answered, and
// the JSON body of a request.
import { derivedIds, derivedNavigation } from "./derived.js";
import { shapeAnswer } from "./documented.js";
import { childrenOf, DRIVE_ITEM, ensureRootItem, itemAtPath, itemAtPathOrNew, ROOT_ITEM } from "./drive-items.js";
import type { QueryScope } from "./query.js";
import { project } from "./query.js";
import type { Place, SchemaIndex } from "./resolve.js";
import type { MockStore } from "./store.js";
import {
  badRequest,
  MockGraphError,
  notFound,
  type DerivedNavigation,
  type Entity,
  type MockRequest,
} from "./types.js";

export interface ServeContext {
  readonly index: SchemaIndex;
  readonly store: MockStore;
  /** `https://graph.microsoft.com/v1.0`, or the listening server's: for context URLs and links. */
  readonly baseUrl: string;
  /** The mock's `pageSize` option; without it, the type's documented page size, else 100. */
  readonly pageSize: number | undefined;
  readonly newId: () => string;
  readonly now: () => Date;
}

export function methodNotAllowed(allowed: readonly string[]): MockGraphError {
  const message = "Specified HTTP method is not allowed for the request target.";
  return new MockGraphError(405, "Request_BadRequest", message, { allow: allowed.join(", ") });
}

/** The entities of a collection place, casts applied; a missing owner is a 404. */
export function loadCollection(ctx: ServeContext, place: Place): Entity[] {
  if (place.owner)
    loadEntity(ctx, place.owner.node.kind === "entity" ? place.owner : (place.owner.owner ?? place.owner));
  const items = place.node.reference
    ? referencedIds(ctx, place).flatMap((id): Entity[] => {
        const found = ctx.store.find(id, (e) => isA(ctx, e, place.node.type));
        return found ? [found.entity] : [];
      })
    : ctx.store.items(collectionHome(ctx, place));
  return items.filter((entity) => isA(ctx, entity, place.type));
}

/** The entity at an entity place, or a 404; a root singleton always exists. */
export function loadEntity(ctx: ServeContext, place: Place): Entity {
  const found = findEntity(ctx, place);
  if (!found || !isA(ctx, found.entity, place.type)) throw notFound(place.parent?.id ?? place.path);
  return found.entity;
}

/** The entity a place belongs to must exist (a drive's `root` does once its drive does: see findEntity). */
export function loadOwner(ctx: ServeContext, place: Place): void {
  loadEntity(ctx, place.owner as Place);
}

/** The ids a reference collection holds: those stored at its path and, where Graph computes it, the derived ones. */
function referencedIds(ctx: ServeContext, collection: Place): string[] {
  const stored = ctx.store.referenced(collection.path);
  const derived = derivedFrom(ctx, collection);
  const computed = derived ? derivedIds(ctx.index, ctx.store, derived.rule, String(derived.owner["id"])) : [];
  return [...new Set([...stored, ...computed, ...folderChildren(ctx, collection)])];
}

/** A drive item's `children` (a reference in the metadata): the items of its drive that name it their parent. */
function folderChildren(ctx: ServeContext, collection: Place): string[] {
  const folder = driveFolder(ctx, collection);
  return folder ? childrenOf(ctx.store, folder.items, folder.parent).map((child) => String(child["id"])) : [];
}

/** For a drive item's `children`: the drive's items collection, the folder's id and the drive's id. */
export function driveFolder(
  ctx: ServeContext,
  collection: Place,
): { items: string; parent: string; driveId: string | undefined } | undefined {
  const folder = collection.owner;
  if (!folder || !collection.node.template.endsWith("/children") || !ctx.index.isA(collection.node.type, DRIVE_ITEM))
    return undefined;
  const found = findEntity(ctx, folder);
  if (!found || !isA(ctx, found.entity, DRIVE_ITEM)) return undefined;
  const items = found.home.slice(0, found.home.lastIndexOf("/"));
  const driveId = (found.entity["parentReference"] as { driveId?: unknown } | undefined)?.driveId;
  return { items, parent: String(found.entity["id"]), driveId: driveId === undefined ? undefined : String(driveId) };
}

/** The rule and owning entity of a reference collection Graph computes (`memberOf`): read-only, as in Graph. */
export function derivedFrom(
  ctx: ServeContext,
  collection: Place,
): { rule: DerivedNavigation; owner: Entity } | undefined {
  const owner = collection.owner && findEntity(ctx, collection.owner)?.entity;
  const navigation = collection.node.template.split("/").at(-1) ?? "";
  const rule = owner && derivedNavigation(ctx.index, ctx.index.typeOf(owner, collection.owner?.type ?? ""), navigation);
  return owner && rule ? { rule, owner } : undefined;
}

/** A found entity: `home` is its canonical path (its owning collection's and its id), where its content is kept. */
export interface Found {
  readonly entity: Entity;
  readonly home: string;
  readonly save: (entity: Entity) => void;
}

/** Where an entity lives: a reference resolves to the collection that owns the entity. */
export function findEntity(ctx: ServeContext, place: Place): Found | undefined {
  const { store } = ctx;
  const node = place.node;
  const inCollection = (collection: string, id: string): Found | undefined => {
    const entity = store.item(collection, id);
    const home = `${collection}/${encodeURIComponent(id)}`;
    return entity && { entity, home, save: (updated) => store.put(collection, id, updated) };
  };
  if (place.itemPath !== undefined) {
    const base = driveItemBase(ctx, place);
    const entity = itemAtPath(store, base.items, base.from, place.itemPath.split("/"));
    return entity && inCollection(base.items, String(entity["id"]));
  }
  if (node.reference) {
    // A drive's `root`: the drive's own item `root`, made the first time it is reached.
    // Kept below the drive's own path, so `/me/drive/root` and `/drives/{id}/root` are one item.
    if (!place.parent && node.itemPath && place.owner) {
      const drive = findEntity(ctx, place.owner);
      if (!drive || !isA(ctx, drive.entity, place.owner.type))
        throw notFound(place.owner.parent?.id ?? place.owner.path);
      ensureRootItem(store, `${drive.home}/items`, drive.entity["id"]);
      return inCollection(`${drive.home}/items`, ROOT_ITEM);
    }
    const id = place.parent ? place.parent.id : (store.referenced(place.path)[0] ?? impliedDrive(ctx, place));
    if (id === undefined || (place.parent && place.owner && !referencedIds(ctx, place.owner).includes(id)))
      return undefined;
    const found = store.find(id, (e) => isA(ctx, e, node.type));
    return found && inCollection(found.collection, id);
  }
  if (place.parent) {
    const { id } = place.parent;
    const path = place.owner ? collectionHome(ctx, place.owner) : place.parent.path;
    // `items/root` of a drive: Graph's alias of the drive's root item, there for every drive.
    const drive = place.owner?.owner;
    const impliedRoot = drive && id === ROOT_ITEM && node.itemPath && !store.item(path, id);
    const driveEntity = impliedRoot ? findEntity(ctx, drive)?.entity : undefined;
    if (driveEntity) ensureRootItem(store, path, driveEntity["id"]);
    return inCollection(path, id);
  }
  if (place.owner) loadOwner(ctx, place);
  const single = store.single(place.path) ?? (place.owner ? undefined : { "@odata.type": `#${node.type}` });
  return single && { entity: single, home: place.path, save: (entity) => store.putSingle(place.path, entity) };
}

/**
 * Where a contained collection's entities are kept: below its owner's home, so that the items of a drive
 * reached by reference (`/me/drive/items`) are those of the drive itself (`/drives/{id}/items`). Reads, writes
 * and seeds all go there; elsewhere it is the collection's own path.
 */
export function collectionHome(ctx: ServeContext, collection: Place): string {
  if (!collection.owner || collection.node.reference || collection.node.kind !== "collection") return collection.path;
  const owner = findEntity(ctx, collection.owner);
  return owner ? `${owner.home}/${collection.path.slice(collection.path.lastIndexOf("/") + 1)}` : collection.path;
}

/**
 * A user's, group's or site's `drive` that no test seeded: Graph gives each one a drive, so the mock makes it
 * the first time it is reached, in `/drives` (its root and items then behave as under `/drives/{id}`).
 */
function impliedDrive(ctx: ServeContext, place: Place): string | undefined {
  if (place.parent || place.node.kind !== "entity" || !ctx.index.isA(place.node.type, DRIVE) || !place.owner)
    return undefined;
  const owner = findEntity(ctx, place.owner);
  if (!owner) return undefined;
  const id = ctx.newId();
  ctx.store.put(DRIVES, id, { "@odata.type": `#${DRIVE}`, id });
  ctx.store.setReferences(place.path, [id]);
  return id;
}

/**
 * For a drive item addressed by path: the drive's items collection, the item the path starts from (`root`, or
 * `items/{id}`) and the drive's id; a missing drive or starting item is a 404.
 */
function driveItemBase(ctx: ServeContext, place: Place): { items: string; from: string; driveId: string | undefined } {
  const start = place.owner as Place;
  const found = findEntity(ctx, start);
  if (!found || !isA(ctx, found.entity, DRIVE_ITEM)) throw notFound(start.parent?.id ?? start.path);
  const drive = start.parent ? start.owner?.owner : start.owner;
  const driveId = drive && ctx.index.isA(drive.type, DRIVE) ? findEntity(ctx, drive)?.entity["id"] : undefined;
  const items = found.home.slice(0, found.home.lastIndexOf("/"));
  return { items, from: String(found.entity["id"]), driveId: driveId === undefined ? undefined : String(driveId) };
}

const DRIVE = "microsoft.graph.drive";
const DRIVES = "/drives";

/** The drive item at a path, made with the folders missing on the way when there is none (an upload by path). */
export function driveItemAtPathOrNew(ctx: ServeContext, place: Place): { found: Found; created: boolean } {
  const base = driveItemBase(ctx, place);
  const { entity, created } = itemAtPathOrNew(ctx.store, ctx.newId, base, (place.itemPath ?? "").split("/"));
  const id = String(entity["id"]);
  const home = `${base.items}/${encodeURIComponent(id)}`;
  return { found: { entity, home, save: (updated) => ctx.store.put(base.items, id, updated) }, created };
}

/** Drive items keep their bytes in the `content` stream property; other media entities at `$value`. */
export function contentKey(ctx: ServeContext, type: string, home: string, property?: string): string {
  const declared = ctx.index.properties(type).get("content") === "Edm.Stream" && ctx.index.isA(type, DRIVE_ITEM);
  return `${home}/${property ?? (declared ? "content" : "$value")}`;
}

export function isA(ctx: ServeContext, entity: Entity, type: string): boolean {
  return ctx.index.isA(ctx.index.typeOf(entity, type), type);
}

export function queryScope(ctx: ServeContext, place: Place): QueryScope {
  return { typeName: place.type, properties: ctx.index.queryable(place.type), enums: ctx.index.enums };
}

/** `@odata.context`: the path with keys in parentheses, as Graph writes it. */
export function contextUrl(
  ctx: ServeContext,
  place: Place,
  select: readonly string[] | undefined,
  entity: boolean,
): string {
  const shape = `${select ? `(${select.join(",")})` : ""}${entity ? "/$entity" : ""}`;
  // A reference's entities live in their own set, which Graph names: #directoryObjects for a group's members.
  const set = place.node.reference ? ctx.index.schema.entitySets?.[place.type] : undefined;
  if (set !== undefined) return `${ctx.baseUrl}/$metadata#${set}${shape}`;
  const template = place.template.split("/").slice(1);
  const parts: string[] = [];
  place.path
    .split("/")
    .slice(1)
    .forEach((segment, i) => {
      const key = encodeURIComponent(decodeURIComponent(segment)).replaceAll("'", "''");
      if (/^\{.*\}$/.test(template[i] ?? "")) parts.push(`${parts.pop() ?? ""}('${key}')`);
      else parts.push(decodeURIComponent(segment));
    });
  // An entity by key is `users/$entity`, `teams('t1')/channels/$entity`: the set, not the key.
  if (entity && place.parent) parts.push((parts.pop() ?? "").replace(/\('[^']*'\)$/, ""));
  return `${ctx.baseUrl}/$metadata#${parts.join("/")}${shape}`;
}

export function present(
  ctx: ServeContext,
  place: Place,
  entity: Entity,
  select?: readonly string[],
  sent?: readonly string[],
): Entity {
  const shaped = shapeAnswer(ctx.index, ctx.index.typeOf(entity, place.type), entity, select, sent);
  const { "@odata.type": type, ...rest } = project(shaped, select);
  const shown = type !== undefined && type !== `#${place.type}` ? { "@odata.type": type } : {};
  return { ...shown, ...rest };
}

export function readJsonObject(request: MockRequest): Entity {
  const unreadable =
    "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.";
  if (!request.body || request.body.length === 0) return {};
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) throw badRequest(unreadable);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(request.body));
  } catch {
    throw badRequest(unreadable);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw badRequest("The request payload must be a JSON object.");
  return parsed as Entity;
}
