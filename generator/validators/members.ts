// The checks of one type's members, for validators.ts: each property and navigation property, and the value
// checks under them, in either form a members function takes (property by property, or one pass over the
// keys present, see KEY_PASS_MAX_PROPERTIES), laid out as prettier would.
import { concreteTypes, hasDescendants } from "../model/queries.js";
import { isPrimitive, type Model, type NavigationProperty, type Property, type TypeRef } from "../model/types.js";
import type { Names } from "../naming.js";
import type { ImportSet } from "../emit/imports.js";
import { odataTypeLiteral } from "../emit/type-expressions.js";
import { primitiveCheck, propertyHelper } from "./edm.js";
import { layoutCallStatement, layoutIfBlock, layoutStatement, type Statement } from "./layout.js";
import { WALK_RUNTIME, type TypeValidator } from "./names.js";

export interface Context {
  readonly model: Model;
  readonly names: Names;
  /** The emitted types: dispatch covers only derived types that have a validator. */
  readonly selected: ReadonlySet<string>;
  readonly validatorOf: (fullName: string) => TypeValidator;
  /** A module's runtime import lines (structured.ts's `runtimeImports`), laid out once per run for each folder and set of names. */
  readonly runtimeImport: RuntimeImports;
}

export type RuntimeImports = (modulePath: string, extra: readonly string[], predicates: readonly string[], constants?: readonly string[]) => string;

/** The emitted concrete types a value declared as `fullName` can be. */
export function emittedConcreteTypes(ctx: Context, fullName: string, constraint?: readonly string[]): string[] {
  return concreteTypes(ctx.model, fullName, constraint).filter((name) => ctx.selected.has(name));
}

/** How one value (a property, or an item of a collection property) is checked. Exactly one kind is set. */
interface ValueCheck {
  /** `helper`: the edm-checks module's one-call check of a property of this type, when it has one. */
  readonly primitive: { readonly predicate: string; readonly args: string; readonly helper: string | undefined } | false;
  /**
   * An enum's or structured type's `checkX(value, walk, path)`, with the derived types a constraint allows;
   * `odataType`: a structured type's `@odata.type` constant (or literal, for an abstract type), which names
   * it in issues; imported when called.
   */
  readonly call: { readonly check: string; readonly allowed: readonly string[] | false; readonly odataType?: () => string } | false;
}

/** One property's checks, each statement laid out as prettier would (see validators-layout.ts). */
export interface PropertyCheckView {
  readonly read: string;
  /** A property checked by one call (a navigation property, or a primitive with a property helper): that statement; else false. */
  readonly statement: string | false;
  readonly readOnly: string | false;
  readonly immutable: string | false;
  /** `if (walk.array(x, ...)) {` of a collection property; else false. */
  readonly arrayTest: string | false;
  /** The key the items are reported under, for `walk.down(key)`. */
  readonly key: string;
  /** The check of the value (or of one item of a collection). */
  readonly valueCheck: string;
  /** ` else if (walk.create) walk.required(...);` after the closing `}`, or "". */
  readonly required: string;
}

/** Lines laid out as prettier would (see validators-layout.ts). */
export interface ValueContext extends Context {
  readonly imports: ImportSet;
  readonly runtime: Set<string>;
}

