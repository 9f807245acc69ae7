// A drive's items as Graph keeps them: every item in the drive's `items` collection, each naming its folder
// in `parentReference` (a folder's `children` are the items that name it). An item addressed by path
// (`root:/a/b.txt:`) is found by name from folder to folder, and an upload to a path that holds none
// creates it and the folders missing on the way, as Graph does.
import type { MockStore } from "./store.js";
import { badRequest, MockGraphError, type Entity } from "./types.js";

export const DRIVE_ITEM = "microsoft.graph.driveItem";

/** The id Graph gives a drive's root item (`items/root`). */
export const ROOT_ITEM = "root";

/** The items whose `parentReference` names `parent`: a folder's `children`, as Graph lists them. */
export function childrenOf(store: MockStore, items: string, parent: string): Entity[] {
  return store.items(items).filter((item) => parentId(item) === parent);
}

/** The id of the folder an item's `parentReference` names. */
function parentId(item: Entity | undefined): unknown {
  return (item?.["parentReference"] as { id?: unknown } | undefined)?.id;
}

/** The `parentReference` of a new item in folder `parent` of drive `driveId`. */
function parentReference(driveId: string | undefined, parent: string): { driveId?: string; id: string } {
  return { ...(driveId === undefined ? {} : { driveId }), id: parent };
}

/** The drive's root item, made the first time it is reached (Graph gives every drive one, naming its drive). */
export function ensureRootItem(store: MockStore, items: string, driveId: unknown): Entity {
  const existing = store.item(items, ROOT_ITEM);
  if (existing) return existing;
  const root = {
    "@odata.type": `#${DRIVE_ITEM}`,
    id: ROOT_ITEM,
    name: "root",
    root: {},
    folder: { childCount: 0 },
    ...(driveId === undefined ? {} : { parentReference: { driveId: String(driveId) } }),
  };
  store.put(items, ROOT_ITEM, root);
  return root;
}

/** The item at `names` below item `from`, names compared without case as OneDrive does. */
export function itemAtPath(
  store: MockStore,
  items: string,
  from: string,
  names: readonly string[],
): Entity | undefined {
  let current = store.item(items, from);
  for (const name of names) {
    if (!current) return undefined;
    current = childNamed(store, items, String(current["id"]), name);
  }
  return current;
}

/** The item at `names` below `from`, made (with the folders missing on the way) when there is none. */
export function itemAtPathOrNew(
  store: MockStore,
  newId: () => string,
  at: { readonly items: string; readonly from: string; readonly driveId: string | undefined },
  names: readonly string[],
): { entity: Entity; created: boolean } {
  let parent = String(at.from);
  let entity: Entity | undefined;
  let created = false;
  names.forEach((name, i) => {
    entity = childNamed(store, at.items, parent, name);
    if (!entity) {
      const facet = i < names.length - 1 ? { folder: { childCount: 0 } } : { file: {} };
      const reference = parentReference(at.driveId, parent);
      entity = { "@odata.type": `#${DRIVE_ITEM}`, id: newId(), name, parentReference: reference, ...facet };
      addChild(store, at.items, parent, entity);
      created = true;
    }
    parent = String(entity["id"]);
  });
  return { entity: entity as Entity, created };
}

/**
 * A new item in folder `parent` (`POST .../children`): a name already there fails with 409 unless the
 * `@microsoft.graph.conflictBehavior` is `rename` (" 1", " 2" before the extension) or `replace`, as Graph does.
 */
export function addNamedChild(
  store: MockStore,
  at: { readonly items: string; readonly parent: string; readonly driveId: string | undefined },
  item: Entity,
  conflictBehavior: unknown,
): Entity {
  const behavior = conflictBehavior ?? "fail";
  if (behavior !== "fail" && behavior !== "rename" && behavior !== "replace")
    throw badRequest(`@microsoft.graph.conflictBehavior must be fail, rename or replace, not '${String(behavior)}'.`);
  const name = String(item["name"] ?? "");
  if (name === "") throw badRequest("A new drive item needs a name.");
  const existing = childNamed(store, at.items, at.parent, name);
  let chosen = name;
  if (existing && behavior === "fail") throw new MockGraphError(409, "nameAlreadyExists", "Name already exists");
  if (existing && behavior === "rename") {
    const dot = name.lastIndexOf(".") > 0 && !item["folder"] ? name.lastIndexOf(".") : name.length;
    for (let n = 1; childNamed(store, at.items, at.parent, chosen); n++)
      chosen = `${name.slice(0, dot)} ${n}${name.slice(dot)}`;
  }
  const reference = parentReference(at.driveId, at.parent);
  const folder = item["folder"] ? { folder: { childCount: 0 } } : {};
  const id = existing && behavior === "replace" ? existing["id"] : item["id"];
  const child = { ...item, id, name: chosen, parentReference: reference, ...folder };
  addChild(store, at.items, at.parent, child);
  return child;
}

function childNamed(store: MockStore, items: string, parent: string, name: string): Entity | undefined {
  const wanted = name.toLowerCase();
  return childrenOf(store, items, parent).find((child) => String(child["name"]).toLowerCase() === wanted);
}

/** Removes a drive item with everything below it: Graph deletes a folder with its contents. */
export function removeItem(store: MockStore, items: string, id: string): void {
  const item = store.item(items, id);
  for (const child of childrenOf(store, items, id)) removeItem(store, items, String(child["id"]));
  store.remove(items, id);
  const parent = parentId(item);
  if (typeof parent === "string") countChildren(store, items, parent);
}

function addChild(store: MockStore, items: string, parent: string, child: Entity): void {
  store.put(items, String(child["id"]), child);
  countChildren(store, items, parent);
}

function countChildren(store: MockStore, items: string, parent: string): void {
  const folder = store.item(items, parent);
  const childCount = childrenOf(store, items, parent).length;
  if (folder?.["folder"])
    store.put(items, parent, { ...folder, folder: { ...(folder["folder"] as object), childCount } });
}
