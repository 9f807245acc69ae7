// The resolved model every later stage reads: types keyed by full name, references checked,
// annotations applied to their targets, derived-type links in place. Built once, never mutated.
import type { AnnotationValue } from "../csdl/raw.js";
import type { SourceLocation } from "../errors.js";

/** A reference to a type by full name (`Edm.String`, `microsoft.graph.user`), possibly a collection. */
export interface TypeRef {
  readonly name: string;
  readonly collection: boolean;
}

export interface Facets {
  readonly nullable: boolean;
  readonly maxLength?: number | "max";
  readonly precision?: number;
  readonly scale?: number | "variable" | "floating";
  readonly defaultValue?: string;
}

/** Annotations by full term name (with `#qualifier` when qualified). */
export type Annotations = ReadonlyMap<string, AnnotationValue>;

/** `Core.Revisions` with `Kind` Deprecated: Graph's note, the date it was deprecated and when it goes. */
export interface Deprecation {
  readonly description?: string;
  /** `YYYY-MM-DD` */
  readonly date?: string;
  /** `YYYY-MM-DD`: after this date Graph may remove the element. */
  readonly removalDate?: string;
  readonly version?: string;
}

export interface Documented {
  readonly description?: string;
  readonly longDescription?: string;
  /** Set when the element is deprecated (`Core.Revisions`); types, properties, members, navigation, operations, sets. */
  readonly deprecation?: Deprecation;
  readonly annotations: Annotations;
  readonly location: SourceLocation;
}

export interface Property extends Documented, Facets {
  readonly name: string;
  readonly type: TypeRef;
  /** `Core.Computed` or `Core.Permissions` = Read: the service sets it; clients never send it. */
  readonly readOnly: boolean;
  /** `Core.Immutable`: may be given on create, never changed by update. */
  readonly immutable: boolean;
  /** `Validation.DerivedTypeConstraint`: the only derived types allowed here, when given. */
  readonly derivedTypeConstraint?: readonly string[];
}

export interface NavigationProperty extends Documented {
  readonly name: string;
  readonly type: TypeRef;
  readonly nullable: boolean;
  readonly containsTarget: boolean;
  readonly partner?: string;
  readonly derivedTypeConstraint?: readonly string[];
}

interface NamedType extends Documented {
  readonly fullName: string;
  readonly namespace: string;
  readonly name: string;
}

export interface StructuredType extends NamedType {
  readonly kind: "entity" | "complex";
  readonly baseType?: string;
  readonly abstract: boolean;
  readonly openType: boolean;
  readonly hasStream: boolean;
  readonly key?: readonly string[];
  /** Declared on this type only; see `allProperties` for the inherited ones. */
  readonly properties: readonly Property[];
  readonly navigationProperties: readonly NavigationProperty[];
  /**
   * Properties (inherited ones included) a create request must send: those that every
   * `Capabilities.InsertRestrictions/RequiredProperties` on a collection of this type lists.
   * `Nullable="false"` alone does not make a property required: Graph fills many in itself.
   */
  readonly requiredOnCreate: readonly string[];
}

export interface EnumMember extends Documented {
  readonly name: string;
  readonly value: number;
}

export interface EnumType extends NamedType {
  readonly kind: "enum";
  readonly underlyingType: string;
  readonly isFlags: boolean;
  readonly members: readonly EnumMember[];
}

export interface TypeDefinition extends NamedType, Omit<Facets, "nullable"> {
  readonly kind: "typeDefinition";
  readonly underlyingType: string;
}

export type ModelType = StructuredType | EnumType | TypeDefinition;

export interface Parameter extends Documented, Facets {
  readonly name: string;
  readonly type: TypeRef;
  /** `Core.OptionalParameter`: a function parameter that may be left out. */
  readonly optional: boolean;
}

export interface Operation extends Documented {
  readonly kind: "action" | "function";
  readonly fullName: string;
  readonly namespace: string;
  readonly name: string;
  readonly isBound: boolean;
  readonly isComposable: boolean;
  /** The binding parameter of a bound operation. */
  readonly binding?: Parameter;
  /** The parameters a caller passes (the binding parameter excluded). */
  readonly parameters: readonly Parameter[];
  readonly returnType?: { readonly type: TypeRef; readonly nullable: boolean };
}

export interface NavigationBinding {
  readonly path: string;
  readonly target: string;
}

export interface EntitySet extends Documented {
  readonly name: string;
  readonly entityType: string;
  readonly bindings: readonly NavigationBinding[];
}

export interface Singleton extends Documented {
  readonly name: string;
  readonly type: string;
  readonly bindings: readonly NavigationBinding[];
}

export interface OperationImport extends Documented {
  readonly kind: "action" | "function";
  readonly name: string;
  readonly operation: string;
  readonly entitySet?: string;
}

export interface EntityContainer extends Documented {
  readonly fullName: string;
  readonly entitySets: readonly EntitySet[];
  readonly singletons: readonly Singleton[];
  readonly operationImports: readonly OperationImport[];
}

export interface Namespace {
  readonly name: string;
  readonly alias?: string;
}

export interface ModelWarning {
  readonly message: string;
  readonly location: SourceLocation;
}

export interface Model {
  readonly namespaces: readonly Namespace[];
  /** Every named type by full name, in a stable (sorted) order. */
  readonly types: ReadonlyMap<string, ModelType>;
  /** Direct derived types of each structured type, sorted by full name. */
  readonly derivedTypes: ReadonlyMap<string, readonly string[]>;
  /** Every action and function, sorted by full name then binding type. */
  readonly operations: readonly Operation[];
  readonly containers: readonly EntityContainer[];
  /** Things worth knowing that do not stop generation (e.g. an annotation whose target does not exist). */
  readonly warnings: readonly ModelWarning[];
}

export const EDM_NAMESPACE = "Edm";

export function isPrimitive(name: string): boolean {
  return name.startsWith("Edm.");
}
