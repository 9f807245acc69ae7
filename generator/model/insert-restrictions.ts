// Which properties a create request must send, from `Capabilities.InsertRestrictions` on the entity
// sets and collection-valued navigation properties that hold a type (Graph's metadata gives none;
// the project's overlay states them where Graph's documentation does). Nullable="false" is not
// enough: Graph marks properties the service fills in itself that way.
import type { AnnotationValue } from "../csdl/raw.js";
import type { SourceLocation } from "../errors.js";
import { TERMS } from "./annotate.js";
import type { Annotations, EntityContainer, ModelType, ModelWarning, StructuredType } from "./types.js";

/** The types with `requiredOnCreate` set: the properties every annotated collection of the type requires. */
export function withRequiredOnCreate(
  types: ReadonlyMap<string, ModelType>,
  containers: readonly EntityContainer[],
  warnings: ModelWarning[],
): Map<string, ModelType> {
  const places: { typeName: string; annotations: Annotations; target: string; location: SourceLocation }[] = [];
  for (const type of types.values()) {
    if (type.kind !== "entity" && type.kind !== "complex") continue;
    for (const navigation of type.navigationProperties) {
      const target = `${type.fullName}/${navigation.name}`;
      places.push({ typeName: navigation.type.name, annotations: navigation.annotations, target, location: navigation.location });
    }
  }
  for (const container of containers) {
    for (const set of container.entitySets) places.push({ typeName: set.entityType, annotations: set.annotations, target: `${container.fullName}/${set.name}`, location: set.location });
  }
  const required = new Map<string, Set<string>>();
  for (const place of places) {
    const names = requiredProperties(place.annotations.get(TERMS.insertRestrictions));
    if (!names) continue;
    const type = types.get(place.typeName);
    const known = type && (type.kind === "entity" || type.kind === "complex") ? declaredNames(types, type) : new Set<string>();
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      const message = `InsertRestrictions/RequiredProperties on ${place.target} names ${unknown.join(", ")}, not properties of ${place.typeName}; ignored`;
      warnings.push({ message, location: place.location });
    }
    // Where several collections of one type state requirements, only what all require is checked.
    const previous = required.get(place.typeName);
    const listed = new Set(names.filter((n) => known.has(n)));
    required.set(place.typeName, previous ? new Set([...previous].filter((n) => listed.has(n))) : listed);
  }
  if (required.size === 0) return new Map(types);
  const result = new Map<string, ModelType>();
  for (const [name, type] of types) {
    const names = required.get(name);
    result.set(name, names && (type.kind === "entity" || type.kind === "complex") ? { ...type, requiredOnCreate: [...names].sort() } : type);
  }
  return result;
}

/** `RequiredProperties` of an InsertRestrictions record: top-level property paths only. */
function requiredProperties(value: AnnotationValue | undefined): string[] | undefined {
  if (value?.kind !== "record") return undefined;
  const list = value.properties.RequiredProperties;
  if (list?.kind !== "collection") return undefined;
  return list.items.flatMap((item) => (item.kind === "path" || item.kind === "string") && !item.value.includes("/") ? [item.value] : []);
}

function declaredNames(types: ReadonlyMap<string, ModelType>, type: StructuredType): Set<string> {
  const names = new Set<string>();
  for (let t: ModelType | undefined = type; t && (t.kind === "entity" || t.kind === "complex"); t = t.baseType ? types.get(t.baseType) : undefined) {
    for (const p of t.properties) names.add(p.name);
    for (const p of t.navigationProperties) names.add(p.name);
  }
  return names;
}
