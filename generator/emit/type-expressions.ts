// TypeScript type expressions for model references: primitives by the Edm table, enums and type
// definitions by name, structured types as the discriminated union of what they can hold.
import type { Names } from "../naming.js";
import { concreteTypes, hasDescendants } from "../model/queries.js";
import { isPrimitive, type Model, type TypeRef } from "../model/types.js";
import { primitiveMapping } from "./edm.js";
import type { ImportSet } from "./imports.js";
import { inlineType, type TypeShape } from "./layout.js";

export const EDM_MODULE = "edm";

export interface ExpressionContext {
  readonly model: Model;
  readonly names: Names;
  readonly imports: ImportSet;
}

/** The literal `@odata.type` value of a type: `#namespace.name`. */
export function odataTypeLiteral(fullName: string): string {
  return `#${fullName}`;
}

/** The union members of one value (not a collection) declared as `name`. */
function itemMembers(ctx: ExpressionContext, name: string, constraint?: readonly string[]): string[] {
  if (isPrimitive(name)) {
    const mapping = primitiveMapping(name);
    // Geo type names are unique to the edm module and never aliased.
    for (const imported of mapping.edmImports ?? []) ctx.imports.add(EDM_MODULE, imported);
    return [mapping.ts];
  }
  if (!hasDescendants(ctx.model, name)) return [importType(ctx, name)];
  // A reference to a base type holds any of its concrete descendants: a union on "@odata.type".
  const members = concreteTypes(ctx.model, name, constraint).map((member) => {
    const typeName = importType(ctx, member);
    // The base type's own "@odata.type" admits its descendants' literals; pin it so the union discriminates.
    return member === name ? `(${typeName} & { "@odata.type"?: ${JSON.stringify(odataTypeLiteral(member))} })` : typeName;
  });
  return members.length > 0 ? members : [importType(ctx, name)];
}

function importType(ctx: ExpressionContext, fullName: string): string {
  const naming = ctx.names.type(fullName);
  return ctx.imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
}

/**
 * The type of a property or parameter as union members. `nullable` follows CSDL: on a single value
 * it admits null, on a collection it admits null items (the collection itself is never null, only empty).
 */
export function typeShape(ctx: ExpressionContext, ref: TypeRef, nullable: boolean, constraint?: readonly string[]): TypeShape {
  const members = itemMembers(ctx, ref.name, constraint);
  const single = members.length === 1 ? members[0] : undefined;
  const admitsNull = nullable && single !== "unknown" && single !== "never";
  return { members: admitsNull ? [...members, "null"] : members, collection: ref.collection };
}

/** The same as one type expression, e.g. `(A | B | null)[]`. */
export function typeExpression(ctx: ExpressionContext, ref: TypeRef, nullable: boolean, constraint?: readonly string[]): string {
  return inlineType(typeShape(ctx, ref, nullable, constraint));
}
