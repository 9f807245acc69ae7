// fast-check arbitraries for values of model types, valid in every mode (no read-only, immutable or
// stream properties; required ones always present), and the places where one mutation breaks them.
import fc from "fast-check";
import { allProperties, concreteTypes, structuredType } from "../../../generator/model/queries.js";
import type { Model, Property, StructuredType } from "../../../generator/model/types.js";

const MAX_DEPTH = 3;

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map((parts) => parts.map((n) => String(n).padStart(2, "0")).join(":"));
const date = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

function primitive(property: Property): fc.Arbitrary<unknown> {
  switch (property.type.name) {
    case "Edm.String":
      return fc.string({ maxLength: typeof property.maxLength === "number" ? property.maxLength : 12 });
    case "Edm.Boolean":
      return fc.boolean();
    case "Edm.Byte":
      return fc.integer({ min: 0, max: 255 });
    case "Edm.SByte":
      return fc.integer({ min: -128, max: 127 });
    case "Edm.Int16":
      return fc.integer({ min: -32768, max: 32767 });
    case "Edm.Int32":
      return fc.integer();
    case "Edm.Int64":
      return fc.maxSafeInteger();
    case "Edm.Decimal":
      return finite;
    case "Edm.Single":
    case "Edm.Double":
      return fc.oneof(finite, fc.constantFrom("NaN", "INF", "-INF"));
    case "Edm.Guid":
      return fc.uuid();
    case "Edm.Date":
      return date.map((d) => d.toISOString().slice(0, 10));
    case "Edm.DateTimeOffset":
      return date.map((d) => d.toISOString());
    case "Edm.TimeOfDay":
      return time;
    case "Edm.Duration":
      return fc.tuple(fc.nat(400), fc.nat(23), fc.nat(59)).map(([d, h, m]) => `P${d}DT${h}H${m}M`);
    case "Edm.Binary":
      return fc.uint8Array({ maxLength: 12 }).map((bytes) => Buffer.from(bytes).toString("base64url"));
    case "Edm.Geography":
    case "Edm.GeographyPoint":
      return fc.tuple(finite, finite).map((coordinates) => ({ type: "Point", coordinates }));
    default:
      return fc.jsonValue();
  }
}

/** Properties an instance may carry in any mode. */
function sendable(model: Model, type: StructuredType): Property[] {
  return allProperties(model, type).properties.filter((p) => !p.readOnly && !p.immutable && p.type.name !== "Edm.Stream");
}

export function isRequired(property: Property, key: readonly string[]): boolean {
  return !property.nullable && !property.type.collection && !key.includes(property.name) && property.defaultValue === undefined;
}

function keyOf(model: Model, type: StructuredType): readonly string[] {
  for (let t: StructuredType | undefined = type; t; t = t.baseType ? structuredType(model, t.baseType) : undefined) if (t.key) return t.key;
  return [];
}

function item(model: Model, property: Property, depth: number): fc.Arbitrary<unknown> | undefined {
  const type = model.types.get(property.type.name);
  if (!type) return primitive(property);
  if (type.kind === "enum") return fc.constantFrom(...type.members.map((m) => m.name));
  if (type.kind === "typeDefinition") return fc.string();
  if (depth >= MAX_DEPTH) return undefined;
  return declaredValue(model, type.fullName, depth + 1, property.derivedTypeConstraint);
}

/** A value declared as `fullName`: one of its concrete types, naming itself in `@odata.type` when derived. */
export function declaredValue(model: Model, fullName: string, depth = 0, constraint?: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const concrete = concreteTypes(model, fullName, constraint);
  return fc.constantFrom(...concrete).chain((name) => {
    const type = structuredType(model, name)!;
    const key = keyOf(model, type);
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const property of sendable(model, type)) {
      let arbitrary = item(model, property, depth);
      if (!arbitrary) continue;
      if (property.nullable) arbitrary = fc.option(arbitrary, { nil: null, freq: 4 });
      members[property.name] = property.type.collection ? fc.array(arbitrary, { maxLength: 3 }) : arbitrary;
      if (isRequired(property, key)) required.push(property.name);
    }
    const record = fc.record(members, { requiredKeys: required });
    return name === fullName && !type.abstract ? record : record.map((r) => ({ "@odata.type": `#${name}`, ...r }));
  });
}

export interface Mutation {
  readonly kind: "wrong primitive" | "null in non-nullable" | "unknown member" | "bad enum" | "wrong @odata.type";
  /** JSON pointer of the value that must be reported. */
  readonly path: string;
  apply(): void;
}

/** Every single mutation that makes `value` (an instance of `fullName`, created by `declaredValue`) invalid. */
export function mutations(model: Model, value: Record<string, unknown>, fullName: string, path = "", polymorphic = false): Mutation[] {
  const odataType = value["@odata.type"];
  const type = structuredType(model, typeof odataType === "string" ? odataType.replace(/^#/, "") : fullName)!;
  const found: Mutation[] = type.openType
    ? []
    : [{ kind: "unknown member", path: `${path}/zzUnknown`, apply: () => void (value["zzUnknown"] = 1) }];
  if (polymorphic) found.push({ kind: "wrong @odata.type", path: `${path}/@odata.type`, apply: () => void (value["@odata.type"] = "#microsoft.graph.nothing") });
  for (const property of sendable(model, type)) {
    const current = value[property.name];
    if (current === undefined || current === null) continue;
    const at = `${path}/${property.name}`;
    const target = model.types.get(property.type.name);
    if (!property.nullable && !property.type.collection) found.push({ kind: "null in non-nullable", path: at, apply: () => void (value[property.name] = null) });
    if (!target && property.type.name !== "Edm.Untyped" && !property.type.collection) {
      found.push({ kind: "wrong primitive", path: at, apply: () => void (value[property.name] = wrongPrimitive(current)) });
    }
    if (target?.kind === "enum" && !property.type.collection) found.push({ kind: "bad enum", path: at, apply: () => void (value[property.name] = "notAMember") });
    if (target && (target.kind === "entity" || target.kind === "complex")) {
      const isPolymorphic = (model.derivedTypes.get(target.fullName)?.length ?? 0) > 0;
      const items = property.type.collection ? (current as unknown[]).map((v, i) => [v, `${at}/${i}`] as const) : [[current, at] as const];
      for (const [v, p] of items) {
        if (v && typeof v === "object") found.push(...mutations(model, v as Record<string, unknown>, target.fullName, p, isPolymorphic));
      }
    }
  }
  return found;
}

/** A boolean is wrong for every other primitive; a string is wrong for a boolean and a GeoJSON object. */
function wrongPrimitive(current: unknown): unknown {
  return typeof current === "boolean" || typeof current === "object" ? "not-a-value!" : true;
}
