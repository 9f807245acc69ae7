// View models for the validator modules of entity and complex types (templates/validator.hbs; enum
// types: validators-enum.ts). Validators check every property inline, inherited
// ones included, so a module imports only the validators of the types its properties hold.
import { allProperties, baseChain, concreteTypes, dynamicPropertyNames, hasDescendants } from "../model/queries.js";
import type { Model, NavigationProperty, Property, StructuredType, TypeRef } from "../model/types.js";
import type { Names } from "../naming.js";
import { ImportSet, moduleSpecifier, type ImportView } from "./imports.js";
import { odataTypeLiteral } from "./type-expressions.js";
import { primitiveCheck, propertyHelper } from "./validators-edm.js";
import {
  arrowHead,
  layoutAllowedTypes,
  layoutCallStatement,
  layoutIfBlock,
  layoutImport,
  layoutSignature,
  layoutStatement,
  layoutStringConstant,
  type Statement,
} from "./validators-layout.js";
import { EDM_CHECKS_MODULE, RUNTIME_MODULE, RUNTIME_VALUES, validatorModulePath, validatorNames, WALK_RUNTIME } from "./validators-names.js";

export interface Context {
  readonly model: Model;
  readonly names: Names;
  /** The emitted types: dispatch covers only derived types that have a validator. */
  readonly selected: ReadonlySet<string>;
}

