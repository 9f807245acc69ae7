/**
 * One predicate per Edm primitive, as OData JSON writes it (OData JSON Format 4.01 section 7.1), and one
 * property check per predicate, for the generated validators. No top-level side effects.
 */
import type { PathKey, Walk } from "./validation.js";

export const isEdmString = (value: unknown): boolean => typeof value === "string";

/** `MaxLength` counts characters (code points), so an emoji is one. */
export const isEdmStringMax = (value: unknown, maxLength: number): boolean => {
  if (typeof value !== "string") return false;
  if (value.length <= maxLength) return true;
  let count = 0;
  for (const _ of value) if (++count > maxLength) return false;
  return true;
};

export const isEdmBoolean = (value: unknown): boolean => typeof value === "boolean";

export const isEdmByte = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 255;

export const isEdmSByte = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && value >= -128 && value <= 127;

export const isEdmInt16 = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && value >= -32768 && value <= 32767;

export const isEdmInt32 = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;

/** Int64 as a JSON number (the TypeScript type is `number`); IEEE754Compatible string forms are not accepted. */
export const isEdmInt64 = (value: unknown): boolean => typeof value === "number" && Number.isInteger(value);

export const isEdmDecimal = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value);

/** Single and Double: a finite number, or one of the strings `NaN`, `INF`, `-INF`. */
export const isEdmFloat = (value: unknown): boolean => {
  if (typeof value === "number") return Number.isFinite(value);
  return value === "NaN" || value === "INF" || value === "-INF";
};

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isEdmGuid = (value: unknown): boolean => typeof value === "string" && GUID.test(value);

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,12})?)?$/;
/** RFC 3339 `date-time`: seconds required, offset `Z` or `+hh:mm`. */
const DATE_TIME =
  /^(-?\d{4,})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** ISO 8601 duration; OData itself writes only days to seconds, Graph sometimes years to weeks. */
const DURATION = /^-?P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
/** base64url (RFC 4648 section 5) as OData requires; the standard alphabet (`+`, `/`) is accepted too, as Graph sends it. */
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

const validDay = (year: string, month: string, day: string): boolean => {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const y = Number(year);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
};

/** Edm.Date: `YYYY-MM-DD`, a real calendar day. */
export const isEdmDate = (value: unknown): boolean => {
  if (typeof value !== "string") return false;
  const match = DATE.exec(value);
  return match !== null && validDay(match[1]!, match[2]!, match[3]!);
};

/** Edm.DateTimeOffset: RFC 3339 date-time, a real calendar day. */
export const isEdmDateTimeOffset = (value: unknown): boolean => {
  if (typeof value !== "string") return false;
  const match = DATE_TIME.exec(value);
  return match !== null && validDay(match[1]!, match[2]!, match[3]!);
};

/** Edm.TimeOfDay: `hh:mm[:ss[.fffffffffff]]`. */
export const isEdmTimeOfDay = (value: unknown): boolean => typeof value === "string" && TIME.test(value);

/** Edm.Duration: ISO 8601, e.g. `PT1H30M`, `P1D`, `-PT0.5S`. */
export const isEdmDuration = (value: unknown): boolean => typeof value === "string" && DURATION.test(value);

/** Edm.Binary: base64url text (padding optional). */
export const isEdmBinary = (value: unknown): boolean => typeof value === "string" && BASE64.test(value);

/** Edm.Stream: never inline in a JSON body; its content goes through the media URL. */
export const isEdmStream = (_value: unknown): boolean => false;

/** Edm.PrimitiveType: any JSON primitive. */
export const isEdmPrimitive = (value: unknown): boolean =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** Edm.ComplexType / Edm.EntityType: any JSON object. */
export const isEdmObject = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Edm.Untyped: any JSON value. */
export const isEdmUntyped = (_value: unknown): boolean => true;

// GeoJSON (RFC 7946) for Edm.Geography* and Edm.Geometry*: the shape, not the coordinate reference system.

const isPosition = (value: unknown): boolean => {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === "number" && Number.isFinite(n))
  );
};

const isPositions = (value: unknown, min: number): boolean =>
  Array.isArray(value) && value.length >= min && value.every(isPosition);

/** A linear ring: at least four positions, the last equal to the first. */
const isRing = (value: unknown): boolean => {
  if (!isPositions(value, 4)) return false;
  const ring = value as number[][];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first.length === last.length && first.every((n, i) => n === last[i]);
};

