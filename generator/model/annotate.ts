// Gathers the annotations of `<Annotations Target="...">` blocks by target, so each element can
// take its own and the ones nobody took can be reported.
import type { AnnotationValue, RawAnnotation, RawDocument } from "../csdl/raw.js";
import type { SourceLocation } from "../errors.js";
import type { Annotations, Deprecation, ModelWarning } from "./types.js";

export const TERMS = {
  description: "Org.OData.Core.V1.Description",
  longDescription: "Org.OData.Core.V1.LongDescription",
  computed: "Org.OData.Core.V1.Computed",
  immutable: "Org.OData.Core.V1.Immutable",
  permissions: "Org.OData.Core.V1.Permissions",
  optionalParameter: "Org.OData.Core.V1.OptionalParameter",
  derivedTypeConstraint: "Org.OData.Validation.V1.DerivedTypeConstraint",
  revisions: "Org.OData.Core.V1.Revisions",
  insertRestrictions: "Org.OData.Capabilities.V1.InsertRestrictions",
  /** graphgen's own term (no OData vocabulary has one): an open type whose dynamic properties may have any name. */
  anyDynamicName: "graphgen.AnyDynamicPropertyName",
} as const;

const NO_ANNOTATIONS: Annotations = new Map();

interface Block {
  annotations: RawAnnotation[];
  location: SourceLocation;
  used: boolean;
}

/** Annotations from every `<Annotations>` block, looked up by normalised target. */
export class AnnotationTargets {
  private readonly blocks = new Map<string, Block>();
  /** Each target's parts before a "/": the elements some block's target lies below. */
  private readonly parents = new Set<string>();

  constructor(documents: readonly RawDocument[]) {
    for (const schema of documents.flatMap((d) => d.schemas)) {
      for (const block of schema.annotationBlocks) {
        const annotations = block.qualifier
          ? block.annotations.map((a) => ({ ...a, qualifier: a.qualifier ?? block.qualifier }))
          : block.annotations;
        const key = normaliseTarget(block.target);
        const existing = this.blocks.get(key);
        if (existing) existing.annotations.push(...annotations);
        else this.blocks.set(key, { annotations: [...annotations], location: block.location, used: false });
        for (let slash = key.indexOf("/"); slash >= 0; slash = key.indexOf("/", slash + 1)) this.parents.add(key.slice(0, slash));
      }
    }
  }

  /** The element's inline annotations merged with those targeting any of its names; block ones win. */
  collect(inline: readonly RawAnnotation[], ...targets: string[]): Annotations {
    let result = inlineAnnotations(inline);
    for (let i = 0; i < targets.length; i++) result = this.withBlock(result, targets[i]!);
    // Most elements have no annotation: they share one empty map (frozen with the model, and read-only by type).
    return result ?? NO_ANNOTATIONS;
  }

  /**
   * The `parents` (an element's names) that some block's target lies below (`parent/...`), for collectChild: the
   * children of the others (most types' properties) have no block, so their targets are neither made nor looked up.
   */
  parentsOfTargets(parents: readonly string[]): readonly string[] {
    return parents.filter((parent) => this.parents.has(normaliseTarget(parent)));
  }

  /** collect() for the child `name` of an element: its targets are `${parent}/${name}` for each of parentsOfTargets. */
  collectChild(inline: readonly RawAnnotation[], parents: readonly string[], name: string): Annotations {
    let result = inlineAnnotations(inline);
    for (let i = 0; i < parents.length; i++) result = this.withBlock(result, `${parents[i]}/${name}`);
    return result ?? NO_ANNOTATIONS;
  }

  private withBlock(result: Map<string, AnnotationValue> | undefined, target: string): Map<string, AnnotationValue> | undefined {
    const block = this.blocks.get(normaliseTarget(target));
    if (!block) return result;
    block.used = true;
    const annotations = block.annotations;
    for (let i = 0; i < annotations.length; i++) (result ??= new Map()).set(termKey(annotations[i]!), annotations[i]!.value);
    return result;
  }

  /** Blocks whose target matched no element: kept as warnings, since Graph's metadata has a few. */
  unusedTargets(): ModelWarning[] {
    const warnings: ModelWarning[] = [];
    for (const [target, block] of this.blocks) {
      if (block.used) continue;
      warnings.push({ message: `annotation target "${target}" matches no element; its annotations are ignored`, location: block.location });
    }
    return warnings;
  }
}

function inlineAnnotations(inline: readonly RawAnnotation[]): Map<string, AnnotationValue> | undefined {
  // Indexed, as the loops of collect(): for...of allocates per element in code V8 has not optimized yet (most of a run's).
  let result: Map<string, AnnotationValue> | undefined;
  for (let i = 0; i < inline.length; i++) (result ??= new Map()).set(termKey(inline[i]!), inline[i]!.value);
  return result;
}

function termKey(annotation: RawAnnotation): string {
  return annotation.qualifier && annotation.qualifier !== annotation.term
    ? `${annotation.term}#${annotation.qualifier}`
    : annotation.term;
}

const WHITESPACE = /\s/;

function normaliseTarget(target: string): string {
  // Most targets have no whitespace: testing is cheaper than replacing.
  return WHITESPACE.test(target) ? target.replace(/\s+/g, "") : target;
}

export function stringAnnotation(annotations: Annotations, term: string): string | undefined {
  const value = annotations.get(term);
  return value?.kind === "string" ? value.value : undefined;
}

export function boolAnnotation(annotations: Annotations, term: string): boolean {
  const value = annotations.get(term);
  return value?.kind === "bool" && value.value;
}

/** `Core.Permissions` set to Read only (as an enum member or a collection holding just Read). */
export function isReadOnlyPermission(annotations: Annotations): boolean {
  const value = annotations.get(TERMS.permissions);
  if (value === undefined) return false;
  const members =
    value?.kind === "enumMember" ? value.value.split(/\s+/) : value?.kind === "collection" ? value.items.map(enumText) : [];
  return members.length > 0 && members.every((m) => m.endsWith("/Read"));
}

function enumText(value: AnnotationValue): string {
  return value.kind === "enumMember" || value.kind === "string" ? value.value : "";
}

export function stringListAnnotation(annotations: Annotations, term: string): string[] | undefined {
  const value = annotations.get(term);
  if (value?.kind !== "collection") return undefined;
  return value.items.flatMap((item) => (item.kind === "string" ? [item.value] : []));
}

/** The `Core.Revisions` entry of kind Deprecated, if any (the first one when several are given). */
export function deprecationOf(annotations: Annotations): Deprecation | undefined {
  const revisions = annotations.get(TERMS.revisions);
  // Asked of every element of the model; almost none has revisions.
  if (revisions === undefined) return undefined;
  const records = revisions.kind === "collection" ? revisions.items : [revisions];
  for (const record of records) {
    if (record.kind !== "record") continue;
    const field = (name: string) => {
      const value = record.properties[name];
      return value?.kind === "string" ? value.value : undefined;
    };
    const kind = record.properties.Kind;
    if (kind?.kind !== "enumMember" || !kind.value.endsWith("/Deprecated")) continue;
    return withoutUndefined({ description: field("Description"), date: field("Date"), removalDate: field("RemovalDate"), version: field("Version") });
  }
  return undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