/** The emitted concrete types a value declared as `fullName` can be. */
function emittedConcreteTypes(ctx: Context, fullName: string, constraint?: readonly string[]): string[] {
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
  readonly call: { readonly check: string; readonly allowed: string | false; readonly odataType?: () => string } | false;
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
export interface Signatures {
  /** The body of `validateX`: `return runValidation<X>(value, options, checkX);`, laid out. */
  readonly runValidation: string;
  readonly validate: string;
  readonly is: string;
  readonly assert: string;
  readonly check: string;
  readonly members?: string;
}

export interface StructuredValidatorView {
  readonly runtimeImport: string;
  readonly imports: ImportView[];
  readonly typeNameConstant: string;
  /** `const allowedTypes = (): string[] => [...]` when more than the type itself is allowed (or it is abstract); else "". */
  readonly allowedConstant: string;
  /** The switch's default, `return walk.otherType(value, key, allowed, checkX);`, laid out; `allowed` is `allowedTypes()`, or `[odataTypeX]` when the type is the only one allowed. */
  readonly otherType: string;
  readonly signatures: Signatures;
  readonly fullName: string;
  readonly typeName: string;
  readonly names: ReturnType<typeof validatorNames>;
  readonly concrete: boolean;
  /**
   * Derived concrete types: the constant of their `@odata.type` as Graph sends it (`#microsoft.graph.x`)
   * and their members function, both imported from their module. Other spellings (any case, no `#`)
   * reach the runtime's `otherType`.
   */
  readonly derived: { readonly odataType: string; readonly members: string }[];
  /**
   * A concrete type with derived types: each key only a derived type declares, with the members function
   * of the first derived type (in metadata order) that declares it. A request body without `@odata.type`
   * that has such a key is checked as that type, as Graph reads it (the docs send `userIdentityType`, a
   * `teamworkUserIdentity` property, on a `mentioned.user` declared `identity`, without `@odata.type`).
   */
  readonly inferred: { readonly keys: string[]; readonly members: string }[];
  readonly properties: PropertyCheckView[];
  /** Some property check reads its value into `x` first. */
  readonly usesX: boolean;
  /**
   * A type with few properties checks its members in one pass over the object's keys (see
   * `KEY_PASS_MAX_PROPERTIES`): the switch's cases, its `default` (an undeclared key in a request body) and
   * the required properties' checks after the pass; false for a type checked property by property.
   */
  readonly keyPass: { readonly cases: MemberCase[]; readonly otherKey: string | false; readonly required: string[] } | false;
  /** The call on an undeclared key in a request body (`walk.unknown(...)`, `dynamicKey(...)`), or false. */
  readonly keyCheck: string | false;
  /** A type with no properties and no key check: the members function, `{}` and all; else false. */
  readonly emptyMembers: string | false;
  readonly knownKeys: string[];
}


/** Validator of an entity or complex type: dispatch on `@odata.type`, then straight-line property checks. */
export function structuredValidatorView(ctx: Context, type: StructuredType): StructuredValidatorView {
  const naming = ctx.names.type(type.fullName);
  const own = validatorNames(naming.typeName);
  const modulePath = validatorModulePath(naming.modulePath);
  const runtime = new Set<string>();
  const imports = new ImportSet(modulePath, [...Object.values(own), ...RUNTIME_VALUES, ...MODULE_LOCALS]);
  const typeName = imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
  const concrete = emittedConcreteTypes(ctx, type.fullName);
  const derivedNames = concrete.filter((name) => name !== type.fullName);
  const derived = derivedNames.map((name) => {
    const other = ctx.names.type(name);
    const [names, aliases, from] = [validatorNames(other.typeName), validatorNames(other.qualifiedAlias), validatorModulePath(other.modulePath)];
    return { odataType: imports.add(from, names.odataType, false, aliases.odataType), members: imports.add(from, names.members, false, aliases.members) };
  });
  const { properties, navigationProperties } = allProperties(ctx.model, type);
  const declared = new Set([...properties, ...navigationProperties].map((p) => p.name));
  const key = new Set(type.key ?? allKeys(ctx.model, type));
  // Creating a derived type in a collection of its base meets the base collection's requirements too.
  const required = new Set([type, ...baseChain(ctx.model, type)].flatMap((t) => t.requiredOnCreate));
  const valueContext = { ...ctx, imports, runtime };
  const requiredOnCreate = (p: Property) => required.has(p.name) && !key.has(p.name);
  const count = properties.length + navigationProperties.length;
  const onePass = count > 0 && count <= KEY_PASS_MAX_PROPERTIES;
  // Checks first: they add the imports and runtime predicates the module needs.
  const checks = onePass ? [] : [
    ...properties.map((p) => propertyCheck(valueContext, p, requiredOnCreate(p))),
    ...navigationProperties.map((p) => navigationCheck(valueContext, p)),
  ];
  const cases = onePass ? groupCases([...properties.map((p) => propertyCase(valueContext, p)), ...navigationProperties.map((p) => navigationCase(valueContext, p))]) : [];
  const requiredChecks = onePass ? properties.filter((p) => requiredOnCreate(p) && !p.readOnly).map((p) => requiredCheck(valueContext, p)) : [];
  const onlyItself = concrete.length === 1 && concrete[0] === type.fullName;
  const membersSignature = layoutSignature(arrowHead(own.members), MEMBERS_PARAMS, "void", "=> {");
  const keyStatement = keyCheck(valueContext, type, dynamicPropertyNames(ctx.model, type));
  const keys = keyStatement && `${keyStatement.callee}(${keyStatement.args.join(", ")})`;
  return {
    runtimeImport: runtimeImports(modulePath, WALK_RUNTIME.filter((name) => runtime.has(name)), [...runtime].filter((name) => !(WALK_RUNTIME as readonly string[]).includes(name)).sort(), ["ODATA_TYPE"]),
    imports: imports.views(),
    typeNameConstant: odataTypeConstant(type, own.odataType),
    allowedConstant: onlyItself ? "" : layoutAllowedTypes(concrete.map((name) => (name === type.fullName ? own.odataType : derived[derivedNames.indexOf(name)]!.odataType))),
    otherType: layoutCallStatement("      ", "return walk.otherType", ["value", "key", onlyItself ? `[${own.odataType}]` : "allowedTypes()", own.check]),
    signatures: {
      ...publicSignatures(own, typeName),
      check: layoutSignature(arrowHead(own.check), ["value: unknown", "walk: Walk", "key: PathKey"], "void", "=> {"),
      members: membersSignature,
    },
    fullName: type.fullName,
    typeName,
    names: own,
    concrete: !type.abstract,
    derived,
    inferred: type.abstract ? [] : inferredTypes(ctx, declared, derivedNames, derived.map((d) => d.members)),
    properties: checks,
    usesX: checks.some((check) => check.statement === false),
    keyPass: onePass && {
      cases,
      otherKey: keyStatement && `${CASE}${layoutStatement({ test: "walk.writing", then: keyStatement }, CASE)}`,
      required: requiredChecks,
    },
    keyCheck: keys,
    emptyMembers: count === 0 && keys === false && layoutSignature(arrowHead(own.members), MEMBERS_PARAMS, "void", "=> {};"),
    knownKeys: [...properties, ...navigationProperties].map((p) => JSON.stringify(p.name)),
  };
}

/** Keys only derived types declare, grouped by the first derived type that declares each (see `inferred`). */
function inferredTypes(ctx: Context, declared: ReadonlySet<string>, derivedNames: readonly string[], members: readonly string[]): StructuredValidatorView["inferred"] {
  const seen = new Set(declared);
  return derivedNames
    .map((name, i) => {
      const type = ctx.model.types.get(name) as StructuredType;
      const own = allProperties(ctx.model, type);
      const keys = [...own.properties, ...own.navigationProperties].map((p) => p.name).filter((key) => !seen.has(key));
      for (const key of keys) seen.add(key);
      return { keys: keys.map((key) => JSON.stringify(key)), members: members[i]! };
    })
    .filter((group) => group.keys.length > 0);
}

/**
 * The type's `@odata.type` as Graph sends it (`#microsoft.graph.x`): the walk names the type in issues by
 * it, and a concrete type exports it for its base types' switches, which compare with that literal, written
 * once. An abstract type's is never sent, so it stays in its module.
 */
function odataTypeConstant(type: StructuredType, odataType: string): string {
  return layoutStringConstant(odataType, `#${type.fullName}`, type.abstract ? "const" : "export const");
}

/** Closed types reject undeclared keys; open ones allow extension-shaped keys, or any key (dictionaries). */
function keyCheck(ctx: ValueContext, type: StructuredType, names: "none" | "extension" | "any"): { callee: string; args: string[] } | false {
  const odataType = validatorNames(ctx.names.type(type.fullName).typeName).odataType;
  if (names === "none") return { callee: "walk.unknown", args: ["value", "key", odataType] };
  return names === "extension" && { callee: runtimeCheck(ctx, "dynamicKey"), args: ["walk", "value", "key", odataType] };
}

const MEMBERS_PARAMS = ["value: Record<string, unknown>", "walk: Walk"];


/** The key is declared on the root of the base chain. */
function allKeys(model: Model, type: StructuredType): readonly string[] {
  return [type, ...baseChain(model, type)].find((t) => t.key)?.key ?? [];
}

interface ValueContext extends Context {
  readonly imports: ImportSet;
  readonly runtime: Set<string>;
}

function propertyCheck(ctx: ValueContext, property: Property, requiredOnCreate: boolean): PropertyCheckView {
  const { check, expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  const { read, key } = access(ctx, property.name);
  const collection = property.type.collection;
  const whole = JSON.stringify(collection ? `array of ${expected}` : expected);
  const item = JSON.stringify(expected);
  const indent = collection ? "        " : "    ";
  const [value, path] = collection ? ["item", "i"] : ["x", key];
  // Only what the metadata states as required on create (InsertRestrictions): Nullable="false" alone is
  // not, since Graph fills in many such properties itself. Keys are assigned by the service.
  const required = requiredOnCreate && !property.readOnly;
  const helper = !collection && check.primitive && check.primitive.helper;
  if (helper && !property.readOnly && !property.immutable && !required) {
    ctx.runtime.add(helper);
    const args = ["walk", read, key, ...(property.nullable ? [] : ["false"])];
    return { ...ONE_STATEMENT, read, key, statement: layoutCallStatement("  ", helper, args) };
  }
  return {
    read,
    key,
    statement: false,
    readOnly: property.readOnly && `    ${layoutStatement({ test: "walk.writing", then: { callee: runtimeCheck(ctx, "readOnlyIssue"), args: ["walk", key, "x"] } }, "    ")}`,
    immutable: property.immutable && `    ${layoutStatement({ test: "walk.update", then: { callee: runtimeCheck(ctx, "immutableIssue"), args: ["walk", key, "x"] } }, "    ")}`,
    // The walk spells "array of ..." itself, and "x object" from an `@odata.type` constant (`#x`).
    arrayTest: collection && layoutIfBlock("    ", "walk.array", ["x", key, (check.call && check.call.odataType?.()) || item]),
    valueCheck: `${indent}${layoutStatement(valueStatement(ctx, check, value, path, property.nullable, item), indent)}`,
    required: required ? ` else ${layoutStatement(requiredStatement(ctx, key, whole), "  ", "  } else ".length)}` : "",
  };
}

/** A property checked by one statement: the statement is all there is. */
const ONE_STATEMENT = { readOnly: false, immutable: false, arrayTest: false, valueCheck: "", required: "" } as const;

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
    typed = check.call.allowed ? { test: `${runtimeCheck(ctx, "derivedAllowed")}(walk, ${value}, ${path}, ${check.call.allowed})`, then: call } : call;
  } else throw new Error(`no check for ${path}`);
  if (nullable) return { test: absent ? `${value} != null` : `${value} !== null`, then: typed };
  const present = absent ? { test: `${value} !== undefined`, then: typed } : typed;
  return { test: `${value} === null`, then: { callee: "walk.notNull", args: [path, expected] }, else: present };
}

