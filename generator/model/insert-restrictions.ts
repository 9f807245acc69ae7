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
  // Only the places that state restrictions (none in Graph's metadata, a few in the overlay), in model order.
  const places: { typeName: string; names: string[]; target: string; location: SourceLocation }[] = [];
  const consider = (typeName: string, annotations: Annotations, owner: string, name: string, location: SourceLocation) => {
    const names = requiredProperties(annotations.get(TERMS.insertRestrictions));
    if (names) places.push({ typeName, names, target: `${owner}/${name}`, location });
  };
  for (const type of types.values()) {
    if (type.kind !== "entity" && type.kind !== "complex") continue;
    for (const navigation of type.navigationProperties) {
      consider(navigation.type.name, navigation.annotations, type.fullName, navigation.name, navigation.location);
    }
  }
  for (const container of containers) {
    for (const set of container.entitySets) consider(set.entityType, set.annotations, container.fullName, set.name, set.location);
  }
  const required = new Map<string, Set<string>>();
  for (const { typeName, names, target, location } of places) {
    const type = types.get(typeName);
    const known = type && (type.kind === "entity" || type.kind === "complex") ? declaredNames(types, type) : new Set<string>();
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      const message = `InsertRestrictions/RequiredProperties on ${target} names ${unknown.join(", ")}, not properties of ${typeName}; ignored`;
      warnings.push({ message, location });
    }
    // Where several collections of one type state requirements, only what all require is checked.
    const previous = required.get(typeName);
    const listed = new Set(names.filter((n) => known.has(n)));
    required.set(typeName, previous ? new Set([...previous].filter((n) => listed.has(n))) : listed);
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
