// Merges an overlay CSDL document into the base metadata before the model is built: new types,
// properties, enum members and annotations are added; a conflicting redefinition is an error
// that names both places. An overlay that declares itself gap-filling (graphgen's own does) never
// conflicts: where the base already says something, the base wins and the overlay's word is dropped.
import type {
  AnnotationValue,
  RawAnnotation,
  RawDocument,
  RawEnumType,
  RawProperty,
  RawSchema,
  RawStructuredType,
} from "../csdl/raw.js";
import { GraphgenError } from "../errors.js";

type TypeList = "entityTypes" | "complexTypes" | "enumTypes" | "typeDefinitions";
const TYPE_LISTS: TypeList[] = ["entityTypes", "complexTypes", "enumTypes", "typeDefinitions"];

/**
 * graphgen's term, set on an overlay's own namespace (`<Annotations Target="microsoft.graph">`): the
 * overlay fills what the base metadata lacks, and defers to it wherever both say something. Graph's
 * published files differ (with descriptions or without, national clouds, older and newer), so
 * graphgen's shipped overlay must fit all of them; a user's overlay without it is checked strictly.
 */
export const FILLS_GAPS_TERM = "graphgen.OverlayFillsGaps";

/** How a merge treats what the base metadata already has: a gap-filling overlay yields, a strict one must agree. */
interface Merge {
  readonly fillsGaps: boolean;
  readonly annotations: Map<string, RawAnnotation>;
  readonly added: AddedProperty[];
}

/** The base document with the overlay merged in; neither input is modified. */
export function applyOverlay(base: RawDocument, overlay: RawDocument): RawDocument {
  const schemas = base.schemas.map((s) => structuredCloneSchema(s));
  const merge: Merge = { fillsGaps: fillsGaps(overlay), annotations: indexBaseAnnotations(schemas, overlayTargets(overlay)), added: [] };
  for (const overlaySchema of overlay.schemas) {
    let target = schemas.find((s) => s.namespace === overlaySchema.namespace);
    if (!target) {
      target = { ...emptySchema(overlaySchema), namespace: overlaySchema.namespace };
      schemas.push(target);
    }
    mergeSchema(target, withoutModeMarker(overlaySchema), merge);
  }
  hoistRedeclarations(schemas, merge);
  return { ...base, schemas };
}

function isModeMarker(schema: RawSchema, block: RawSchema["annotationBlocks"][number]): boolean {
  return block.target === schema.namespace && block.annotations.some((a) => a.term === FILLS_GAPS_TERM);
}

function fillsGaps(overlay: RawDocument): boolean {
  return overlay.schemas.some((schema) =>
    schema.annotationBlocks.some((block) => isModeMarker(schema, block) && block.annotations.some((a) => a.term === FILLS_GAPS_TERM && a.value.kind === "bool" && a.value.value)),
  );
}

function withoutModeMarker(schema: RawSchema): RawSchema {
  return { ...schema, annotationBlocks: schema.annotationBlocks.filter((block) => !isModeMarker(schema, block)) };
}

interface AddedProperty {
  readonly typeName: string;
  readonly property: RawProperty;
  /** The merged type it was added to, whose property list a gap-filling overlay may take it back from. */
  readonly owner: { properties: RawProperty[] };
}

/**
 * A property the overlay adds to a base type may already be declared by types derived from it
 * (the v1.0 metadata declares `tenantId` on two `identity` subtypes). CSDL forbids redeclaring an
 * inherited property, so an identical declaration moves up to the base; a different one is an error.
 */
function hoistRedeclarations(schemas: RawSchema[], { added, fillsGaps }: Merge): void {
  if (added.length === 0) return;
  const lists = ["entityTypes", "complexTypes"] as const;
  const derived = new Map<string, { schema: RawSchema; list: (typeof lists)[number]; fullName: string }[]>();
  for (const schema of schemas) {
    for (const list of lists) {
      for (const type of schema[list]) {
        if (!type.baseType) continue;
        const children = derived.get(type.baseType) ?? [];
        children.push({ schema, list, fullName: `${schema.namespace}.${type.name}` });
        derived.set(type.baseType, children);
      }
    }
  }
  for (const { typeName, property, owner } of added) {
    const twins: { schema: RawSchema; list: (typeof lists)[number]; index: number; twin: RawProperty; fullName: string }[] = [];
    const pending = [...(derived.get(typeName) ?? [])];
    for (let next = pending.pop(); next; next = pending.pop()) {
      pending.push(...(derived.get(next.fullName) ?? []));
      const { schema, list } = next;
      const index = schema[list].findIndex((t) => `${schema.namespace}.${t.name}` === next.fullName);
      const twin = schema[list][index]?.properties.find((p) => p.name === property.name);
      if (twin) twins.push({ schema, list, index, twin, fullName: next.fullName });
    }
    // A gap-filling overlay yields to a subtype that declares the property otherwise: it adds nothing.
    if (fillsGaps && twins.some(({ twin }) => !isSameProperty(twin, property))) {
      owner.properties = owner.properties.filter((p) => p !== property);
      continue;
    }
    for (const { schema, list, index, twin, fullName } of twins) {
      checkSameProperty(twin, property, `${fullName}/${property.name}`);
      const type = schema[list][index] as RawStructuredType;
      schema[list][index] = { ...type, properties: type.properties.filter((p) => p !== twin) };
    }
  }
}

