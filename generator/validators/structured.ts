// View models for the validator modules of entity and complex types (templates/validator.hbs; enum
// types: validators-enum.ts). Validators check every property inline, inherited
// ones included, so a module imports only the validators of the types its properties hold.
import { allProperties, baseChain, dynamicPropertyNames, type InheritedProperties } from "../model/queries.js";
import type { Model, Property, StructuredType } from "../model/types.js";
import { ImportSet, layoutImport, moduleSpecifier, type ImportView } from "../emit/imports.js";
import {
  arrowHead,
  layoutAllowedTypes,
  layoutCallStatement,
  layoutIfCall,
  layoutSignature,
  layoutStatement,
  layoutStringConstant,
  parameterList,
  type ParameterList,
  type Statement,
} from "./layout.js";
import {
  emittedConcreteTypes,
  groupCases,
  KEY_PASS_MAX_PROPERTIES,
  navigationCase,
  navigationCheck,
  otherKeyCase,
  propertyCase,
  propertyCheck,
  requiredCheck,
  runtimeCheck,
  type Context,
  type MemberCase,
  type PropertyCheckView,
  type RuntimeImports,
  type ValueContext,
} from "./members.js";
import { EDM_CHECKS_MODULE, RUNTIME_MODULE, RUNTIME_VALUES, WALK_RUNTIME, type ValidatorNames } from "./names.js";

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
  readonly names: ValidatorNames;
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
  /**
   * A type checked property by property: the check of undeclared keys in a request body (`walk.unknown(...)`,
   * `dynamicKey(...)`), laid out as the `default` of the switch over `knownKeys` when there are any, else as
   * the loop over the keys; false when every key is allowed, and for a type checked in one pass (`keyPass`).
   */
  readonly keyCheck: string | false;
  /** The body of `assertX`: `if (!result.ok) throw new GraphValidationError(...)`, laid out. */
  readonly throwIssues: string;
  /** A type with no properties and no key check: the members function, `{}` and all; else false. */
  readonly emptyMembers: string | false;
  /** The declared keys, for the loop over undeclared keys of a type checked property by property; else empty. */
  readonly knownKeys: string[];
}