export function propertyCheck(ctx: ValueContext, property: Property, requiredOnCreate: boolean): PropertyCheckView {
  const { check, expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  const { read, key } = access(ctx, property.name);
  const collection = property.type.collection;
  // Only what the metadata states as required on create (InsertRestrictions): Nullable="false" alone is
  // not, since Graph fills in many such properties itself. Keys are assigned by the service.
  const required = requiredOnCreate && !property.readOnly;
  const helper = !collection && check.primitive && check.primitive.helper;
  if (helper && !property.readOnly && !property.immutable && !required) {
    ctx.runtime.add(helper);
    return oneStatement(read, key, layoutCallStatement("  ", helper, helperArgs(read, key, property.nullable)));
  }
  const whole = JSON.stringify(collection ? `array of ${expected}` : expected);
  const item = JSON.stringify(expected);
  const indent = collection ? "        " : "    ";
  const value = collection ? "item" : "x";
  const path = collection ? "i" : key;
  return {
    read,
    key,
    statement: false,
    readOnly: property.readOnly && restriction(ctx, "readOnly", key, "    "),
    immutable: property.immutable && restriction(ctx, "immutable", key, "    "),
    arrayTest: collection && layoutIfBlock("    ", "walk.array", ["x", key, arrayItem(check, item)]),
    valueCheck: `${indent}${layoutStatement(valueStatement(ctx, check, value, path, property.nullable, item), indent)}`,
    required: required ? ` else ${layoutStatement(requiredStatement(ctx, key, whole), "  ", "  } else ".length)}` : "",
  };
}

/** In a request body a read-only property is an issue, in an update an immutable one: the statement, at `indent`. */
function restriction(ctx: ValueContext, kind: "readOnly" | "immutable", key: string, indent: string): string {
  const test = kind === "readOnly" ? "walk.writing" : "walk.update";
  const callee = runtimeCheck(ctx, kind === "readOnly" ? "readOnlyIssue" : "immutableIssue");
  return `${indent}${layoutStatement({ test, then: { callee, args: ["walk", key, "x"] } }, indent)}`;
}

/** A property helper's arguments: the walk, the value, its key, and `false` when null is not allowed. */
function helperArgs(value: string, key: string, nullable: boolean): string[] {
  return nullable ? ["walk", value, key] : ["walk", value, key, "false"];
}

/** What `walk.array` names each item: the item type's `@odata.type` constant (it spells "x object"), else the expected text. */
function arrayItem(check: ValueCheck, item: string): string {
  return (check.call && check.call.odataType?.()) || item;
}

/** A property checked by one statement: the statement is all there is. */
function oneStatement(read: string, key: string, statement: string): PropertyCheckView {
  // The fields in the order of every other check's, so that all property checks share one shape.
  return { read, key, statement, readOnly: false, immutable: false, arrayTest: false, valueCheck: "", required: "" };
}

function requiredStatement(ctx: ValueContext, key: string, expected: string): Statement {
  return { test: "walk.create", then: { callee: runtimeCheck(ctx, "requiredIssue"), args: ["walk", key, expected] } };
}

/**
 * The statement checking `value`: null first, then its type (primitive predicate or the type's check).
 * `absent`: `value` may also be undefined, which passes.
 */
function valueStatement(ctx: ValueContext, check: ValueCheck, value: string, path: string, nullable: boolean, expected: string, absent = false): Statement {
  let typed: Statement;
  if (check.primitive) {
    ctx.runtime.add(check.primitive.predicate);
    const issue = { callee: "walk.issue", args: [path, expected, value] };
    typed = { test: `!${check.primitive.predicate}(${value}${check.primitive.args})`, then: issue };
  } else if (check.call) {
    const call = { callee: check.call.check, args: [value, "walk", path] };
    typed = check.call.allowed ? { test: { callee: runtimeCheck(ctx, "derivedAllowed"), args: ["walk", value, path], list: check.call.allowed }, then: call } : call;
  } else throw new Error(`no check for ${path}`);
  if (nullable) return { test: absent ? `${value} != null` : `${value} !== null`, then: typed };
  const present = absent ? { test: `${value} !== undefined`, then: typed } : typed;
  return { test: `${value} === null`, then: { callee: "walk.notNull", args: [path, expected] }, else: present };
}

/** Navigation properties hold expanded (or deep-inserted) entities: checked for shape, not recursed into. */
export function navigationCheck(ctx: ValueContext, navigation: NavigationProperty): PropertyCheckView {
  const { read, key } = access(ctx, navigation.name);
  const args = ["walk", read, key, JSON.stringify(navigation.type.name), String(navigation.type.collection), String(navigation.type.collection ? false : navigation.nullable)];
  return oneStatement(read, key, layoutCallStatement("  ", runtimeCheck(ctx, "navigationShape"), args));
}

/**
 * Types with at most this many properties check their members in one pass over the object's keys: a
 * `switch` on each key present, where declared keys whose checks are the same share a case. Larger types
 * read each declared property by name, then (in a request body) pass over the keys for undeclared ones.
 * The switch compares a key with its cases one by one: cheaper than reading every property for a request
 * body, which names a few, and for a small type; several times dearer for a large entity read whole.
 */
export const KEY_PASS_MAX_PROPERTIES = 8;

/** A case of the one-pass members switch: its labels (declared keys) and its statements on `x` and `key`. */
export interface MemberCase {
  readonly labels: string[];
  readonly body: string;
}

/** Indents inside `for (const key in value) { switch (key) { case ...: ... } }`. */
const CASE = "        ";
const INNER = `${CASE}  `;
const ITEM = `${INNER}    `;

/** A property's case: its value `x` (undefined when the key is present with no value) checked at `key`. */
export function propertyCase(ctx: ValueContext, property: Property): { label: string; body: string } {
  const { check, expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  const label = JSON.stringify(property.name);
  const item = JSON.stringify(expected);
  const collection = property.type.collection;
  const helper = !collection && check.primitive && check.primitive.helper;
  if (!property.readOnly && !property.immutable) {
    if (helper) {
      ctx.runtime.add(helper);
      return { label, body: layoutCallStatement(CASE, helper, helperArgs("x", "key", property.nullable)) };
    }
    if (!collection) return { label, body: `${CASE}${layoutStatement(valueStatement(ctx, check, "x", "key", property.nullable, item, true), CASE)}` };
  }
  const lines = [`${CASE}if (x !== undefined) {`];
  if (property.readOnly) lines.push(restriction(ctx, "readOnly", "key", INNER));
  if (property.immutable) lines.push(restriction(ctx, "immutable", "key", INNER));
  if (collection) {
    lines.push(
      layoutIfBlock(INNER, "walk.array", ["x", "key", arrayItem(check, item)]),
      `${INNER}  walk.down(key);`,
      `${INNER}  for (let i = 0; i < x.length; i++) {`,
      `${INNER}    const item = x[i];`,
      `${ITEM}${layoutStatement(valueStatement(ctx, check, "item", "i", property.nullable, item), ITEM)}`,
      `${INNER}  }`,
      `${INNER}  walk.up();`,
      `${INNER}}`,
    );
  } else lines.push(`${INNER}${layoutStatement(valueStatement(ctx, check, "x", "key", property.nullable, item), INNER)}`);
  lines.push(`${CASE}}`);
  return { label, body: lines.join("\n") };
}

export function navigationCase(ctx: ValueContext, navigation: NavigationProperty): { label: string; body: string } {
  const args = ["walk", "x", "key", JSON.stringify(navigation.type.name), String(navigation.type.collection), String(navigation.type.collection ? false : navigation.nullable)];
  return { label: JSON.stringify(navigation.name), body: layoutCallStatement(CASE, runtimeCheck(ctx, "navigationShape"), args) };
}

/** Keys whose checks read the same share one case, at the place of the first. */
export function groupCases(cases: readonly { label: string; body: string }[]): MemberCase[] {
  const byBody = new Map<string, MemberCase>();
  for (const { label, body } of cases) {
    const shared = byBody.get(body);
    if (shared) shared.labels.push(label);
    else byBody.set(body, { labels: [label], body });
  }
  return [...byBody.values()];
}

/** After the pass: a property the metadata requires on create, missing from a create body. */
export function requiredCheck(ctx: ValueContext, property: Property): string {
  const { expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  const { read, key } = access(ctx, property.name);
  const whole = JSON.stringify(property.type.collection ? `array of ${expected}` : expected);
  const then = { callee: runtimeCheck(ctx, "requiredIssue"), args: ["walk", key, whole] };
  return `  ${layoutStatement({ test: `walk.create && ${read} === undefined`, then }, "  ")}`;
}

/** A check of the validation runtime that only some validators call, imported by those alone. */
export function runtimeCheck(ctx: ValueContext, name: (typeof WALK_RUNTIME)[number]): string {
  ctx.runtime.add(name);
  return name;
}

function access(ctx: ValueContext | undefined, name: string): { read: string; key: string } {
  // `constructor`, `toString`...: read own properties only, never the prototype's.
  const inherited = name in Object.prototype;
  if (inherited && ctx) ctx.runtime.add("own");
  const key = JSON.stringify(name);
  return { read: inherited ? `own(value, ${key})` : `value[${key}]`, key };
}

function valueCheck(ctx: ValueContext, ref: TypeRef, facets: Property, constraint?: readonly string[]): { check: ValueCheck; expected: string } {
  // Most properties are primitives, which the model's map of types never holds: no lookup for them.
  const type = isPrimitive(ref.name) ? undefined : ctx.model.types.get(ref.name);
  if (!type || type.kind === "typeDefinition") {
    const primitive = type ? primitiveCheck(type.underlyingType, type) : primitiveCheck(ref.name, facets);
    const args = primitive.args ? `, ${primitive.args}` : "";
    return { check: { primitive: { predicate: primitive.predicate, args, helper: propertyHelper(primitive) }, call: false }, expected: primitive.expected };
  }
  const { modulePath: from, names, aliases } = ctx.validatorOf(type.fullName);
  if (type.kind === "enum") {
    // The enum's own check lists its members; here its name keeps the line short.
    return { check: { primitive: false, call: { check: ctx.imports.add(from, names.check, false, aliases.check), allowed: false } }, expected: type.fullName };
  }
  const allowed = constraint && hasDescendants(ctx.model, type.fullName)
    ? emittedConcreteTypes(ctx, type.fullName, constraint).map(odataTypeLiteral)
    : false;
  const check = ctx.imports.add(from, names.check, false, aliases.check);
  const odataType = () => (type.abstract ? JSON.stringify(`#${type.fullName}`) : ctx.imports.add(from, names.odataType, false, aliases.odataType));
  return { check: { primitive: false, call: { check, allowed, odataType } }, expected: `${type.fullName} object` };
}

/** The one-pass switch's `default`: the check of an undeclared key, in a request body only. */
export function otherKeyCase(statement: Statement): string {
  return `${CASE}${layoutStatement({ test: "walk.writing", then: statement }, CASE)}`;
}
