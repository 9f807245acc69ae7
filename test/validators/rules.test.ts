// One table row per validation rule, on a small metadata document: the value, the mode, and the
// exact issues (path, expected, received, message) the generated validator reports.
import { beforeAll, describe, expect, it } from "vitest";
import { generateFromCsdl, type Mode, type Validate, type ValidationIssue } from "./support/generated-validators.js";
import { WIDGET_CSDL } from "./support/widget-csdl.js";

let validateWidget: Validate;
let validateColor: Validate;
let validateSwitchMode: Validate;

beforeAll(async () => {
  const pkg = await generateFromCsdl(WIDGET_CSDL);
  validateWidget = await pkg.validator("validators/Widget", "Widget");
  validateColor = await pkg.validator("validators/Color", "Color");
  validateSwitchMode = await pkg.validator("validators/SwitchMode", "SwitchMode");
}, 60_000);

/** A widget valid in every mode, plus `extra`. */
const widget = (extra: Record<string, unknown>) => ({ name: "w", ...extra });
const issues = (value: unknown, mode: Mode = "read"): string[][] => {
  const result = validateWidget(value, { mode });
  return result.ok ? [] : result.errors.map((e: ValidationIssue) => [e.path, e.received, e.message]);
};

describe("Edm primitives accept their JSON forms", () => {
  it.each([
    ["str", "abcde"],
    ["str", "😀😀😀😀😀"],
    ["flag", false],
    ["byte", 255],
    ["sbyte", -128],
    ["int16", -32768],
    ["int32", 2147483647],
    ["int64", 9007199254740991],
    ["decimal", 1.25],
    ["single", "INF"],
    ["double", "NaN"],
    ["double", -1e300],
    ["guid", "01234567-89ab-cdef-0123-456789ABCDEF"],
    ["date", "2024-02-29"],
    ["dateTime", "2024-01-31T09:30:00Z"],
    ["dateTime", "2024-01-31T09:30:00.1234567+05:30"],
    ["timeOfDay", "23:59"],
    ["timeOfDay", "09:30:00.1234567"],
    ["duration", "PT1H30M"],
    ["duration", "-P1DT0.5S"],
    ["binary", "aGVsbG8_d29ybGQ-"],
    ["binary", "aGVsbG8="],
    ["location", { type: "Point", coordinates: [4.9, 52.3] }],
    ["area", { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }],
    ["anything", { any: ["json"] }],
  ])("%s: %j", (property, value) => {
    expect(issues(widget({ [property]: value }), "create")).toEqual([]);
  });
});

describe("Edm primitives reject other values", () => {
  it.each([
    ["str", "abcdef", "string", 'expected Edm.String (at most 5 characters), received string "abcdef"'],
    ["flag", "true", "string", 'expected Edm.Boolean, received string "true"'],
    ["byte", 256, "number", "expected Edm.Byte (integer 0..255), received number 256"],
    ["sbyte", -129, "number", "expected Edm.SByte (integer -128..127), received number -129"],
    ["int16", 32768, "number", "expected Edm.Int16 (integer -32768..32767), received number 32768"],
    ["int32", 1.5, "number", "expected Edm.Int32, received number 1.5"],
    ["int64", "12", "string", 'expected Edm.Int64, received string "12"'],
    ["decimal", "1.5", "string", 'expected Edm.Decimal, received string "1.5"'],
    ["single", "inf", "string", 'expected Edm.Single, received string "inf"'],
    ["double", Number.NaN, "number", 'expected Edm.Double, received number NaN'],
    ["guid", "0123456789abcdef", "string", 'expected Edm.Guid, received string "0123456789abcdef"'],
    ["date", "2023-02-29", "string", 'expected Edm.Date (YYYY-MM-DD), received string "2023-02-29"'],
    ["dateTime", "2024-01-31 09:30:00Z", "string", 'expected Edm.DateTimeOffset, received string "2024-01-31 09:30:00Z"'],
    ["dateTime", "2024-01-31T09:30:00", "string", 'expected Edm.DateTimeOffset, received string "2024-01-31T09:30:00"'],
    ["timeOfDay", "24:00:00", "string", 'expected Edm.TimeOfDay (hh:mm:ss), received string "24:00:00"'],
    ["duration", "P", "string", 'expected Edm.Duration (ISO 8601), received string "P"'],
    ["duration", "PT", "string", 'expected Edm.Duration (ISO 8601), received string "PT"'],
    ["binary", "ab$c", "string", 'expected Edm.Binary (base64url), received string "ab$c"'],
    ["content", "data", "string", 'expected no value (Edm.Stream: use its media URL), received string "data"'],
    ["location", { type: "Point", coordinates: [1] }, "object", "expected Edm.GeographyPoint (a GeoJSON Point), received object"],
    ["location", { type: "LineString", coordinates: [[0, 0], [1, 1]] }, "object", "expected Edm.GeographyPoint (a GeoJSON Point), received object"],
    ["area", { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1]]] }, "object", "expected Edm.Geography (a GeoJSON geometry), received object"],
  ])("%s: %j", (property, value, received, message) => {
    expect(issues(widget({ [property]: value }))).toEqual([[`/${property}`, received, message]]);
  });
});

