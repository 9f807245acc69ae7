// View models for the type modules: one per entity/complex type, enum type and type definition.
import { propertyKey } from "../naming.js";
import { descendants } from "../model/queries.js";
import type { EnumType, NavigationProperty, Property, StructuredType, TypeDefinition } from "../model/types.js";
import { commentLines } from "./docs.js";
import { primitiveMapping } from "./edm.js";
import { ImportSet, type ImportView } from "./imports.js";
import { layoutAlias, layoutAnnotation, layoutObjectEntry } from "./layout.js";
import { odataTypeLiteral, typeExpression, typeShape, type ExpressionContext } from "./type-expressions.js";

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
  readonly openType: boolean;
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
  const expressions: ExpressionContext = { ...ctx, imports };
  let extendsName: string | undefined;
  if (type.baseType) {
    const base = ctx.names.type(type.baseType);
    extendsName = imports.add(base.modulePath, base.typeName, true, base.qualifiedAlias);
  }
  // A base type admits its descendants' literals, so that `interface Derived extends Base` stays sound.
  const literals = [type.fullName, ...descendants(ctx.model, type.fullName)].map(odataTypeLiteral);
  const members = [
    ...type.properties.map((p) => propertyMember(expressions, p)),
    ...type.navigationProperties.map((p) => navigationMember(expressions, p)),
  ];
  return {
    imports: imports.views(),
    doc: typeDoc(type, [
      type.abstract ? "Abstract: values are always one of its derived types." : undefined,
      type.openType ? "Open type: values may carry dynamic properties beyond those declared." : undefined,
      type.hasStream ? "Media entity: its binary content is read and written through `/$value`." : undefined,
    ]),
    name: naming.typeName,
    extends: extendsName,
    odataTypes: layoutAnnotation('  "@odata.type"?:', { members: literals.map((l) => JSON.stringify(l)), collection: false }, "  "),
    members,
    openType: type.openType,
  };
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
    doc: commentLines(property.description, property.longDescription, notes.join(" ")),
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
    doc: commentLines(navigation.description, navigation.longDescription, `${kind}: present when expanded with \`$expand\`.`),
    key,
    annotation: layoutAnnotation(`  ${key}?:`, shape, "  "),
  };
}

function typeDoc(type: { description?: string; longDescription?: string; fullName: string }, notes: (string | undefined)[]): string[] {
  return [
    ...commentLines(type.description, type.longDescription, notes.filter(Boolean).join(" ")),
    ...(type.description || type.longDescription || notes.some(Boolean) ? [""] : []),
    `@see ${type.fullName}`,
  ];
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
      doc: commentLines(m.description, `Value ${m.value}.`),
      entry: layoutObjectEntry("  ", propertyKey(m.name), JSON.stringify(m.name)),
    })),
  };
}

export function typeDefinitionView(ctx: Context, type: TypeDefinition): TypeDefinitionView {
  const naming = ctx.names.type(type.fullName);
  const imports = new ImportSet(naming.modulePath, [naming.typeName]);
  const mapped = ` ${typeExpression({ ...ctx, imports }, { name: type.underlyingType, collection: false }, false)}`;
  return { imports: imports.views(), doc: typeDoc(type, [`Underlying type: ${type.underlyingType}.`]), name: naming.typeName, type: mapped };
}