/** Validator of an entity or complex type: dispatch on `@odata.type`, then straight-line property checks. */
export function structuredValidatorView(ctx: Context, type: StructuredType): StructuredValidatorView {
  const naming = ctx.names.type(type.fullName);
  const { names: own, modulePath } = ctx.validatorOf(type.fullName);
  const runtime = new Set<string>();
  const imports = new ImportSet(modulePath, Object.values(own), VALIDATOR_RESERVED);
  const typeName = imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
  const concrete = emittedConcreteTypes(ctx, type.fullName);
  const derivedNames = concrete.filter((name) => name !== type.fullName);
  const derived = derivedNames.map((name) => {
    const { names, aliases, modulePath: from } = ctx.validatorOf(name);
    return { odataType: imports.add(from, names.odataType, false, aliases.odataType), members: imports.add(from, names.members, false, aliases.members) };
  });
  const declared = allProperties(ctx.model, type);
  const { properties, navigationProperties } = declared;
  const valueContext: ValueContext = { model: ctx.model, names: ctx.names, selected: ctx.selected, validatorOf: ctx.validatorOf, runtimeImport: ctx.runtimeImport, imports, runtime };
  const requiredOnCreate = requiredOnCreateOf(ctx.model, type);
  const count = properties.length + navigationProperties.length;
  const onePass = count > 0 && count <= KEY_PASS_MAX_PROPERTIES;
  // Checks first: they add the imports and runtime predicates the module needs.
  // (`concat`, not spreads: in code that runs once per type, mostly unoptimized, a spread iterates step by step.)
  const checks = onePass ? [] : properties.map((p) => propertyCheck(valueContext, p, requiredOnCreate(p))).concat(navigationProperties.map((p) => navigationCheck(valueContext, p)));
  const cases = onePass ? groupCases(properties.map((p) => propertyCase(valueContext, p)).concat(navigationProperties.map((p) => navigationCase(valueContext, p)))) : [];
  const requiredChecks = onePass ? properties.filter((p) => requiredOnCreate(p) && !p.readOnly).map((p) => requiredCheck(valueContext, p)) : [];
  const onlyItself = concrete.length === 1 && concrete[0] === type.fullName;
  const keyStatement = keyCheck(valueContext, type, dynamicPropertyNames(ctx.model, type));
  return {
    runtimeImport: ctx.runtimeImport(modulePath, WALK_RUNTIME.filter((name) => runtime.has(name)), [...runtime].filter((name) => !(WALK_RUNTIME as readonly string[]).includes(name)).sort(), ["ODATA_TYPE"]),
    imports: imports.views(),
    typeNameConstant: odataTypeConstant(type, own.odataType),
    allowedConstant: onlyItself ? "" : layoutAllowedTypes((concrete[0] === type.fullName ? [own.odataType] : []).concat(derived.map((d) => d.odataType))),
    otherType: layoutCallStatement("      ", "return walk.otherType", ["value", "key", onlyItself ? `[${own.odataType}]` : "allowedTypes()", own.check]),
    signatures: validatorSignatures(own, typeName, PUBLIC_PARAMS, layoutSignature(arrowHead(own.members), MEMBERS_PARAMS, "void", "=> {")),
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
      otherKey: keyStatement && otherKeyCase(keyStatement),
      required: requiredChecks,
    },
    keyCheck: !onePass && keyStatement && undeclaredKeyCheck(keyStatement, count > 0),
    throwIssues: layoutIfCall("  ", "!result.ok", "throw new GraphValidationError", [`${own.odataType}.slice(1)`, "result.errors"]),
    emptyMembers: count === 0 && keyStatement === false && layoutSignature(arrowHead(own.members), UNUSED_MEMBERS_PARAMS, "void", "=> {};"),
    // Each check's key is its property's name as a string literal.
    knownKeys: checks.map((check) => check.key),
  };
}