function structuredCloneSchema(schema: RawSchema): RawSchema {
  // Only the arrays we append to need copying; elements are replaced, never edited in place.
  return {
    ...schema,
    entityTypes: [...schema.entityTypes],
    complexTypes: [...schema.complexTypes],
    enumTypes: [...schema.enumTypes],
    typeDefinitions: [...schema.typeDefinitions],
    operations: [...schema.operations],
    entityContainers: [...schema.entityContainers],
    annotationBlocks: [...schema.annotationBlocks],
  };
}

function emptySchema(like: RawSchema): RawSchema {
  return {
    namespace: like.namespace,
    entityTypes: [],
    complexTypes: [],
    enumTypes: [],
    typeDefinitions: [],
    operations: [],
    entityContainers: [],
    annotationBlocks: [],
    location: like.location,
  };
}

function mergeSchema(target: RawSchema, overlay: RawSchema, merge: Merge): void {
  for (const list of TYPE_LISTS) {
    for (const type of overlay[list]) {
      const existing = findType(target, type.name);
      if (!existing) {
        (target[list] as (typeof type)[]).push(type);
        continue;
      }
      const [existingList, index, existingType] = existing;
      if (existingList !== list) {
        if (merge.fillsGaps) continue;
        throw new GraphgenError(
          `the overlay redefines ${target.namespace}.${type.name} as ${describeList(list)}, but the base metadata defines it as ${describeList(existingList)}`,
          { location: type.location, related: existingType.location, hint: "an overlay may add to a type, never change its kind" },
        );
      }
      const merged =
        type.kind === "enum"
          ? mergeEnum(existingType as RawEnumType, type, target.namespace, merge)
          : type.kind === "typeDefinition"
            ? existingType
            : mergeStructured(existingType as RawStructuredType, type, target.namespace, merge);
      (target[list] as (typeof type)[])[index] = merged as typeof type;
    }
  }
  target.operations.push(...overlay.operations);
  target.entityContainers.push(...overlay.entityContainers);
  for (const block of overlay.annotationBlocks) {
    const annotations = block.annotations.filter((annotation) => keepAnnotation(block.target, annotation, merge));
    if (annotations.length > 0) target.annotationBlocks.push({ ...block, annotations });
  }
}

function findType(schema: RawSchema, name: string) {
  for (const list of TYPE_LISTS) {
    const index = schema[list].findIndex((t) => t.name === name);
    const type = schema[list][index];
    if (type) return [list, index, type] as const;
  }
  return undefined;
}

function describeList(list: TypeList): string {
  return { entityTypes: "an entity type", complexTypes: "a complex type", enumTypes: "an enum type", typeDefinitions: "a type definition" }[list];
}

function mergeStructured(base: RawStructuredType, overlay: RawStructuredType, namespace: string, merge: Merge): RawStructuredType {
  const fullName = `${namespace}.${base.name}`;
  if (overlay.baseType && overlay.baseType !== base.baseType && !merge.fillsGaps) {
    throw new GraphgenError(
      `the overlay gives ${fullName} the base type ${overlay.baseType}, but the base metadata says ${base.baseType ?? "none"}`,
      { location: overlay.location, related: base.location, hint: "leave BaseType out of the overlay, or make it match" },
    );
  }
  const merged: RawStructuredType = {
    ...base,
    openType: base.openType || overlay.openType,
    properties: [...base.properties],
    navigationProperties: [...base.navigationProperties],
    annotations: [...base.annotations, ...overlay.annotations.filter((annotation) => keepAnnotation(fullName, annotation, merge))],
  };
  const { properties, navigationProperties } = merged;
  for (const property of overlay.properties) {
    const existing = properties.find((p) => p.name === property.name);
    if (!existing) {
      properties.push(property);
      merge.added.push({ typeName: fullName, property, owner: merged });
      continue;
    }
    if (!merge.fillsGaps) checkSameProperty(existing, property, `${fullName}/${property.name}`);
    const annotations = property.annotations.filter((annotation) => keepAnnotation(`${fullName}/${property.name}`, annotation, merge));
    properties[properties.indexOf(existing)] = { ...existing, annotations: [...existing.annotations, ...annotations] };
  }
  for (const navigation of overlay.navigationProperties) {
    const existing = navigationProperties.find((p) => p.name === navigation.name);
    if (existing && existing.type !== navigation.type && !merge.fillsGaps) {
      throw conflict(`${fullName}/${navigation.name}`, `type ${existing.type}`, `type ${navigation.type}`, existing, navigation);
    }
    if (!existing) navigationProperties.push(navigation);
  }
  return merged;
}

