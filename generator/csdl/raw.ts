// The raw CSDL document: what the XML says, element by element, with aliases already expanded.
// Nothing here is resolved against other elements; that is the model's job.
import type { SourceLocation } from "../errors.js";

export interface Located {
  location: SourceLocation;
}

export type AnnotationValue =
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "enumMember"; value: string }
  | { kind: "path"; value: string }
  | { kind: "null" }
  | { kind: "record"; type?: string; properties: Readonly<Record<string, AnnotationValue>> }
  | { kind: "collection"; items: readonly AnnotationValue[] };

export interface RawAnnotation extends Located {
  /** Full term name, alias expanded: `Org.OData.Core.V1.Description`. */
  term: string;
  qualifier?: string;
  value: AnnotationValue;
}

export interface RawFacets {
  nullable?: boolean;
  maxLength?: string;
  precision?: string;
  scale?: string;
  defaultValue?: string;
}

export interface RawProperty extends Located, RawFacets {
  name: string;
  /** Fully qualified, aliases expanded; may be `Collection(...)`. */
  type: string;
  annotations: RawAnnotation[];
}

export interface RawNavigationProperty extends Located {
  name: string;
  type: string;
  nullable?: boolean;
  containsTarget: boolean;
  partner?: string;
  annotations: RawAnnotation[];
}

export interface RawStructuredType extends Located {
  kind: "entity" | "complex";
  name: string;
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  hasStream: boolean;
  key?: string[];
  properties: RawProperty[];
  navigationProperties: RawNavigationProperty[];
  annotations: RawAnnotation[];
}

export interface RawEnumMember extends Located {
  name: string;
  value?: string;
  annotations: RawAnnotation[];
}

export interface RawEnumType extends Located {
  kind: "enum";
  name: string;
  underlyingType?: string;
  isFlags: boolean;
  members: RawEnumMember[];
  annotations: RawAnnotation[];
}

export interface RawTypeDefinition extends Located, RawFacets {
  kind: "typeDefinition";
  name: string;
  underlyingType: string;
  annotations: RawAnnotation[];
}

export interface RawParameter extends Located, RawFacets {
  name: string;
  type: string;
  annotations: RawAnnotation[];
}

export interface RawOperation extends Located {
  kind: "action" | "function";
  name: string;
  isBound: boolean;
  isComposable: boolean;
  entitySetPath?: string;
  parameters: RawParameter[];
  returnType?: { type: string; nullable?: boolean; location: SourceLocation };
  annotations: RawAnnotation[];
}

export interface RawNavigationBinding {
  path: string;
  target: string;
}

export interface RawEntitySet extends Located {
  name: string;
  entityType: string;
  bindings: RawNavigationBinding[];
  annotations: RawAnnotation[];
}

export interface RawSingleton extends Located {
  name: string;
  type: string;
  bindings: RawNavigationBinding[];
  annotations: RawAnnotation[];
}

export interface RawOperationImport extends Located {
  kind: "action" | "function";
  name: string;
  /** The action or function it imports, fully qualified. */
  operation: string;
  entitySet?: string;
  annotations: RawAnnotation[];
}

export interface RawEntityContainer extends Located {
  name: string;
  entitySets: RawEntitySet[];
  singletons: RawSingleton[];
  operationImports: RawOperationImport[];
  annotations: RawAnnotation[];
}

export interface RawAnnotationBlock extends Located {
  /** Target path with aliases expanded, e.g. `microsoft.graph.user/joinedGroups`. */
  target: string;
  qualifier?: string;
  annotations: RawAnnotation[];
}

export interface RawSchema extends Located {
  namespace: string;
  alias?: string;
  entityTypes: RawStructuredType[];
  complexTypes: RawStructuredType[];
  enumTypes: RawEnumType[];
  typeDefinitions: RawTypeDefinition[];
  operations: RawOperation[];
  entityContainers: RawEntityContainer[];
  annotationBlocks: RawAnnotationBlock[];
}

export interface RawDocument {
  file: string;
  version: string;
  schemas: RawSchema[];
}
