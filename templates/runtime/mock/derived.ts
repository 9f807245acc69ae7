// Navigation Graph computes from another one's references instead of storing it: a user's `memberOf` is
// the groups whose `members` hold the user, `directReports` the users whose `manager` is this one. The
// rules come with the schema (generator/mock/derived-navigation.ts says where each is documented).
import type { SchemaIndex } from "./resolve.js";
import type { MockStore } from "./store.js";
import type { DerivedNavigation, Entity } from "./types.js";

/** The rule for `navigation` on an entity of `type` (or a type it derives from), when Graph computes it. */
export function derivedNavigation(index: SchemaIndex, type: string, navigation: string): DerivedNavigation | undefined {
  return index.schema.derived.find((rule) => rule.navigation === navigation && index.isA(type, rule.type));
}

/** The ids the derived navigation of entity `id` holds; a transitive one follows them breadth-first. */
export function derivedIds(index: SchemaIndex, store: MockStore, rule: DerivedNavigation, id: string): string[] {
  const feeds = (entity: Entity) => rule.from.some((type) => index.isA(index.typeOf(entity, type), type));
  const step = (from: string): string[] => {
    if (rule.direction === "forward") {
      const holder = store.find(from, feeds);
      return holder ? store.referenced(`${holder.collection}/${encodeURIComponent(from)}/${rule.via}`) : [];
    }
    return store
      .referrers(rule.via, from)
      .filter(({ collection, id: holder }) => {
        const entity = store.item(collection, holder);
        return entity !== undefined && feeds(entity);
      })
      .map((holder) => holder.id);
  };
  const found = step(id);
  if (!rule.transitive) return found;
  const seen = new Set([id, ...found]);
  for (let at = 0; at < found.length; at++) {
    for (const next of step(found[at] as string)) {
      if (seen.has(next)) continue;
      seen.add(next);
      found.push(next);
    }
  }
  return found;
}