describe("nullability, collections and enums", () => {
  it.each([
    ["a non-nullable property", { name: null }, [["/name", "null", "null is not allowed: expected Edm.String"]]],
    ["a collection that is not an array", widget({ tags: "a" }), [["/tags", "string", 'expected array of Edm.String, received string "a"']]],
    ["a null collection", widget({ tags: null }), [["/tags", "null", "expected array of Edm.String, received null"]]],
    ["a null item of a non-nullable collection", widget({ tags: ["a", null] }), [["/tags/1", "null", "null is not allowed: expected Edm.String"]]],
    ["a wrong item", widget({ tags: ["a", 1] }), [["/tags/1", "number", "expected Edm.String, received number 1"]]],
    ["an unknown enum member", widget({ color: "purple" }), [["/color", "string", 'expected microsoft.graph.color (one of: red, green, blue), received string "purple"']]],
    ["an enum value of the wrong kind", widget({ color: 1 }), [["/color", "number", "expected microsoft.graph.color (one of: red, green, blue), received number 1"]]],
    ["an unknown flag", widget({ access: "read,exec" }), [["/access", "string", 'expected microsoft.graph.access (comma-separated members: none, read, write), received string "read,exec"']]],
  ])("rejects %s", (_, value, expected) => {
    expect(issues(value)).toEqual(expected);
  });

  it("accepts null in nullable properties and collections, enum members and flag lists", () => {
    expect(issues(widget({ str: null, shapes: [null], color: "blue", access: "read,write" }), "create")).toEqual([]);
    expect(validateColor("green")).toEqual({ ok: true, value: "green" });
  });

  it("accepts enum members in any case, as Graph does, and returns them as sent", () => {
    expect(validateColor("Green")).toEqual({ ok: true, value: "Green" });
    expect(validateColor("BLUE")).toEqual({ ok: true, value: "BLUE" });
    expect(issues(widget({ color: "Red", access: "Read,WRITE" }), "create")).toEqual([]);
    expect(validateColor("gren").ok).toBe(false);
  });

  it("matches another case only when it names exactly one member", () => {
    expect(["auto", "Auto", "MANUAL", "AUTO"].map((v) => validateSwitchMode(v).ok)).toEqual([true, true, true, false]);
  });
});

