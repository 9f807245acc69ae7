// Facet attributes (Nullable, MaxLength, Precision, Scale) from their CSDL text to typed values.
import type { RawFacets } from "../csdl/raw.js";
import type { Facets } from "./types.js";

export function resolveFacets(raw: RawFacets): Facets {
  return {
    // CSDL: Nullable defaults to true; on a collection it speaks of the items.
    nullable: raw.nullable ?? true,
    maxLength: raw.maxLength === undefined ? undefined : raw.maxLength === "max" ? "max" : Number(raw.maxLength),
    precision: raw.precision === undefined ? undefined : Number(raw.precision),
    scale:
      raw.scale === undefined
        ? undefined
        : raw.scale === "variable" || raw.scale === "floating"
          ? raw.scale
          : Number(raw.scale),
    defaultValue: raw.defaultValue,
  };
}
