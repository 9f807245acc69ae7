// Consistency checks over a built model: every type reference resolves, base chains end.
// Errors name the referring element by full name and point at its place in the file.
import { GraphgenError, type SourceLocation } from "../errors.js";
import type { Model } from "./types.js";

export const EDM_PRIMITIVES = new Set(
  [
    "Binary", "Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Double", "Duration", "Guid",
    "Int16", "Int32", "Int64", "SByte", "Single", "Stream", "String", "TimeOfDay", "Untyped",
    "PrimitiveType", "ComplexType", "EntityType", "AnnotationPath", "PropertyPath", "NavigationPropertyPath",
    "Geography", "GeographyPoint", "GeographyLineString", "GeographyPolygon", "GeographyMultiPoint",
    "GeographyMultiLineString", "GeographyMultiPolygon", "GeographyCollection",
    "Geometry", "GeometryPoint", "GeometryLineString", "GeometryPolygon", "GeometryMultiPoint",
    "GeometryMultiLineString", "GeometryMultiPolygon", "GeometryCollection",
  ].map((name) => `Edm.${name}`),
);

function isKnownType(model: Model, name: string): boolean {
  return EDM_PRIMITIVES.has(name) || model.types.has(name);
}

function unknownType(name: string, referrer: string, location: SourceLocation): GraphgenError {
  return new GraphgenError(`unknown type "${name}" referenced by ${referrer}`, {
    location,
    hint: "fix the type name, define the type, or add it in an overlay (--overlay)",
  });
}

/** Every type reference names a primitive or a type of the model. The referrer's text is put together only for an error. */
export function checkTypeReferences(model: Model): void {
  for (const type of model.types.values()) {
    if (type.kind === "enum") continue;
    if (type.kind === "typeDefinition") {
      if (!isKnownType(model, type.underlyingType)) throw unknownType(type.underlyingType, `type definition ${type.fullName}`, type.location);
      continue;
    }
    if (type.baseType) {
      if (!isKnownType(model, type.baseType)) throw unknownType(type.baseType, `the BaseType of ${type.fullName}`, type.location);
      const base = model.types.get(type.baseType);
      if (base && base.kind !== type.kind) {
        throw new GraphgenError(`${type.fullName} (${type.kind} type) cannot derive from ${base.fullName} (${base.kind} type)`, {
          location: type.location,
          related: base.location,
          hint: "an entity type derives from an entity type, a complex type from a complex type",
        });
      }
    }
    // Indexed loops over every property of the model: for...of allocates per element in code V8 has not optimized yet.
    for (const properties of [type.properties, type.navigationProperties]) {
      for (let i = 0; i < properties.length; i++) {
        const p = properties[i]!;
        if (!isKnownType(model, p.type.name)) throw unknownType(p.type.name, `property ${type.fullName}/${p.name}`, p.location);
      }
    }
  }
  for (const operation of model.operations) {
    const name = operation.fullName;
    for (const p of operation.binding ? [operation.binding, ...operation.parameters] : operation.parameters) {
      if (!isKnownType(model, p.type.name)) throw unknownType(p.type.name, `parameter ${p.name} of ${operation.kind} ${name}`, p.location);
    }
    const returned = operation.returnType?.type.name;
    if (returned !== undefined && !isKnownType(model, returned)) throw unknownType(returned, `the return type of ${name}`, operation.location);
  }
  for (const container of model.containers) {
    for (const set of container.entitySets) {
      if (!isKnownType(model, set.entityType)) throw unknownType(set.entityType, `entity set ${container.fullName}/${set.name}`, set.location);
    }
    for (const s of container.singletons) {
      if (!isKnownType(model, s.type)) throw unknownType(s.type, `singleton ${container.fullName}/${s.name}`, s.location);
    }
  }
}

export function checkBaseTypeCycles(model: Model): void {
  const settled = new Set<string>();
  for (const start of model.types.values()) {
    const chain: string[] = [];
    let current: string | undefined = start.fullName;
    while (current && !settled.has(current)) {
      if (chain.includes(current)) {
        const cycle = [...chain.slice(chain.indexOf(current)), current];
        const type = model.types.get(current);
        throw new GraphgenError(`base type cycle: ${cycle.join(" -> ")}`, {
          location: type?.location,
          hint: "a type cannot derive from itself, directly or through other types; fix one BaseType",
        });
      }
      chain.push(current);
      const type = model.types.get(current);
      current = type && type.kind !== "enum" && type.kind !== "typeDefinition" ? type.baseType : undefined;
    }
    for (const name of chain) settled.add(name);
  }
}

/** CSDL: property names (structural and navigation) are unique within a type and its base types. */
export function checkPropertyNames(model: Model): void {
  for (const type of model.types.values()) {
    if (type.kind !== "entity" && type.kind !== "complex") continue;
    const own = new Map<string, Located>();
    const declared = [...type.properties, ...type.navigationProperties];
    for (let i = 0; i < declared.length; i++) {
      const property = declared[i]!;
      const twin = own.get(property.name);
      if (twin) {
        throw new GraphgenError(`${type.fullName} declares the property ${property.name} twice`, {
          location: property.location,
          related: twin.location,
          hint: "property and navigation property names must be unique within a type; remove or rename one",
        });
      }
      own.set(property.name, property);
    }
    for (let baseName = type.baseType; baseName; ) {
      const base = model.types.get(baseName);
      if (!base || (base.kind !== "entity" && base.kind !== "complex")) break;
      const inheritedProperties = [...base.properties, ...base.navigationProperties];
      for (let i = 0; i < inheritedProperties.length; i++) {
        const inherited = inheritedProperties[i]!;
        const clash = own.get(inherited.name);
        if (clash) {
          throw new GraphgenError(`property ${type.fullName}/${inherited.name} redeclares ${base.fullName}/${inherited.name}, which it inherits`, {
            location: clash.location,
            related: inherited.location,
            hint: "a derived type inherits its base type's properties; remove or rename the redeclared one",
          });
        }
      }
      baseName = base.baseType;
    }
  }
}

interface Located {
  readonly location: SourceLocation;
}
