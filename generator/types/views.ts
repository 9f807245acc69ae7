// View models for the type modules: one per entity/complex type, enum type and type definition.
import { propertyKey } from "../naming.js";
import { descendants, dynamicPropertyNames } from "../model/queries.js";
import type { Deprecation, EnumType, NavigationProperty, Property, StructuredType, TypeDefinition } from "../model/types.js";
import { commentLines, withDeprecation } from "../emit/docs.js";
import { primitiveMapping } from "../emit/edm.js";
import { ImportSet, type ImportView } from "../emit/imports.js";
import { layoutAlias, layoutAnnotation, layoutObjectEntry } from "../emit/layout.js";
import { odataTypeLiteral, typeExpression, typeShape, type ExpressionContext } from "../emit/type-expressions.js";

export interface MemberView {
  readonly doc: string[];
  readonly key: string;
  /** Everything between `key?:` and `;`, laid out as prettier would. */
  readonly annotation: string;
}

export interface StructuredTypeView {
  readonly imports: ImportView[];
  readonly doc: string[];
  readonly name: string;
  readonly extends?: string;
  /** The `"@odata.type"?:` annotation, laid out as prettier would. */
  readonly odataTypes: string;
  readonly members: MemberView[];
  /** Index signatures: instance annotations on root types; extension-shaped or any names on open types. */
  readonly annotations: boolean;
  readonly extensionNames: boolean;
  readonly anyNames: boolean;
}

export interface EnumTypeView {
  readonly doc: string[];
  readonly name: string;
  /** Everything between `export type Name =` and `;`. */
  readonly union: string;
  /** `key: "value",` lines of the members object, laid out as prettier would. */
  readonly members: { readonly doc: string[]; readonly entry: string }[];
}

export interface TypeDefinitionView {
  readonly imports: ImportView[];
  readonly doc: string[];
  readonly name: string;
  readonly type: string;
}

type Context = Omit<ExpressionContext, "imports">;

export function structuredTypeView(ctx: Context, type: StructuredType): StructuredTypeView {
  const naming = ctx.names.type(type.fullName);
  const imports = new ImportSet(naming.modulePath, [naming.typeName]);
  const expressions: ExpressionContext = { model: ctx.model, names: ctx.names, imports };
  let extendsName: string | undefined;
  if (type.baseType) {
    const base = ctx.names.type(type.baseType);
    extendsName = imports.add(base.modulePath, base.typeName, true, base.qualifiedAlias);
  }
  // A base type admits its descendants' literals, so that `interface Derived extends Base` stays sound.
  const literals = [type.fullName].concat(descendants(ctx.model, type.fullName)).map((name) => JSON.stringify(odataTypeLiteral(name)));
  const dynamic = dynamicPropertyNames(ctx.model, type);
  const baseDynamic = type.baseType ? baseDynamicNames(ctx, type.baseType) : "none";
  const members = type.properties.map((p) => propertyMember(expressions, p)).concat(type.navigationProperties.map((p) => navigationMember(expressions, p)));
  return {
    imports: imports.views(),
    doc: typeDoc(type, [
      type.abstract ? "Abstract: values are always one of its derived types." : undefined,
      dynamic === "extension" && baseDynamic !== "extension" ? "Open type: values may carry extension properties named `<prefix>_<name>`." : undefined,
      dynamic === "any" && baseDynamic !== "any" ? "Open type: values may carry dynamic properties of any name." : undefined,
      type.hasStream ? "Media entity: its binary content is read and written through `/$value`." : undefined,
    ]),
    name: naming.typeName,
    extends: extendsName,
    odataTypes: layoutAnnotation('  "@odata.type"?:', { members: literals, collection: false }, "  "),
    members,
    // `[dynamicProperty: string]` already admits them.
    annotations: !type.baseType && dynamic !== "any",
    // Inherited index signatures are not repeated.
    extensionNames: dynamic === "extension" && baseDynamic !== "extension",
    anyNames: dynamic === "any" && baseDynamic !== "any",
  };
}

