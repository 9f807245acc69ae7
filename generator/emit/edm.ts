// The one table of Edm primitive -> TypeScript types; docs/types.md's mapping table mirrors it.
// Dates and times stay strings: JSON has no date type and Graph's offsets would be lost in a Date.

export interface PrimitiveMapping {
  /** TypeScript type expression. */
  readonly ts: string;
  /** What a JSON value of this type looks like, for doc comments. */
  readonly format?: string;
  /** Names this mapping imports from the shared `edm` module. */
  readonly edmImports?: readonly string[];
}

const SPECIAL_FLOATS = '"NaN" | "INF" | "-INF"';

export const EDM_TO_TS: Readonly<Record<string, PrimitiveMapping>> = {
  "Edm.String": { ts: "string" },
  "Edm.Boolean": { ts: "boolean" },
  "Edm.Guid": { ts: "string", format: "GUID, e.g. 00000000-0000-0000-0000-000000000000" },
  "Edm.Byte": { ts: "number", format: "integer 0..255" },
  "Edm.SByte": { ts: "number", format: "integer -128..127" },
  "Edm.Int16": { ts: "number", format: "integer -32768..32767" },
  "Edm.Int32": { ts: "number", format: "32-bit integer" },
  "Edm.Int64": { ts: "number", format: "64-bit integer; JSON numbers beyond 2^53 lose precision" },
  "Edm.Decimal": { ts: "number", format: "decimal number" },
  "Edm.Single": { ts: `number | ${SPECIAL_FLOATS}`, format: 'single-precision number, or "NaN", "INF", "-INF"' },
  "Edm.Double": { ts: `number | ${SPECIAL_FLOATS}`, format: 'double-precision number, or "NaN", "INF", "-INF"' },
  "Edm.Date": { ts: "string", format: "date, YYYY-MM-DD" },
  "Edm.DateTimeOffset": { ts: "string", format: "RFC 3339 date-time, e.g. 2024-01-31T09:30:00Z" },
  "Edm.TimeOfDay": { ts: "string", format: "time of day, hh:mm:ss[.fffffff]" },
  "Edm.Duration": { ts: "string", format: "ISO 8601 duration, e.g. PT1H30M" },
  "Edm.Binary": { ts: "string", format: "base64url-encoded bytes" },
  "Edm.Stream": { ts: "never", format: "stream: never inline in JSON; read and write it through its media URL" },
  "Edm.Untyped": { ts: "unknown", format: "any JSON value" },
  "Edm.PrimitiveType": { ts: "string | number | boolean", format: "any primitive value" },
  "Edm.ComplexType": { ts: "Record<string, unknown>" },
  "Edm.EntityType": { ts: "Record<string, unknown>" },
  ...geo("Geography"),
  ...geo("Geometry"),
};

function geo(family: "Geography" | "Geometry"): Record<string, PrimitiveMapping> {
  const shapes = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "Collection"];
  const entries: Record<string, PrimitiveMapping> = {
    [`Edm.${family}`]: { ts: "GeoJsonGeometry", format: "GeoJSON geometry", edmImports: ["GeoJsonGeometry"] },
  };
  for (const shape of shapes) {
    const name = shape === "Collection" ? "GeoJsonGeometryCollection" : `GeoJson${shape}`;
    entries[`Edm.${family}${shape}`] = { ts: name, format: `GeoJSON ${shape}`, edmImports: [name] };
  }
  return entries;
}

export function primitiveMapping(name: string): PrimitiveMapping {
  return EDM_TO_TS[name] ?? { ts: "unknown", format: `${name} (not mapped by graphgen)` };
}