/** Keys only derived types declare, grouped by the first derived type that declares each (see `inferred`). */
function inferredTypes(ctx: Context, declared: InheritedProperties, derivedNames: readonly string[], members: readonly string[]): StructuredValidatorView["inferred"] {
  if (derivedNames.length === 0) return [];
  const seen = new Set(declared.properties.map((p) => p.name).concat(declared.navigationProperties.map((p) => p.name)));
  return derivedNames
    .map((name, i) => {
      const type = ctx.model.types.get(name) as StructuredType;
      const own = allProperties(ctx.model, type);
      const keys = own.properties.map((p) => p.name).concat(own.navigationProperties.map((p) => p.name)).filter((key) => !seen.has(key));
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
function keyCheck(ctx: ValueContext, type: StructuredType, names: "none" | "extension" | "any"): Statement | false {
  const odataType = ctx.validatorOf(type.fullName).names.odataType;
  if (names === "none") return { callee: "walk.unknown", args: ["value", "key", odataType] };
  return names === "extension" && { callee: runtimeCheck(ctx, "dynamicKey"), args: ["walk", "value", "key", odataType] };
}

/** The key check of a type checked property by property: the `default` of the switch over its declared keys, else (no keys declared) a loop. */
function undeclaredKeyCheck(statement: Statement, inSwitch: boolean): string {
  if (inSwitch) return `${SWITCH_DEFAULT}${layoutStatement(statement, SWITCH_DEFAULT)}`;
  return `  ${layoutStatement({ test: "walk.writing", then: { loop: "for (const key in value)", body: statement } }, "  ")}`;
}

const PUBLIC_PARAMS = parameterList(["value: unknown", "options?: ValidateOptions"]);
const CHECK_PARAMS = parameterList(["value: unknown", "walk: Walk", "key: PathKey"]);
const MEMBERS_PARAMS = parameterList(["value: Record<string, unknown>", "walk: Walk"]);
/** An empty members function keeps the signature its callers use; `_` tells noUnusedParameters they go unread. */
const UNUSED_MEMBERS_PARAMS = parameterList(["_value: Record<string, unknown>", "_walk: Walk"]);

/** The indentation of the key check in the `default` of the switch over the declared keys (validator.hbs). */
const SWITCH_DEFAULT = "          ";


/**
 * Whether the metadata requires a property on create (InsertRestrictions), keys apart. Creating a derived type in
 * a collection of its base meets the base collection's requirements too.
 */
function requiredOnCreateOf(model: Model, type: StructuredType): (property: Property) => boolean {
  const chain = [type].concat(baseChain(model, type));
  if (chain.every((t) => t.requiredOnCreate.length === 0)) return () => false;
  const required = new Set(chain.flatMap((t) => t.requiredOnCreate));
  const key = new Set(type.key ?? allKeys(model, type));
  return (p) => required.has(p.name) && !key.has(p.name);
}

/** The key is declared on the root of the base chain. */
function allKeys(model: Model, type: StructuredType): readonly string[] {
  return [type].concat(baseChain(model, type)).find((t) => t.key)?.key ?? [];
}

/** Module-level names of the validator templates; imports must not take them. */
const MODULE_LOCALS = ["TYPE_NAME", "EXPECTED", "allowedTypes", "member", "memberIgnoringCase", "inferredMembers"];
/** What no import of a validator module may take (its own exports apart): the runtime's values and the module-level names. */
export const VALIDATOR_RESERVED: ReadonlySet<string> = new Set([...RUNTIME_VALUES, ...MODULE_LOCALS]);
const RUNTIME_TYPES = ["type PathKey", "type ValidateOptions", "type ValidationResult", "type Walk"];

/** The runtime import lines: the walk and result types, and the Edm predicates used (if any). */
export function runtimeImports(modulePath: string, extra: readonly string[], predicates: readonly string[], constants: readonly string[] = []): string {
  const walk = layoutImport(["GraphValidationError"].concat(constants, "runValidation", RUNTIME_TYPES, extra), moduleSpecifier(modulePath, RUNTIME_MODULE));
  if (predicates.length === 0) return walk;
  return `${walk}\n${layoutImport(predicates, moduleSpecifier(modulePath, EDM_CHECKS_MODULE))}`;
}

/**
 * `runtimeImports`, remembered for one run: its lines vary only with the module's folder and the names imported,
 * and thousands of modules share a few hundred of them (the walk's line alone takes one name per line).
 */
export function runtimeImportLines(): RuntimeImports {
  const known = new Map<string, string>();
  return (modulePath, extra, predicates, constants = []) => {
    const key = `${modulePath.slice(0, modulePath.lastIndexOf("/"))}|${constants.join()}|${extra.join()}|${predicates.join()}`;
    let lines = known.get(key);
    if (lines === undefined) {
      lines = runtimeImports(modulePath, extra, predicates, constants);
      known.set(key, lines);
    }
    return lines;
  };
}

/** A validator module's signatures: `is` takes `isParams` (an enum's takes no options); `members` is a structured type's. */
export function validatorSignatures(own: ValidatorNames, typeName: string, isParams: ParameterList, members?: string): Signatures {
  return {
    runValidation: layoutCallStatement("  ", `return runValidation<${typeName}>`, ["value", "options", own.check]),
    validate: layoutSignature(arrowHead(own.validate), PUBLIC_PARAMS, `ValidationResult<${typeName}>`, "=> {"),
    is: layoutSignature(arrowHead(own.is), isParams, `value is ${typeName}`, "=> {"),
    assert: layoutSignature(`export function ${own.assert}`, PUBLIC_PARAMS, `asserts value is ${typeName}`),
    check: layoutSignature(arrowHead(own.check), CHECK_PARAMS, "void", "=> {"),
    members,
  };
}