describe("modes", () => {
  it.each<[string, Mode, unknown, string[][]]>([
    ["create requires what InsertRestrictions/RequiredProperties lists", "create", {}, [["/name", "undefined", "required property missing: expected Edm.String"]]],
    ["create does not require a property for Nullable=\"false\" alone", "create", widget({ tags: [], shape: { "@odata.type": "#microsoft.graph.circle" } }), []],
    ["update requires nothing", "update", {}, []],
    ["read requires nothing", "read", {}, []],
    ["create rejects read-only properties", "create", widget({ created: "2024-01-31T09:30:00Z" }), [["/created", "string", "read-only property: set by the service, never sent in a request body"]]],
    ["update rejects read-only properties", "update", { created: "2024-01-31T09:30:00Z" }, [["/created", "string", "read-only property: set by the service, never sent in a request body"]]],
    ["read accepts read-only properties", "read", widget({ created: "2024-01-31T09:30:00Z" }), []],
    ["create accepts immutable properties", "create", widget({ code: "x" }), []],
    ["update rejects immutable properties", "update", { code: "x" }, [["/code", "string", "immutable property: may be set on create, never changed by update"]]],
    ["create rejects unknown properties of closed types", "create", widget({ colour: "red" }), [["/colour", "string", 'unknown property "colour": microsoft.graph.widget is not an open type']]],
    ["update rejects unknown properties of closed types", "update", { node: { value: 1, extra: true } }, [["/node/extra", "boolean", 'unknown property "extra": microsoft.graph.node is not an open type']]],
    ["read ignores unknown properties", "read", widget({ colour: "red", node: { extra: true } }), []],
    ["open types accept extension-shaped dynamic properties", "create", widget({ bag: { name: "b", extension_0a1b_x: [1, 2], contoso_size: 3 } }), []],
    ["open types reject other undeclared keys in create (a typo)", "create", widget({ bag: { nmae: "b" } }), [["/bag/nmae", "string", 'unknown property "nmae": expected a declared property of microsoft.graph.bag, or an extension property named <prefix>_<name>']]],
    ["open types reject other undeclared keys in update", "update", { bag: { nmae: "b" } }, [["/bag/nmae", "string", 'unknown property "nmae": expected a declared property of microsoft.graph.bag, or an extension property named <prefix>_<name>']]],
    ["open types accept any dynamic property in read", "read", widget({ bag: { anything: [1, 2] } }), []],
    ["open types without properties (dictionaries) accept any key", "create", widget({ dict: { "fbab97d0-4932": { a: 1 }, category3: true } }), []],
    ["instance annotations are always allowed", "create", widget({ "@odata.etag": "W/1", "owner@odata.bind": "widgets/2", "@odata.context": "x" }), []],
  ])("%s", (_, mode, value, expected) => {
    expect(issues(value, mode)).toEqual(expected);
  });
});

describe("@odata.type", () => {
  it.each<[string, unknown, string[][]]>([
    ["selects a derived type and checks its members", widget({ shape: { "@odata.type": "#microsoft.graph.circle", radius: "big" } }), [["/shape/radius", "string", 'expected Edm.Double, received string "big"']]],
    ["is required on an abstract type, naming the concrete types", widget({ shape: { label: "x" } }), [["/shape/@odata.type", "undefined", "microsoft.graph.shape is abstract: @odata.type must name one of #microsoft.graph.circle, #microsoft.graph.square"]]],
    ["must name a derived type", widget({ shape: { "@odata.type": "#microsoft.graph.node" } }), [["/shape/@odata.type", "string", '@odata.type "#microsoft.graph.node" is not allowed here; expected one of #microsoft.graph.circle, #microsoft.graph.square']]],
    ["must name a known type", widget({ shapes: [{ "@odata.type": "circle" }] }), [["/shapes/0/@odata.type", "string", '@odata.type "circle" is not allowed here; expected one of #microsoft.graph.circle, #microsoft.graph.square']]],
    ["must name an allowed type (a number does not)", widget({ shape: { "@odata.type": 3 } }), [["/shape/@odata.type", "number", "@odata.type 3 is not allowed here; expected one of #microsoft.graph.circle, #microsoft.graph.square"]]],
    ["honours Validation.DerivedTypeConstraint", widget({ onlyCircle: { "@odata.type": "#microsoft.graph.square" } }), [["/onlyCircle/@odata.type", "string", '@odata.type "#microsoft.graph.square" is not allowed here; expected one of #microsoft.graph.circle']]],
    ["accepts a constrained derived type", widget({ onlyCircle: { "@odata.type": "microsoft.graph.circle", radius: 1 } }), []],
    ["accepts a type name in any case, and checks it as that type", widget({ shape: { "@odata.type": "#Microsoft.Graph.Circle", radius: "big" } }), [["/shape/radius", "string", 'expected Edm.Double, received string "big"']]],
    ["accepts a constrained type name in any case, without #", widget({ onlyCircle: { "@odata.type": "MICROSOFT.GRAPH.CIRCLE", radius: 1 } }), []],
    ["accepts the root type's own name in any case", { "@odata.type": "#Microsoft.Graph.Widget", name: "w" }, []],
    ["of the root value selects among its derived types", { "@odata.type": "#microsoft.graph.circle", name: "w" }, [["/@odata.type", "string", '@odata.type "#microsoft.graph.circle" is not allowed here; expected one of #microsoft.graph.widget']]],
  ])("%s", (_, value, expected) => {
    expect(issues(value)).toEqual(expected);
  });
});

