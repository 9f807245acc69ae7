// Test data in and out without HTTP: `seed` puts entities at a collection path (keeping the ids and
// read-only values a test gives, which a POST would ignore) and `read` shows what the mock holds.
// Seeded entities are checked with the generated validators in `read` mode, so seeds cannot drift from the types.
import { resolvePath, type Place } from "./resolve.js";
import { collectionHome, loadCollection, loadEntity, loadOwner, type ServeContext } from "./places.js";
import type { Entity } from "./types.js";

export function seedPath(ctx: ServeContext, path: string, data: unknown): Entity[] {
  const target = resolvePath(ctx.index, path);
  if (target.kind !== "collection" && target.kind !== "entity") {
    throw new Error(`mock.seed("${path}"): seed a collection or an entity path, not a ${target.kind} path`);
  }
  const { place } = target;
  const items = (Array.isArray(data) ? data : [data]) as Entity[];
  if (place.itemPath !== undefined) {
    throw new Error(`mock.seed("${path}"): seed drive items in the drive's items, parentReference naming their folder`);
  }
  if (target.kind === "entity") {
    if (items.length !== 1 || place.parent || place.node.reference) {
      throw new Error(`mock.seed("${path}"): give one object for a singleton or a single-valued navigation`);
    }
    if (place.owner) loadOwner(ctx, place);
    const entity = { ...ctx.store.single(place.path), ...checked(ctx, place, items[0] as Entity, path) };
    ctx.store.putSingle(place.path, entity);
    return [entity];
  }
  return items.map((item) => {
    const entity = { id: item["id"] ?? ctx.newId(), ...checked(ctx, place, item, path) };
    const id = String(entity.id);
    if (!place.node.reference) ctx.store.put(collectionHome(ctx, place), id, entity);
    else {
      const home = ctx.store.find(id, (e) => ctx.index.isA(ctx.index.typeOf(e, place.type), place.node.type));
      // An entity seeded only as a reference lives in a hidden collection of its own, so it can be found by id.
      if (!home) ctx.store.put(`${place.path}/$referenced`, id, entity);
      const ids = ctx.store.referenced(place.path);
      if (!ids.includes(id)) ctx.store.setReferences(place.path, [...ids, id]);
    }
    return entity;
  });
}

export function readPath(ctx: ServeContext, path: string): Entity[] {
  const target = resolvePath(ctx.index, path);
  if (target.kind === "collection") return loadCollection(ctx, target.place);
  if (target.kind === "entity") return [loadEntity(ctx, target.place)];
  throw new Error(`mock.read("${path}"): read a collection or an entity path, not a ${target.kind} path`);
}

/** The item with its `@odata.type` spelled out, after the type's validator accepted it. */
function checked(ctx: ServeContext, place: Place, item: Entity, path: string): Entity {
  const type = ctx.index.typeOf(item, place.type);
  if (!ctx.index.isA(type, place.type)) throw new Error(`mock.seed("${path}"): ${type} is not a ${place.type}`);
  const result = ctx.index.validator(type)?.(item, { mode: "read" });
  if (result && !result.ok) {
    const issue = result.errors[0];
    throw new Error(`mock.seed("${path}"): ${issue ? `${issue.path || "/"}: ${issue.message}` : "invalid item"}`);
  }
  return { "@odata.type": `#${type}`, ...item };
}
