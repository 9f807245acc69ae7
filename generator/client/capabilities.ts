// What the metadata's Capabilities and Validation annotations say about request paths, read the way Graph's
// OpenAPI description reads them: navigability, referenceability, countability, the requests Graph refuses
// (read, insert, update and delete restrictions), casts, complex property paths.
import type { AnnotationValue } from "../csdl/raw.js";
import { TERMS } from "../model/annotate.js";
import type { Annotations, Property } from "../model/types.js";

const NAVIGATION_RESTRICTIONS = "Org.OData.Capabilities.V1.NavigationRestrictions";
const READ_RESTRICTIONS = "Org.OData.Capabilities.V1.ReadRestrictions";
const COUNT_RESTRICTIONS = "Org.OData.Capabilities.V1.CountRestrictions";
const PROPERTY_PATH_TERMS = [
  READ_RESTRICTIONS,
  "Org.OData.Capabilities.V1.UpdateRestrictions",
  TERMS.insertRestrictions,
];

type AnnotationRecord = Readonly<Record<string, AnnotationValue>>;

function record(value: AnnotationValue | undefined): AnnotationRecord | undefined {
  return value?.kind === "record" ? value.properties : undefined;
}

/** `NavigationRestrictions`: whether the path exists (Navigability None says no), and Referenceable when given. */
export function navigationRestrictions(annotations: Annotations): { navigable: boolean; referenceable?: boolean } {
  const restrictions = record(annotations.get(NAVIGATION_RESTRICTIONS));
  const navigability = restrictions?.Navigability;
  const referenceable = restrictions?.Referenceable;
  const navigable = !(navigability?.kind === "enumMember" && navigability.value.endsWith("/None"));
  return referenceable?.kind === "bool" ? { navigable, referenceable: referenceable.value } : { navigable };
}

/** `$count` exists unless `CountRestrictions/Countable` is false. */
export function countable(annotations: Annotations): boolean {
  const value = record(annotations.get(COUNT_RESTRICTIONS))?.Countable;
  return !(value?.kind === "bool" && !value.value);
}

/** The requests Read, Insert, Update and Delete restrictions speak of; `read`: one entity by key. */
export type RestrictedRequest = "list" | "read" | "create" | "update" | "delete";

/** What the annotations say of each request, where they say it: true allows it, false refuses it. */
export type RequestCapabilities = Readonly<Partial<Record<RestrictedRequest, boolean>>>;

const RESTRICTION_TERMS: readonly (readonly [RestrictedRequest, string, string])[] = [
  ["list", READ_RESTRICTIONS, "Readable"],
  ["create", TERMS.insertRestrictions, "Insertable"],
  ["update", "Org.OData.Capabilities.V1.UpdateRestrictions", "Updatable"],
  ["delete", "Org.OData.Capabilities.V1.DeleteRestrictions", "Deletable"],
];

/**
 * `ReadRestrictions/Readable`, `InsertRestrictions/Insertable`, `UpdateRestrictions/Updatable` and
 * `DeleteRestrictions/Deletable`, as Graph's OpenAPI reads them on an entity set, singleton or navigation property:
 * false refuses (`user/calendarView`: no create, update or delete), true allows what its kind alone would not
 * (`driveItem/children` is not contained, yet takes new items). On a collection, Readable is about listing it,
 * `ReadByKeyRestrictions/Readable` about reading one item by key (`user/calendarView/{id}`: no), Updatable and
 * Deletable about its items.
 */
export function requestCapabilities(annotations: Annotations): RequestCapabilities {
  const capabilities: Partial<Record<RestrictedRequest, boolean>> = {};
  for (const [request, term, property] of RESTRICTION_TERMS) {
    const value = record(annotations.get(term))?.[property];
    if (value?.kind === "bool") capabilities[request] = value.value;
  }
  const byKey = readByKey(annotations);
  if (byKey !== undefined) capabilities.read = byKey;
  return capabilities;
}

/**
 * `ReadRestrictions/ReadByKeyRestrictions/Readable`, on a navigation property or an entity set, or on the entity
 * type itself (`workPlanOccurrence`: "Reading individual occurrences by ID is not supported").
 */
export function readByKey(annotations: Annotations): boolean | undefined {
  const value = record(record(annotations.get(READ_RESTRICTIONS))?.ReadByKeyRestrictions)?.Readable;
  return value?.kind === "bool" ? value.value : undefined;
}

/**
 * Of what the annotations said on the way, what concerns a node of this kind: listing and creating on a
 * collection, reading, updating and deleting on an entity (an item by key inherits its collection's). Undefined if nothing.
 */
export function nodeCapabilities(kind: "entity" | "collection", said: RequestCapabilities | undefined): RequestCapabilities | undefined {
  const own: readonly RestrictedRequest[] = kind === "collection" ? ["list", "create"] : ["read", "update", "delete"];
  const entries = own.flatMap((request) => (said?.[request] === undefined ? [] : [[request, said[request]] as const]));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The types a `Validation.DerivedTypeConstraint` allows: the casts Graph's OpenAPI offers. */
export function castTypes(annotations: Annotations): string[] {
  const value = annotations.get(TERMS.derivedTypeConstraint);
  if (value?.kind !== "collection") return [];
  return value.items.flatMap((item) => (item.kind === "string" ? [item.value] : []));
}

/** A complex property gets its own path when read, update or insert restrictions are annotated on it. */
export function hasPropertyPath(property: Property): boolean {
  return PROPERTY_PATH_TERMS.some((term) => property.annotations.has(term));
}