/** Navigation properties hold expanded (or deep-inserted) entities: checked for shape, not recursed into. */
function navigationCheck(ctx: ValueContext, navigation: NavigationProperty): PropertyCheckView {
  const { read, key } = access(ctx, navigation.name);
  const args = ["walk", read, key, JSON.stringify(navigation.type.name), String(navigation.type.collection), String(navigation.type.collection ? false : navigation.nullable)];
  return { ...ONE_STATEMENT, read, key, statement: layoutCallStatement("  ", runtimeCheck(ctx, "navigationShape"), args) };
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
function propertyCase(ctx: ValueContext, property: Property): { label: string; body: string } {
  const { check, expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  const label = JSON.stringify(property.name);
  const item = JSON.stringify(expected);
  const collection = property.type.collection;
  const helper = !collection && check.primitive && check.primitive.helper;
  if (!property.readOnly && !property.immutable) {
    if (helper) {
      ctx.runtime.add(helper);
      return { label, body: layoutCallStatement(CASE, helper, ["walk", "x", "key", ...(property.nullable ? [] : ["false"])]) };
    }
    if (!collection) return { label, body: `${CASE}${layoutStatement(valueStatement(ctx, check, "x", "key", property.nullable, item, true), CASE)}` };
  }
  const lines = [`${CASE}if (x !== undefined) {`];
  if (property.readOnly) lines.push(`${INNER}${layoutStatement({ test: "walk.writing", then: { callee: runtimeCheck(ctx, "readOnlyIssue"), args: ["walk", "key", "x"] } }, INNER)}`);
  if (property.immutable) lines.push(`${INNER}${layoutStatement({ test: "walk.update", then: { callee: runtimeCheck(ctx, "immutableIssue"), args: ["walk", "key", "x"] } }, INNER)}`);
  if (collection) {
    lines.push(
      layoutIfBlock(INNER, "walk.array", ["x", "key", (check.call && check.call.odataType?.()) || item]),
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

function navigationCase(ctx: ValueContext, navigation: NavigationProperty): { label: string; body: string } {
  const args = ["walk", "x", "key", JSON.stringify(navigation.type.name), String(navigation.type.collection), String(navigation.type.collection ? false : navigation.nullable)];
  return { label: JSON.stringify(navigation.name), body: layoutCallStatement(CASE, runtimeCheck(ctx, "navigationShape"), args) };
}

/** Keys whose checks read the same share one case, at the place of the first. */
function groupCases(cases: readonly { label: string; body: string }[]): MemberCase[] {
  const byBody = new Map<string, string[]>();
  for (const { label, body } of cases) byBody.set(body, [...(byBody.get(body) ?? []), label]);
  return [...byBody].map(([body, labels]) => ({ labels, body }));
}

/** After the pass: a property the metadata requires on create, missing from a create body. */
function requiredCheck(ctx: ValueContext, property: Property): string {
  const { expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  const { read, key } = access(ctx, property.name);
  const whole = JSON.stringify(property.type.collection ? `array of ${expected}` : expected);
  const then = { callee: runtimeCheck(ctx, "requiredIssue"), args: ["walk", key, whole] };
  return `  ${layoutStatement({ test: `walk.create && ${read} === undefined`, then }, "  ")}`;
}

/** A check of the validation runtime that only some validators call, imported by those alone. */
function runtimeCheck(ctx: ValueContext, name: (typeof WALK_RUNTIME)[number]): string {
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
  const none = { primitive: false, call: false } as const;
  const type = ctx.model.types.get(ref.name);
  if (!type || type.kind === "typeDefinition") {
    const primitive = type ? primitiveCheck(type.underlyingType, type) : primitiveCheck(ref.name, facets);
    const args = primitive.args ? `, ${primitive.args}` : "";
    return { check: { ...none, primitive: { predicate: primitive.predicate, args, helper: propertyHelper(primitive) } }, expected: primitive.expected };
  }
  const naming = ctx.names.type(type.fullName);
  const names = validatorNames(naming.typeName);
  const aliases = validatorNames(naming.qualifiedAlias);
  const from = validatorModulePath(naming.modulePath);
  if (type.kind === "enum") {
    // The enum's own check lists its members; here its name keeps the line short.
    return { check: { ...none, call: { check: ctx.imports.add(from, names.check, false, aliases.check), allowed: false } }, expected: type.fullName };
  }
  const allowed = constraint && hasDescendants(ctx.model, type.fullName)
    ? JSON.stringify(emittedConcreteTypes(ctx, type.fullName, constraint).map(odataTypeLiteral))
    : false;
  const check = ctx.imports.add(from, names.check, false, aliases.check);
  const odataType = () => (type.abstract ? JSON.stringify(`#${type.fullName}`) : ctx.imports.add(from, names.odataType, false, aliases.odataType));
  return { check: { ...none, call: { check, allowed, odataType } }, expected: `${type.fullName} object` };
}

/** Module-level names of the validator templates; imports must not take them. */
export const MODULE_LOCALS = ["TYPE_NAME", "EXPECTED", "allowedTypes", "member", "memberIgnoringCase", "inferredMembers"];
const RUNTIME_TYPES = ["type PathKey", "type ValidateOptions", "type ValidationResult", "type Walk"];

/** The runtime import lines: the walk and result types, and the Edm predicates used (if any). */
export function runtimeImports(modulePath: string, extra: readonly string[], predicates: readonly string[], constants: readonly string[] = []): string {
  const walk = layoutImport(["GraphValidationError", ...constants, "runValidation", ...RUNTIME_TYPES, ...extra], moduleSpecifier(modulePath, RUNTIME_MODULE));
  if (predicates.length === 0) return walk;
  return `${walk}\n${layoutImport(predicates, moduleSpecifier(modulePath, EDM_CHECKS_MODULE))}`;
}

export function publicSignatures(own: ReturnType<typeof validatorNames>, typeName: string): Omit<Signatures, "check"> {
  const params = ["value: unknown", "options?: ValidateOptions"];
  return {
    runValidation: layoutCallStatement("  ", `return runValidation<${typeName}>`, ["value", "options", own.check]),
    validate: layoutSignature(arrowHead(own.validate), params, `ValidationResult<${typeName}>`, "=> {"),
    is: layoutSignature(arrowHead(own.is), params, `value is ${typeName}`, "=> {"),
    assert: layoutSignature(`export function ${own.assert}`, params, `asserts value is ${typeName}`),
  };
}

