// Facet attributes (Nullable, MaxLength, Precision, Scale) from their CSDL text to typed values: one function per
// facet, so the model's object literals name each field themselves (no spread of a facets object).
import type { RawFacets } from "../csdl/raw.js";
import type { Facets } from "./types.js";

/** CSDL: Nullable defaults to true; on a collection it speaks of the items. */
export function resolveNullable(raw: RawFacets): boolean {
  return raw.nullable ?? true;
}

export function resolveMaxLength(raw: RawFacets): Facets["maxLength"] {
  return raw.maxLength === undefined ? undefined : raw.maxLength === "max" ? "max" : Number(raw.maxLength);
}

export function resolvePrecision(raw: RawFacets): Facets["precision"] {
  return raw.precision === undefined ? undefined : Number(raw.precision);
}

export function resolveScale(raw: RawFacets): Facets["scale"] {
  if (raw.scale === undefined) return undefined;
  return raw.scale === "variable" || raw.scale === "floating" ? raw.scale : Number(raw.scale);
}
