// A SharePoint list item's `fields` (fieldValueSet) are keyed by the list's own column names, a dictionary
// like thumbnailSet's custom sizes: the overlay marks it so, and the documented bodies of listitem-create and
// listitem-update validate and compile, while listItem itself stays typo-safe. Real v1.0 metadata.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheck } from "../client/support/typecheck.js";
import { ALL_V1, sharedPackage } from "../support/shared-package.js";
import { generatedPackage, type Validate } from "./support/generated-validators.js";

// listitem-create.md at 01784a996c3bd7a5e5415c20c478047309f7cc24 (microsoftgraph/microsoft-graph-docs-contrib).
const CREATE_BODY = { fields: { Title: "Widget", Color: "Purple", Weight: 32 } };
// listitem-update.md at 06473d2fa2a68f08dfeda8b4ea4a1c46f60afe9b: PATCH .../items/{item-id}/fields, and its answer.
const UPDATE_BODY = { Color: "Fuchsia", Quantity: 934 };
const UPDATE_ANSWER = { Name: "Widget", Color: "Fuchsia", Quantity: 934 };

// The run's shared package of all of v1.0 with the overlay (listItem and its closure are in it, as in a
// package generated with `include: ["listItem"]`); this file only adds its own check file beside it.
let out: string;
let listItem: Validate;
let fieldValueSet: Validate;

beforeAll(async () => {
  out = await sharedPackage("all", ALL_V1);
  const generated = generatedPackage(out);
  listItem = await generated.validator("validators/ListItem", "ListItem");
  fieldValueSet = await generated.validator("validators/FieldValueSet", "FieldValueSet");
}, 180_000);

describe("fieldValueSet, a dictionary of column values", () => {
  it("validates the documented listitem-create and listitem-update bodies, and the update's answer", () => {
    expect(listItem(CREATE_BODY, { mode: "create" })).toEqual({ ok: true, value: CREATE_BODY });
    expect(fieldValueSet(CREATE_BODY.fields, { mode: "create" })).toMatchObject({ ok: true });
    expect(fieldValueSet(UPDATE_BODY, { mode: "update" })).toEqual({ ok: true, value: UPDATE_BODY });
    expect(fieldValueSet(UPDATE_ANSWER, { mode: "read" })).toMatchObject({ ok: true });
  });

  it("still checks a declared member's type and listItem's own keys", () => {
    expect(fieldValueSet({ id: 5, Title: "Widget" }, { mode: "update" })).toMatchObject({ ok: false, errors: [{ path: "/id" }] });
    expect(listItem({ feilds: { Title: "Widget" } }, { mode: "create" })).toMatchObject({ ok: false, errors: [{ path: "/feilds" }] });
  });

  it("compiles the documented bodies as ListItem and FieldValueSet, and a misspelt listItem key does not", () => {
    const file = join(out, "fields-check.ts");
    writeFileSync(
      file,
      [
        'import type { FieldValueSet } from "./src/models/FieldValueSet.js";',
        'import type { ListItem } from "./src/models/ListItem.js";',
        `export const created: ListItem = ${JSON.stringify(CREATE_BODY)};`,
        `export const updated: FieldValueSet = ${JSON.stringify(UPDATE_BODY)};`,
        "export const column = (fields: FieldValueSet): unknown => fields.Color;",
        "// @ts-expect-error listItem is closed: a misspelt key is a typo, not a column",
        'export const misspelt: ListItem = { feilds: { Title: "Widget" } };',
        "",
      ].join("\n"),
    );
    expect(typecheck(out, [file])).toBe("");
  }, 120_000);
});