function isSameProperty(base: RawProperty, overlay: RawProperty): boolean {
  return base.type === overlay.type && (base.nullable ?? true) === (overlay.nullable ?? true);
}

function checkSameProperty(base: RawProperty, overlay: RawProperty, fullName: string): void {
  if (base.type !== overlay.type) {
    throw conflict(fullName, `type ${base.type}`, `type ${overlay.type}`, base, overlay);
  }
  if ((base.nullable ?? true) !== (overlay.nullable ?? true)) {
    throw conflict(fullName, `Nullable=${base.nullable ?? true}`, `Nullable=${overlay.nullable ?? true}`, base, overlay);
  }
}

function conflict(fullName: string, baseSays: string, overlaySays: string, base: { location: RawProperty["location"] }, overlay: { location: RawProperty["location"] }) {
  return new GraphgenError(`the overlay redefines ${fullName} with ${overlaySays}, but the base metadata has ${baseSays}`, {
    location: overlay.location,
    related: base.location,
    hint: "an overlay may add properties, not change existing ones; remove it from the overlay or make it match",
  });
}

function mergeEnum(base: RawEnumType, overlay: RawEnumType, namespace: string, merge: Merge): RawEnumType {
  const members = [...base.members];
  for (const member of overlay.members) {
    const existing = members.find((m) => m.name === member.name);
    if (!existing) members.push(member);
    else if (existing.value !== member.value && !merge.fillsGaps) {
      throw conflict(`${namespace}.${base.name}/${member.name}`, `Value=${existing.value}`, `Value=${member.value}`, existing, member);
    }
  }
  return { ...base, members };
}

/** Every target the overlay annotates (normalised), so only those base annotations need indexing. */
function overlayTargets(overlay: RawDocument): Set<string> {
  const targets = new Set<string>();
  for (const schema of overlay.schemas) {
    for (const block of schema.annotationBlocks) targets.add(block.target.replace(/\s+/g, ""));
    for (const type of [...schema.entityTypes, ...schema.complexTypes]) {
      const fullName = `${schema.namespace}.${type.name}`;
      targets.add(fullName);
      for (const p of [...type.properties, ...type.navigationProperties]) targets.add(`${fullName}/${p.name}`);
    }
  }
  return targets;
}

/** Base annotations by `target|term` for the targets the overlay annotates, inline ones included. */
function indexBaseAnnotations(schemas: RawSchema[], targets: ReadonlySet<string>): Map<string, RawAnnotation> {
  const index = new Map<string, RawAnnotation>();
  const types = new Set([...targets].map((t) => t.split("/")[0]));
  const add = (target: string, annotations: readonly RawAnnotation[]) => {
    if (!targets.has(target)) return;
    for (const a of annotations) index.set(`${target}|${a.term}|${a.qualifier ?? ""}`, a);
  };
  for (const schema of schemas) {
    for (const block of schema.annotationBlocks) add(block.target.replace(/\s+/g, ""), block.annotations);
    for (const type of [...schema.entityTypes, ...schema.complexTypes]) {
      const fullName = `${schema.namespace}.${type.name}`;
      if (!types.has(fullName)) continue;
      add(fullName, type.annotations);
      for (const p of [...type.properties, ...type.navigationProperties]) add(`${fullName}/${p.name}`, p.annotations);
    }
  }
  return index;
}

/** False when the base already has this term here and the overlay fills gaps; an error when a strict overlay contradicts it. */
function keepAnnotation(target: string, annotation: RawAnnotation, { annotations, fillsGaps }: Merge): boolean {
  const existing = annotations.get(`${target.replace(/\s+/g, "")}|${annotation.term}|${annotation.qualifier ?? ""}`);
  if (!existing) return true;
  if (fillsGaps) return false;
  if (!sameValue(existing.value, annotation.value)) {
    throw new GraphgenError(`the overlay sets ${annotation.term} on ${target} to a different value than the base metadata`, {
      location: annotation.location,
      related: existing.location,
      hint: "an overlay may add annotations, not change existing ones",
    });
  }
  return true;
}

function sameValue(a: AnnotationValue, b: AnnotationValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
