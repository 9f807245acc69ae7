// The fake Graph's data: entities in the collections that own them (entity sets and contained
// navigation), singletons, references of non-contained navigation, media content, and the change
// log delta queries read. Paths are canonical: decoded segments, each percent-encoded again.
import type { Entity } from "./types.js";

export interface Change {
  readonly sequence: number;
  readonly collection: string;
  readonly id: string;
  readonly removed: boolean;
}

export class MockStore {
  /** Owning collection path -> id -> entity, in insertion order. */
  private readonly collections = new Map<string, Map<string, Entity>>();
  /** Singletons and single-valued contained navigation, by path. */
  private readonly singles = new Map<string, Entity>();
  /** Non-contained navigation by path: the ids it refers to. */
  private readonly references = new Map<string, string[]>();
  private readonly content = new Map<string, Uint8Array>();
  private readonly changes: Change[] = [];
  private sequence = 0;

  items(collection: string): Entity[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  item(collection: string, id: string): Entity | undefined {
    return this.collections.get(collection)?.get(id);
  }

  put(collection: string, id: string, entity: Entity): void {
    let items = this.collections.get(collection);
    if (!items) this.collections.set(collection, (items = new Map()));
    items.set(id, entity);
    this.changed(collection, id, false);
  }

  /** Removes the entity and everything contained below it. */
  remove(collection: string, id: string): boolean {
    const removed = this.collections.get(collection)?.delete(id) ?? false;
    if (!removed) return false;
    const below = `${collection}/${encodeURIComponent(id)}/`;
    for (const map of [this.collections, this.singles, this.references, this.content]) {
      for (const path of map.keys()) if (path.startsWith(below)) map.delete(path);
    }
    this.content.delete(`${collection}/${encodeURIComponent(id)}`);
    this.changed(collection, id, true);
    return true;
  }

  single(path: string): Entity | undefined {
    return this.singles.get(path);
  }

  putSingle(path: string, entity: Entity): void {
    this.singles.set(path, entity);
  }

  /** An entity of an owning collection by id, of the given type or one derived from it (a reference's target). */
  find(id: string, isA: (entity: Entity) => boolean): { collection: string; entity: Entity } | undefined {
    for (const [collection, items] of this.collections) {
      const entity = items.get(id);
      if (entity && isA(entity)) return { collection, entity };
    }
    return undefined;
  }

  referenced(path: string): string[] {
    return [...(this.references.get(path) ?? [])];
  }

  setReferences(path: string, ids: readonly string[]): void {
    this.references.set(path, [...ids]);
  }

  /** The entities whose navigation `navigation` refers to `id`: the collection each lives in and its id. */
  referrers(navigation: string, id: string): { collection: string; id: string }[] {
    const found: { collection: string; id: string }[] = [];
    for (const [path, ids] of this.references) {
      if (!path.endsWith(`/${navigation}`) || !ids.includes(id)) continue;
      const holder = path.slice(0, -navigation.length - 1);
      const at = holder.lastIndexOf("/");
      found.push({ collection: holder.slice(0, at), id: decodeURIComponent(holder.slice(at + 1)) });
    }
    return found;
  }

  stream(path: string): Uint8Array | undefined {
    return this.content.get(path);
  }

  setStream(path: string, bytes: Uint8Array): void {
    this.content.set(path, bytes);
  }

  /** The sequence number of the last change: a delta round's token. */
  get version(): number {
    return this.sequence;
  }

  /** Changes to one collection after `version`, the latest per entity. */
  changesSince(collection: string, version: number): Change[] {
    const latest = new Map<string, Change>();
    for (const change of this.changes) {
      if (change.sequence > version && change.collection === collection) {
        latest.delete(change.id);
        latest.set(change.id, change);
      }
    }
    return [...latest.values()];
  }

  clear(): void {
    for (const map of [this.collections, this.singles, this.references, this.content]) map.clear();
    this.changes.length = 0;
  }

  private changed(collection: string, id: string, removed: boolean): void {
    this.changes.push({ sequence: ++this.sequence, collection, id, removed });
  }
}