describe("shapes and hostile input", () => {
  it("reports a root value that is not an object at the empty pointer", () => {
    expect(issues("widget")).toEqual([["", "string", 'expected microsoft.graph.widget object, received string "widget"']]);
    expect(issues([])).toEqual([["", "array", "expected microsoft.graph.widget object, received array"]]);
  });

  it("checks navigation properties for shape only", () => {
    expect(issues(widget({ owner: { anything: 1 }, parts: [{}] }))).toEqual([]);
    expect(issues(widget({ owner: "w2", parts: [1] }))).toEqual([
      ["/owner", "string", 'expected microsoft.graph.widget object, received string "w2"'],
      ["/parts/0", "number", "expected microsoft.graph.widget object, received number 1"],
    ]);
  });

  it("never reads `constructor` or `__proto__` from the prototype, and never pollutes it", () => {
    expect(issues({ name: "w" }, "create")).toEqual([]);
    expect(issues(widget({ constructor: 5 }))).toEqual([["/constructor", "number", "expected Edm.String, received number 5"]]);
    const hostile = JSON.parse('{"name":"w","__proto__":{"polluted":true},"node":{"__proto__":{"value":"x"}}}') as unknown;
    // Declared properties are checked first, in declaration order, then unknown ones.
    expect(issues(hostile, "create")).toEqual([
      ["/node/__proto__", "object", 'unknown property "__proto__": microsoft.graph.node is not an open type'],
      ["/__proto__", "object", 'unknown property "__proto__": microsoft.graph.widget is not an open type'],
    ]);
    expect(issues(hostile, "read")).toEqual([]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("escapes property names in JSON pointers", () => {
    expect(issues(widget({ "a/b~c": 1 }), "create")).toEqual([["/a~1b~0c", "number", 'unknown property "a/b~c": microsoft.graph.widget is not an open type']]);
  });

  it("bounds nesting depth with an issue, not a stack overflow", () => {
    let node: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 100_000; i++) node = { child: node };
    const result = validateWidget(widget({ node }), { maxDepth: 64 });
    expect(result.ok ? [] : result.errors.map((e) => [e.path.split("/").length, e.message])).toEqual([[65, "nesting deeper than 64 objects (maxDepth)"]]);
  });

  it("reports a cyclic object instead of looping: it is nested deeper than maxDepth", () => {
    const node: Record<string, unknown> = { value: 1 };
    node["child"] = { child: node };
    const result = validateWidget(widget({ node }), { maxDepth: 8 });
    // The root widget, then node and its child in turn: the ninth object is one too many.
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.message])).toEqual([
      ["/node/child/child/child/child/child/child/child", "nesting deeper than 8 objects (maxDepth)"],
    ]);
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { value: 1 };
    expect(issues(widget({ node: { child: shared, value: 2 }, shapes: [{ "@odata.type": "#microsoft.graph.square" }, { "@odata.type": "#microsoft.graph.square" }] }))).toEqual([]);
    expect(issues(widget({ node: { child: { child: shared } } }))).toEqual([]);
  });

  it("collects every error, up to maxErrors, then says it stopped", () => {
    const value = { name: 1, str: 2, flag: 3, byte: "x" };
    expect(validateWidget(value).ok ? 0 : (validateWidget(value) as { errors: unknown[] }).errors.length).toBe(4);
    const capped = validateWidget(value, { maxErrors: 2 });
    expect(capped.ok ? [] : capped.errors.map((e) => [e.path, e.message])).toEqual([
      ["/name", "expected Edm.String, received number 1"],
      ["/str", "expected Edm.String (at most 5 characters), received number 2"],
      ["", "validation stopped after 2 errors (maxErrors)"],
    ]);
  });
});
