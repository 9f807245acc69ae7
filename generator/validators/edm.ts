// Edm primitive -> runtime predicate of templates/runtime/runtime/validation.ts, with the `expected` text
// errors show (short, so that generated lines fit prettier's width). docs/validators.md's rules table mirrors it.
import type { Facets } from "../model/types.js";

export interface PrimitiveCheck {
  /** Predicate exported by the runtime module, called as `predicate(value)` or with `args`. */
  readonly predicate: string;
  readonly args?: string;
  readonly expected: string;
  /** The type's JSON Schema (2020-12), like for like with the predicate. */
  readonly schema: Readonly<Record<string, unknown>>;
}

const integer = (name: string, min: number, max: number): PrimitiveCheck => ({
  predicate: `isEdm${name}`,
  expected: `Edm.${name} (integer ${min}..${max})`,
  schema: { type: "integer", minimum: min, maximum: max },
});

const SPECIAL_FLOATS = { enum: ["NaN", "INF", "-INF"] };

// Patterns mirror the runtime's regular expressions; the day-of-month check is the runtime's alone.
const PATTERNS = {
  guid: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  date: "^-?\\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
  dateTime:
    "^-?\\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$",
  time: "^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,12})?)?$",
  duration: "^-?P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$",
  binary: "^([A-Za-z0-9+/_-]{4})*([A-Za-z0-9+/_-]{2}(==)?|[A-Za-z0-9+/_-]{3}=?)?$",
};

const GEO_SHAPES: Record<string, string> = {
  Point: "Point",
  LineString: "LineString",
  Polygon: "Polygon",
  MultiPoint: "MultiPoint",
  MultiLineString: "MultiLineString",
  MultiPolygon: "MultiPolygon",
  Collection: "GeometryCollection",
};

const PRIMITIVE_CHECKS: Readonly<Record<string, PrimitiveCheck>> = {
  "Edm.String": { predicate: "isEdmString", expected: "Edm.String", schema: { type: "string" } },
  "Edm.Boolean": { predicate: "isEdmBoolean", expected: "Edm.Boolean", schema: { type: "boolean" } },
  "Edm.Byte": integer("Byte", 0, 255),
  "Edm.SByte": integer("SByte", -128, 127),
  "Edm.Int16": integer("Int16", -32768, 32767),
  "Edm.Int32": { ...integer("Int32", -2147483648, 2147483647), expected: "Edm.Int32" },
  "Edm.Int64": { predicate: "isEdmInt64", expected: "Edm.Int64", schema: { type: "integer" } },
  "Edm.Decimal": { predicate: "isEdmDecimal", expected: "Edm.Decimal", schema: { type: "number" } },
  "Edm.Single": { predicate: "isEdmFloat", expected: "Edm.Single", schema: { anyOf: [{ type: "number" }, SPECIAL_FLOATS] } },
  "Edm.Double": { predicate: "isEdmFloat", expected: "Edm.Double", schema: { anyOf: [{ type: "number" }, SPECIAL_FLOATS] } },
  "Edm.Guid": { predicate: "isEdmGuid", expected: "Edm.Guid", schema: { type: "string", pattern: PATTERNS.guid } },
  "Edm.Date": { predicate: "isEdmDate", expected: "Edm.Date (YYYY-MM-DD)", schema: { type: "string", pattern: PATTERNS.date } },
  "Edm.DateTimeOffset": { predicate: "isEdmDateTimeOffset", expected: "Edm.DateTimeOffset", schema: { type: "string", pattern: PATTERNS.dateTime } },
  "Edm.TimeOfDay": { predicate: "isEdmTimeOfDay", expected: "Edm.TimeOfDay (hh:mm:ss)", schema: { type: "string", pattern: PATTERNS.time } },
  "Edm.Duration": { predicate: "isEdmDuration", expected: "Edm.Duration (ISO 8601)", schema: { type: "string", pattern: PATTERNS.duration } },
  "Edm.Binary": { predicate: "isEdmBinary", expected: "Edm.Binary (base64url)", schema: { type: "string", pattern: PATTERNS.binary } },
  "Edm.Stream": { predicate: "isEdmStream", expected: "no value (Edm.Stream: use its media URL)", schema: { not: {} } },
  "Edm.Untyped": { predicate: "isEdmUntyped", expected: "any JSON value", schema: {} },
  "Edm.PrimitiveType": { predicate: "isEdmPrimitive", expected: "a string, number or boolean", schema: { type: ["string", "number", "boolean"] } },
  "Edm.ComplexType": { predicate: "isEdmObject", expected: "an object", schema: { type: "object" } },
  "Edm.EntityType": { predicate: "isEdmObject", expected: "an object", schema: { type: "object" } },
  ...geo("Geography"),
  ...geo("Geometry"),
};

function geo(family: string): Record<string, PrimitiveCheck> {
  const checks: Record<string, PrimitiveCheck> = {
    [`Edm.${family}`]: { predicate: "isEdmGeoJson", expected: `Edm.${family} (a GeoJSON geometry)`, schema: { type: "object", required: ["type"] } },
  };
  for (const [suffix, shape] of Object.entries(GEO_SHAPES)) {
    checks[`Edm.${family}${suffix}`] = {
      predicate: "isEdmGeoJsonShape",
      args: JSON.stringify(shape),
      expected: `Edm.${family}${suffix} (a GeoJSON ${shape})`,
      schema: { type: "object", required: ["type"], properties: { type: { const: shape } } },
    };
  }
  return checks;
}

/**
 * One property check per primitive that its predicate alone decides (no facet argument): the edm-checks
 * module's `stringProperty(walk, value["name"], "name")` stands for the absent, null and type tests a
 * property of that type needs, so that each validator states a property in one call.
 */
export interface PropertyHelper {
  readonly name: string;
  readonly predicate: string;
  readonly expected: string;
}

/** `Edm.String` -> `stringProperty`, `Edm.DateTimeOffset` -> `dateTimeOffsetProperty`. */
function helperName(edmName: string): string {
  const name = edmName.slice("Edm.".length);
  return `${name[0]!.toLowerCase()}${name.slice(1)}Property`;
}

const HELPERS = new Map<PrimitiveCheck, PropertyHelper>(
  Object.entries(PRIMITIVE_CHECKS)
    .filter(([, check]) => check.args === undefined)
    .map(([edmName, check]) => [check, { name: helperName(edmName), predicate: check.predicate, expected: check.expected }]),
);

/** Each is written out in templates/runtime/runtime/edm-checks.ts; test/runtime/sources.test.ts holds them equal. */
export const PROPERTY_HELPERS: readonly PropertyHelper[] = [...HELPERS.values()];

/** The property helper of a check, when it has one (not for `MaxLength` strings or unknown Edm names). */
export function propertyHelper(check: PrimitiveCheck): string | undefined {
  return HELPERS.get(check)?.name;
}

/** The check of a primitive with its facets (`MaxLength` on strings). Unknown Edm names accept anything. */
export function primitiveCheck(name: string, facets: Partial<Facets> = {}): PrimitiveCheck {
  const check = PRIMITIVE_CHECKS[name] ?? { predicate: "isEdmUntyped", expected: `${name} (not checked by graphgen)`, schema: {} };
  if (name === "Edm.String" && typeof facets.maxLength === "number") {
    return {
      predicate: "isEdmStringMax",
      args: String(facets.maxLength),
      expected: `Edm.String (at most ${facets.maxLength} characters)`,
      schema: { type: "string", maxLength: facets.maxLength },
    };
  }
  return check;
}
