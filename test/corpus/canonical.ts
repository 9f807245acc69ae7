// Rewrites a documented body the way a user writing TypeScript would have to: enum members and
// `@odata.type` names in their metadata spelling, `#` included (Graph itself accepts any case, and
// the name without `#`; the types keep the one spelling Graph sends, so switches stay exhaustive). Walks the value
// by its type in the model, so only enum-typed values and type names change.
import { allProperties, structuredType } from "../../generator/model/queries.js";
import type { EnumType, Model, StructuredType } from "../../generator/model/types.js";

export function canonicalSpelling(model: Model, typeName: string, value: unknown): unknown {
  const lower = new Map<string, string>();
  for (const name of model.types.keys()) lower.set(name.toLowerCase(), name);
  return structured(model, lower, typeName, value);
}

function structured(model: Model, lower: Map<string, string>, declared: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const sent = (value as Record<string, unknown>)["@odata.type"];
  const named = typeof sent === "string" ? lower.get(sent.replace(/^#/, "").toLowerCase()) : undefined;
  const type = structuredType(model, named ?? declared);
  if (!type) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = key === "@odata.type" && named ? `#${named}` : member(model, lower, type, key, item);
  }
  return result;
}

function member(model: Model, lower: Map<string, string>, type: StructuredType, key: string, value: unknown): unknown {
  const { properties, navigationProperties } = allProperties(model, type);
  const property = properties.find((p) => p.name === key) ?? navigationProperties.find((p) => p.name === key);
  if (!property) return value;
  const one = (item: unknown) => {
    const target = model.types.get(property.type.name);
    if (target?.kind === "enum") return enumMember(target, item);
    return structured(model, lower, property.type.name, item);
  };
  return property.type.collection && Array.isArray(value) ? value.map(one) : one(value);
}

function enumMember(type: EnumType, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const canonical = (name: string) => type.members.find((m) => m.name.toLowerCase() === name.trim().toLowerCase())?.name ?? name;
  return type.isFlags ? value.split(",").map(canonical).join(",") : canonical(value);
}
