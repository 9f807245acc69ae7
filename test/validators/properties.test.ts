// Property-based: values generated from the model are accepted in every mode; one mutation (wrong
// primitive, null in non-nullable, unknown member, bad enum, wrong @odata.type) is reported at its path.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { csdl, modelOf } from "../support/csdl-builder.js";
import { generateFromCsdl, type Mode, type Validate } from "./support/generated-validators.js";
import { declaredValue, mutations } from "./support/instances.js";
import { WIDGET_CSDL } from "./support/widget-csdl.js";

const model = modelOf(csdl({ namespace: "microsoft.graph", alias: "graph", body: WIDGET_CSDL }));
let validateWidget: Validate;
let schemaWidget: ValidateFunction;

beforeAll(async () => {
  const pkg = await generateFromCsdl(WIDGET_CSDL);
  validateWidget = await pkg.validator("validators/Widget", "Widget");
  const schema = JSON.parse(readFileSync(join(pkg.out, "schemas/graph.schema.json"), "utf8")) as { $id: string };
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(schema);
  schemaWidget = ajv.compile({ $ref: `${schema.$id}#/$defs/microsoft.graph.widget` });
}, 60_000);

const widgets = declaredValue(model, "microsoft.graph.widget");

describe("generated instances", () => {
  it.each<Mode>(["create", "update", "read"])("are accepted in %s mode", (mode) => {
    fc.assert(
      fc.property(widgets, (widget) => {
        expect(validateWidget(widget, { mode })).toEqual({ ok: true, value: widget });
      }),
      { numRuns: 300 },
    );
  });

  it("with one mutation are rejected, naming the mutated path", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(widgets, fc.nat(), (generated, pick) => {
        // fast-check reuses values while shrinking: mutate a copy.
        const widget = structuredClone(generated);
        const candidates = mutations(model, widget, "microsoft.graph.widget");
        const mutation = candidates[pick % candidates.length]!;
        mutation.apply();
        kinds.add(mutation.kind);
        const result = validateWidget(widget, { mode: "create" });
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.errors.map((e) => e.path)).toContain(mutation.path);
      }),
      { numRuns: 500 },
    );
    expect([...kinds].sort()).toEqual(["bad enum", "null in non-nullable", "unknown member", "wrong @odata.type", "wrong primitive"]);
  });
});

describe("the JSON Schema", () => {
  it("agrees with the validator in update mode (its rules) on generated and mutated instances", () => {
    fc.assert(
      fc.property(widgets, fc.nat(), fc.boolean(), (generated, pick, mutate) => {
        const widget = structuredClone(generated);
        if (mutate) {
          const candidates = mutations(model, widget, "microsoft.graph.widget");
          candidates[pick % candidates.length]!.apply();
        }
        // ajv reads `data.constructor` through the prototype (Object), so hand it a null-prototype copy.
        const forAjv = Object.assign(Object.create(null) as object, widget);
        expect(schemaWidget(forAjv)).toBe(validateWidget(widget, { mode: "update" }).ok);
        expect(schemaWidget(forAjv)).toBe(!mutate);
      }),
      { numRuns: 300 },
    );
  });
});