function baseDynamicNames(ctx: Context, baseType: string): "none" | "extension" | "any" {
  const base = ctx.model.types.get(baseType);
  return base && (base.kind === "entity" || base.kind === "complex") ? dynamicPropertyNames(ctx.model, base) : "none";
}

function propertyMember(ctx: ExpressionContext, property: Property): MemberView {
  const format = property.type.name.startsWith("Edm.") ? primitiveMapping(property.type.name).format : undefined;
  const notes = [
    format ? `Format: ${format}.` : undefined,
    property.maxLength !== undefined ? `Maximum length: ${property.maxLength}.` : undefined,
    property.readOnly ? "Read-only: set by the service, never sent by clients." : undefined,
    property.immutable ? "Immutable: may be set on create, never changed afterwards." : undefined,
  ].filter(Boolean);
  const key = propertyKey(property.name);
  const shape = typeShape(ctx, property.type, property.nullable, property.derivedTypeConstraint);
  return {
    doc: withDeprecation(commentLines(property.description, property.longDescription, notes.join(" ")), property.deprecation),
    key,
    annotation: layoutAnnotation(`  ${key}?:`, shape, "  "),
  };
}

function navigationMember(ctx: ExpressionContext, navigation: NavigationProperty): MemberView {
  const kind = navigation.containsTarget ? "Contained navigation property" : "Navigation property";
  const key = propertyKey(navigation.name);
  // Items of a navigation collection are entities, never null.
  const nullable = navigation.type.collection ? false : navigation.nullable;
  const shape = typeShape(ctx, navigation.type, nullable, navigation.derivedTypeConstraint);
  return {
    doc: withDeprecation(commentLines(navigation.description, navigation.longDescription, `${kind}: present when expanded with \`$expand\`.`), navigation.deprecation),
    key,
    annotation: layoutAnnotation(`  ${key}?:`, shape, "  "),
  };
}

function typeDoc(type: { description?: string; longDescription?: string; fullName: string; deprecation?: Deprecation }, notes: (string | undefined)[]): string[] {
  const lines = commentLines(type.description, type.longDescription, notes.filter(Boolean).join(" "));
  if (type.description || type.longDescription || notes.some(Boolean)) lines.push("");
  lines.push(`@see ${type.fullName}`);
  return withDeprecation(lines, type.deprecation);
}

export function enumTypeView(ctx: Context, type: EnumType): EnumTypeView {
  const name = ctx.names.type(type.fullName).typeName;
  const literals = type.members.map((m) => JSON.stringify(m.name));
  const flagsNote = type.isFlags
    ? "Flags enum: a value is one member name or several, comma-separated (e.g. `\"a,b\"`)."
    : undefined;
  const emptyNote = type.members.length === 0 ? "The metadata lists no members; any string is accepted." : undefined;
  // Flags: one member, or a comma-separated list starting with one (`"read,write"`).
  const combined = type.isFlags && literals.length > 0 ? [`\`\${${literals.join(" | ")}},\${string}\``] : [];
  return {
    doc: typeDoc(type, [flagsNote, emptyNote]),
    name,
    union: layoutAlias(`export type ${name} =`, literals.length === 0 ? ["string"] : [...literals, ...combined]),
    members: type.members.map((m) => ({
      doc: withDeprecation(commentLines(m.description, `Value ${m.value}.`), m.deprecation),
      entry: layoutObjectEntry("  ", propertyKey(m.name), JSON.stringify(m.name)),
    })),
  };
}

export function typeDefinitionView(ctx: Context, type: TypeDefinition): TypeDefinitionView {
  const naming = ctx.names.type(type.fullName);
  const imports = new ImportSet(naming.modulePath, [naming.typeName]);
  const mapped = ` ${typeExpression({ model: ctx.model, names: ctx.names, imports }, { name: type.underlyingType, collection: false }, false)}`;
  return { imports: imports.views(), doc: typeDoc(type, [`Underlying type: ${type.underlyingType}.`]), name: naming.typeName, type: mapped };
}