const isPolygonCoordinates = (value: unknown): boolean =>
  Array.isArray(value) && value.length >= 1 && value.every(isRing);

const coordinatesFit = (type: unknown, coordinates: unknown): boolean => {
  switch (type) {
    case "Point":
      return isPosition(coordinates);
    case "LineString":
      return isPositions(coordinates, 2);
    case "Polygon":
      return isPolygonCoordinates(coordinates);
    case "MultiPoint":
      return isPositions(coordinates, 0);
    case "MultiLineString":
      return Array.isArray(coordinates) && coordinates.every((line) => isPositions(line, 2));
    case "MultiPolygon":
      return Array.isArray(coordinates) && coordinates.every(isPolygonCoordinates);
    default:
      return false;
  }
};

/** Any GeoJSON geometry (`Edm.Geography`, `Edm.Geometry`); collections nest at most 8 deep. */
export const isEdmGeoJson = (value: unknown, depth = 0): boolean => {
  if (!isEdmObject(value) || depth > 8) return false;
  const geometry = value as Record<string, unknown>;
  if (geometry["type"] === "GeometryCollection") {
    const geometries = geometry["geometries"];
    return Array.isArray(geometries) && geometries.every((g) => isEdmGeoJson(g, depth + 1));
  }
  return coordinatesFit(geometry["type"], geometry["coordinates"]);
};

/** One GeoJSON shape, e.g. `Point` for `Edm.GeographyPoint`. */
export const isEdmGeoJsonShape = (value: unknown, shape: string): boolean =>
  isEdmGeoJson(value) && (value as Record<string, unknown>)["type"] === shape;

/** A flags enum value: one member name or several, comma-separated. */
export const matchesFlags = (value: unknown, isMember: (name: string) => boolean): boolean =>
  typeof value === "string" && value.split(",").every((name) => isMember(name.trim()));

// Property checks: a declared property of one primitive type, absent (passes), null (passes unless the
// property is not nullable) or a value its predicate decides. Validators state each such property in one
// call; a bundle holds only the checks its validators call.

const primitiveProperty = (
  walk: Walk,
  value: unknown,
  key: PathKey,
  nullable: boolean,
  valid: boolean,
  expected: string,
): void => {
  if (value === undefined || valid) return;
  if (value !== null) walk.issue(key, expected, value);
  else if (!nullable) walk.notNull(key, expected);
};

export const stringProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmString(value), "Edm.String");

export const booleanProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmBoolean(value), "Edm.Boolean");

export const byteProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmByte(value), "Edm.Byte (integer 0..255)");

export const sByteProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmSByte(value), "Edm.SByte (integer -128..127)");

export const int16Property = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmInt16(value), "Edm.Int16 (integer -32768..32767)");

export const int32Property = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmInt32(value), "Edm.Int32");

export const int64Property = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmInt64(value), "Edm.Int64");

export const decimalProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmDecimal(value), "Edm.Decimal");

export const singleProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmFloat(value), "Edm.Single");

export const doubleProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmFloat(value), "Edm.Double");

export const guidProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmGuid(value), "Edm.Guid");

export const dateProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmDate(value), "Edm.Date (YYYY-MM-DD)");

export const dateTimeOffsetProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmDateTimeOffset(value), "Edm.DateTimeOffset");

export const timeOfDayProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmTimeOfDay(value), "Edm.TimeOfDay (hh:mm:ss)");

export const durationProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmDuration(value), "Edm.Duration (ISO 8601)");

export const binaryProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmBinary(value), "Edm.Binary (base64url)");

export const streamProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmStream(value), "no value (Edm.Stream: use its media URL)");

export const untypedProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmUntyped(value), "any JSON value");

export const primitiveTypeProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmPrimitive(value), "a string, number or boolean");

export const complexTypeProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmObject(value), "an object");

export const entityTypeProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmObject(value), "an object");

export const geographyProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmGeoJson(value), "Edm.Geography (a GeoJSON geometry)");

export const geometryProperty = (walk: Walk, value: unknown, key: PathKey, nullable = true): void =>
  primitiveProperty(walk, value, key, nullable, isEdmGeoJson(value), "Edm.Geometry (a GeoJSON geometry)");
