// View models for the validator modules: one per entity/complex type (templates/validator.hbs) and
// one per enum type (templates/validator-enum.hbs). Validators check every property inline, inherited
// ones included, so a module imports only the validators of the types its properties hold.
import { allProperties, baseChain, concreteTypes, hasDescendants } from "../model/queries.js";
import type { EnumType, Model, NavigationProperty, Property, StructuredType, TypeRef } from "../model/types.js";
import type { Names } from "../naming.js";
import { ImportSet, moduleSpecifier, type ImportView } from "./imports.js";
import { odataTypeLiteral } from "./type-expressions.js";
import { primitiveCheck } from "./validators-edm.js";
import { RUNTIME_MODULE, RUNTIME_VALUES, validatorModulePath, validatorNames } from "./validators-names.js";

interface Context {
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
export interface ValueCheckView {
  readonly primitive: { readonly predicate: string; readonly args: string } | false;
  readonly enumGuard: string | false;
  readonly structured: { readonly check: string; readonly allowed: string | false } | false;
  readonly navigation: boolean;
}

export interface PropertyCheckView {
  readonly read: string;
  /** JSON string of the property's JSON-pointer suffix, e.g. `"/displayName"`. */
  readonly pointer: string;
  /** Code for the JSON pointer of the value, and of a collection's item `i`. */
  readonly valuePath: string;
  readonly itemPath: string;
  /** Expected text of the whole value, and of one item (the same for a single value). */
  readonly expected: string;
  readonly itemExpected: string;
  readonly nullable: boolean;
  readonly collection: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly immutable: boolean;
  readonly check: ValueCheckView;
}

export interface StructuredValidatorView {
  readonly runtimeModule: string;
  readonly imports: ImportView[];
  readonly runtimeImports: string;
  readonly fullName: string;
  readonly typeName: string;
  readonly names: ReturnType<typeof validatorNames>;
  readonly expected: string;
  readonly concrete: boolean;
  /** Derived concrete types, with their `@odata.type` spellings and members function. */
  readonly derived: { readonly cases: string[]; readonly members: string }[];
  readonly ownCases: string[];
  readonly allowed: string;
  readonly properties: PropertyCheckView[];
  readonly open: boolean;
  readonly knownKeys: string[];
}

export interface EnumValidatorView {
  readonly runtimeModule: string;
  readonly imports: ImportView[];
  readonly fullName: string;
  readonly typeName: string;
  readonly names: ReturnType<typeof validatorNames>;
  readonly expected: string;
  readonly flags: boolean;
  readonly anyString: boolean;
  readonly members: string[];
}

/** Validator of an entity or complex type: dispatch on `@odata.type`, then straight-line property checks. */
export function structuredValidatorView(ctx: Context, type: StructuredType): StructuredValidatorView {
  const naming = ctx.names.type(type.fullName);
  const own = validatorNames(naming.typeName);
  const modulePath = validatorModulePath(naming.modulePath);
  const runtime = new Set<string>();
  const imports = new ImportSet(modulePath, [...Object.values(own), ...RUNTIME_VALUES]);
  const typeName = imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
  const concrete = emittedConcreteTypes(ctx, type.fullName);
  const derived = concrete
    .filter((name) => name !== type.fullName)
    .map((name) => {
      const other = ctx.names.type(name);
      const members = validatorNames(other.typeName).members;
      return { cases: odataTypeCases(name), members: imports.add(validatorModulePath(other.modulePath), members, false, validatorNames(other.qualifiedAlias).members) };
    });
  const { properties, navigationProperties } = allProperties(ctx.model, type);
  const key = new Set(type.key ?? allKeys(ctx.model, type));
  const valueContext = { ...ctx, imports, runtime };
  // Checks first: they add the imports and runtime predicates the module needs.
  const checks = [
    ...properties.map((p) => propertyCheck(valueContext, p, key.has(p.name))),
    ...navigationProperties.map((p) => navigationCheck(valueContext, p)),
  ];
  return {
    runtimeModule: moduleSpecifier(modulePath, RUNTIME_MODULE),
    imports: imports.views(),
    runtimeImports: [...runtime].sort().join(", "),
    fullName: type.fullName,
    typeName,
    names: own,
    expected: JSON.stringify(`${type.fullName} object`),
    concrete: !type.abstract,
    derived,
    ownCases: odataTypeCases(type.fullName),
    allowed: JSON.stringify(concrete.map(odataTypeLiteral).join(", ")),
    properties: checks,
    open: type.openType,
    knownKeys: [...properties, ...navigationProperties].map((p) => JSON.stringify(p.name)),
  };
}

/** Graph accepts `@odata.type` with or without the leading `#`. */
function odataTypeCases(fullName: string): string[] {
  return [JSON.stringify(odataTypeLiteral(fullName)), JSON.stringify(fullName)];
}

/** The key is declared on the root of the base chain. */
function allKeys(model: Model, type: StructuredType): readonly string[] {
  return [type, ...baseChain(model, type)].find((t) => t.key)?.key ?? [];
}

interface ValueContext extends Context {
  readonly imports: ImportSet;
  readonly runtime: Set<string>;
}

function propertyCheck(ctx: ValueContext, property: Property, isKey: boolean): PropertyCheckView {
  const { check, expected } = valueCheck(ctx, property.type, property, property.derivedTypeConstraint);
  return {
    ...access(ctx, property.name),
    ...expectations(expected, property.type.collection),
    nullable: property.nullable,
    collection: property.type.collection,
    // Keys are assigned by the service; a default or a collection (never null, maybe empty) need not be sent.
    required: !property.nullable && !property.type.collection && !property.readOnly && !isKey && property.defaultValue === undefined,
    readOnly: property.readOnly,
    immutable: property.immutable,
    check,
  };
}

/** Navigation properties hold expanded (or deep-inserted) entities: checked for shape, not recursed into. */
function navigationCheck(ctx: ValueContext, navigation: NavigationProperty): PropertyCheckView {
  return {
    ...access(ctx, navigation.name),
    ...expectations(`${navigation.type.name} object`, navigation.type.collection),
    nullable: navigation.type.collection ? false : navigation.nullable,
    collection: navigation.type.collection,
    required: false,
    readOnly: false,
    immutable: false,
    check: { primitive: false, enumGuard: false, structured: false, navigation: true },
  };
}

function expectations(item: string, collection: boolean): { expected: string; itemExpected: string } {
  return { expected: JSON.stringify(collection ? `array of ${item}` : item), itemExpected: JSON.stringify(item) };
}

function access(ctx: ValueContext | undefined, name: string): { read: string; pointer: string; valuePath: string; itemPath: string } {
  // `constructor`, `toString`...: read own properties only, never the prototype's.
  const inherited = name in Object.prototype;
  if (inherited && ctx) ctx.runtime.add("own");
  const pointer = JSON.stringify(`/${pointerToken(name)}`);
  return {
    read: inherited ? `own(value, ${JSON.stringify(name)})` : `value[${JSON.stringify(name)}]`,
    pointer,
    valuePath: `path + ${pointer}`,
    itemPath: `path + ${JSON.stringify(`/${pointerToken(name)}/`)} + i`,
  };
}

function valueCheck(ctx: ValueContext, ref: TypeRef, facets: Property, constraint?: readonly string[]): { check: ValueCheckView; expected: string } {
  const none = { primitive: false, enumGuard: false, structured: false, navigation: false } as const;
  const type = ctx.model.types.get(ref.name);
  if (!type || type.kind === "typeDefinition") {
    const primitive = type ? primitiveCheck(type.underlyingType, type) : primitiveCheck(ref.name, facets);
    ctx.runtime.add(primitive.predicate);
    return { check: { ...none, primitive: { predicate: primitive.predicate, args: primitive.args ? `, ${primitive.args}` : "" } }, expected: primitive.expected };
  }
  const naming = ctx.names.type(type.fullName);
  const names = validatorNames(naming.typeName);
  const aliases = validatorNames(naming.qualifiedAlias);
  const from = validatorModulePath(naming.modulePath);
  if (type.kind === "enum") {
    return { check: { ...none, enumGuard: ctx.imports.add(from, names.is, false, aliases.is) }, expected: enumExpected(type) };
  }
  const allowed = constraint && hasDescendants(ctx.model, type.fullName)
    ? JSON.stringify(emittedConcreteTypes(ctx, type.fullName, constraint).map(odataTypeLiteral))
    : false;
  const check = ctx.imports.add(from, names.check, false, aliases.check);
  return { check: { ...none, structured: { check, allowed } }, expected: `${type.fullName} object` };
}

function enumExpected(type: EnumType): string {
  const shown = type.members.slice(0, 12).map((m) => m.name);
  const list = `${shown.join(", ")}${type.members.length > shown.length ? ", ..." : ""}`;
  if (type.members.length === 0) return `${type.fullName} (a string)`;
  return type.isFlags ? `${type.fullName} (comma-separated members: ${list})` : `${type.fullName} (one of: ${list})`;
}

export function enumValidatorView(ctx: Context, type: EnumType): EnumValidatorView {
  const naming = ctx.names.type(type.fullName);
  const own = validatorNames(naming.typeName);
  const modulePath = validatorModulePath(naming.modulePath);
  const imports = new ImportSet(modulePath, [...Object.values(own), ...RUNTIME_VALUES]);
  const typeName = imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
  return {
    runtimeModule: moduleSpecifier(modulePath, RUNTIME_MODULE),
    imports: imports.views(),
    fullName: type.fullName,
    typeName,
    names: own,
    expected: JSON.stringify(enumExpected(type)),
    flags: type.isFlags && type.members.length > 0,
    anyString: type.members.length === 0,
    members: type.members.map((m) => JSON.stringify(m.name)),
  };
}

/** Escapes a property name for a JSON pointer (RFC 6901). */
export function pointerToken(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

