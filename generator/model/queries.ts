// Questions later stages ask of the model: base chains, descendants, the concrete types a
// reference can hold, properties with inherited ones, operations bound to a type.
import { boolAnnotation, TERMS } from "./annotate.js";
import type { Model, ModelType, NavigationProperty, Operation, Property, StructuredType } from "./types.js";

export function structuredType(model: Model, fullName: string): StructuredType | undefined {
  const type = model.types.get(fullName);
  return type && (type.kind === "entity" || type.kind === "complex") ? type : undefined;
}

/** The type's ancestors, nearest first. */
export function baseChain(model: Model, type: StructuredType): StructuredType[] {
  const chain: StructuredType[] = [];
  for (let base = type.baseType && structuredType(model, type.baseType); base; base = base.baseType && structuredType(model, base.baseType)) {
    chain.push(base);
  }
  return chain;
}

/**
 * Answers that every view model asks again and again (the descendants of `entity`, the inherited properties
 * of `user`), kept per model: a model is never changed once built, so each is worked out once. Kept
 * answers are frozen, so a caller cannot change what the next one reads.
 */
interface Answers {
  readonly descendants: Map<string, readonly string[]>;
  readonly concrete: Map<string, readonly string[]>;
  readonly properties: Map<StructuredType, InheritedProperties>;
  readonly dynamicNames: Map<StructuredType, DynamicPropertyNames>;
}

const answersByModel = new WeakMap<Model, Answers>();

function answers(model: Model): Answers {
  let kept = answersByModel.get(model);
  if (!kept) {
    kept = { descendants: new Map(), concrete: new Map(), properties: new Map(), dynamicNames: new Map() };
    answersByModel.set(model, kept);
  }
  return kept;
}

/** Every type deriving from `fullName`, directly or not, in sorted order. */
export function descendants(model: Model, fullName: string): readonly string[] {
  const kept = answers(model).descendants;
  let result = kept.get(fullName);
  if (!result) {
    const found: string[] = [];
    const visit = (name: string) => {
      for (const child of model.derivedTypes.get(name) ?? []) {
        found.push(child);
        visit(child);
      }
    };
    visit(fullName);
    result = Object.freeze(found.sort());
    kept.set(fullName, result);
  }
  return result;
}

/**
 * The non-abstract types a value declared as `fullName` can be: the type itself and its descendants,
 * limited by a `Validation.DerivedTypeConstraint` when one is given.
 */
export function concreteTypes(model: Model, fullName: string, constraint?: readonly string[]): readonly string[] {
  const kept = answers(model).concrete;
  const unconstrained = constraint ? undefined : kept.get(fullName);
  if (unconstrained) return unconstrained;
  const allowed = constraint
    ? new Set(constraint.flatMap((name) => [name, ...descendants(model, name)]))
    : undefined;
  const result = [fullName, ...descendants(model, fullName)].filter((name) => {
    const type = structuredType(model, name);
    return type && !type.abstract && (!allowed || name === fullName || allowed.has(name));
  });
  if (!constraint) kept.set(fullName, Object.freeze(result));
  return result;
}

export function hasDescendants(model: Model, fullName: string): boolean {
  return (model.derivedTypes.get(fullName)?.length ?? 0) > 0;
}

export interface InheritedProperties {
  readonly properties: readonly Property[];
  readonly navigationProperties: readonly NavigationProperty[];
}

/** Structural and navigation properties, inherited ones first (root base first). */
export function allProperties(model: Model, type: StructuredType): InheritedProperties {
  const kept = answers(model).properties;
  let result = kept.get(type);
  if (!result) {
    // The base type's answer (kept too) followed by the type's own: each type's lists are put together once.
    const base = type.baseType === undefined ? undefined : structuredType(model, type.baseType);
    const inherited = base ? allProperties(model, base) : undefined;
    result = Object.freeze({
      properties: Object.freeze(inherited ? inherited.properties.concat(type.properties) : [...type.properties]),
      navigationProperties: Object.freeze(inherited ? inherited.navigationProperties.concat(type.navigationProperties) : [...type.navigationProperties]),
    });
    kept.set(type, result);
  }
  return result;
}

/** Actions and functions bound to the type (or to a collection of it), including those bound to its bases. */
export function boundOperations(model: Model, type: StructuredType, collection: boolean): Operation[] {
  const names = new Set([type.fullName, ...baseChain(model, type).map((t) => t.fullName)]);
  return model.operations.filter(
    (o) => o.binding && o.binding.type.collection === collection && names.has(o.binding.type.name),
  );
}

export function isStructured(type: ModelType | undefined): type is StructuredType {
  return type?.kind === "entity" || type?.kind === "complex";
}

/**
 * How an open type's dynamic properties are named. Most of Graph's open types (`user`, `group`, ...)
 * carry directory and schema extensions, named `extension_<appId>_<name>` or `<prefix>_<name>`:
 * "extension". An open type that declares no properties is a dictionary (`plannerAssignments`, keyed
 * by user id), and an overlay may mark others (`graphgen.AnyDynamicPropertyName`, e.g. thumbnailSet's
 * custom sizes, openTypeExtension's data): "any". A closed type: "none".
 */
export type DynamicPropertyNames = "none" | "extension" | "any";

export function dynamicPropertyNames(model: Model, type: StructuredType): DynamicPropertyNames {
  // Asked by the type's view, its derived types' views, its validator and its JSON Schema: worked out once.
  const kept = answers(model).dynamicNames;
  let result = kept.get(type);
  if (result === undefined) {
    const chain = [type, ...baseChain(model, type)];
    if (!chain.some((t) => t.openType)) result = "none";
    else if (chain.some((t) => boolAnnotation(t.annotations, TERMS.anyDynamicName))) result = "any";
    else result = chain.some((t) => t.properties.length > 0 || t.navigationProperties.length > 0) ? "extension" : "any";
    kept.set(type, result);
  }
  return result;
}
