// Walks the model from the entity container into the request tree (request-tree.ts), by the rules Graph's
// OpenAPI description follows (Microsoft.OpenApi.OData's path provider): a navigation property is followed once
// per path (so mailFolders/{id}/childFolders/{id}/messages exists, childFolders/{id}/childFolders does not);
// a non-contained one is addressable with its key, casts, `$count`, `$ref`, streams and bound operations,
// but not walked further (its entities live elsewhere, where their own paths lead on); casts only to the
// types a `Validation.DerivedTypeConstraint` names. Pure function of (model, patterns).
import { allProperties, baseChain, structuredType } from "../model/queries.js";
import type { Annotations, Deprecation, EntitySet, Model, NavigationProperty, Operation, StructuredType } from "../model/types.js";
import { castTypes, countable, hasPropertyPath, navigationRestrictions, nodeCapabilities, readByKey, requestCapabilities, type RequestCapabilities } from "./capabilities.js";
import { isIncluded, mayIncludeBelow, type PathPattern } from "./include-paths.js";
import type { OperationNode, RequestNode, RequestStep, StreamNode } from "./request-tree.js";

/** Deeper paths exist in Graph (folders in folders) but no caller writes them out by hand. */
const MAX_SEGMENTS = 16;

const DIRECTORY_OBJECT = "microsoft.graph.directoryObject";
/** OneDrive addresses a drive item by its path below another (`root:/a/b.txt:`); the metadata cannot say so. */
const DRIVE_ITEM = "microsoft.graph.driveItem";
const DRIVE = "microsoft.graph.drive";
/** The drive's navigation properties a drive reached by reference keeps. */
const DRIVE_SHORTCUTS = ["root", "items"];
/** The one navigation property a drive item keeps below those shortcuts. */
const DRIVE_ITEM_CHILDREN = "children";

/** How the node being built was reached, and what that allows. */
interface Step {
  readonly step: RequestStep;
  readonly contained: boolean;
  /** Navigation properties already followed on this path, `declaringType/name`. */
  readonly visited: ReadonlySet<string>;
  readonly references?: { readonly entitySet: string };
  readonly countable: boolean;
  /** Types a cast may name here. */
  readonly casts: readonly string[];
  /** What the Capabilities annotations of the set, singleton or navigation property taken say; keys inherit it. */
  readonly capabilities?: RequestCapabilities;
  /** Nothing further: no operations (a composable function's navigation properties, as Graph's OpenAPI). */
  readonly leaf?: boolean;
  /**
   * A drive's root or items reached through a drive by reference (`/me/drive/root`): bound operations and the
   * `children` of its drive items, as OneDrive documents them (`/me/drive/root/children`, `/me/drive/root/delta`),
   * not the rest of a drive item's navigation, which `/drives/{id}/items/{id}` serves.
   */
  readonly driveShortcut?: boolean;
  /** The composable function a `function` step calls. */
  readonly function?: OperationNode;
  /** Of the entity set, singleton or navigation property taken: only that step's node carries it, not keys or casts below. */
  readonly deprecation?: Deprecation;
}

/** The request tree of the paths `patterns` select (none: no tree). */
export function buildRequestTree(model: Model, patterns: readonly PathPattern[], rootNamespace: string): RequestNode[] {
  if (patterns.length === 0) return [];
  return new TreeWalk(model, patterns, rootNamespace).roots();
}

class TreeWalk {
  private readonly entitySets: readonly EntitySet[];
  /** Bound operations by binding type and `[]` for collections: the walk asks for them at every node. */
  private readonly bound = new Map<string, Operation[]>();

  constructor(
    private readonly model: Model,
    private readonly patterns: readonly PathPattern[],
    private readonly rootNamespace: string,
  ) {
    this.entitySets = model.containers.flatMap((c) => c.entitySets);
    for (const operation of model.operations) {
      if (!operation.binding) continue;
      const key = `${operation.binding.type.name}${operation.binding.type.collection ? "[]" : ""}`;
      this.bound.set(key, [...(this.bound.get(key) ?? []), operation]);
    }
  }

  roots(): RequestNode[] {
    const roots: RequestNode[] = [];
    const start = ({ annotations, deprecation }: { annotations: Annotations; deprecation?: Deprecation }): Step => ({
      step: "root",
      deprecation,
      contained: true,
      visited: new Set(),
      countable: countable(annotations),
      casts: castTypes(annotations),
      capabilities: requestCapabilities(annotations),
    });
    for (const container of this.model.containers) {
      for (const singleton of container.singletons) {
        const node = this.entity([singleton.name], singleton.type, { ...start(singleton), casts: [] });
        if (node) roots.push(node);
      }
      for (const set of container.entitySets) {
        const node = this.collection([set.name], set.entityType, start(set));
        if (node) roots.push(node);
      }
    }
    return roots.sort((a, b) => compare(a.segments[0] as string, b.segments[0] as string));
  }

  private entity(segments: string[], typeName: string, via: Step): RequestNode | undefined {
    const type = structuredType(this.model, typeName);
    if (!type || !this.worthVisiting(segments)) return undefined;
    const children: RequestNode[] = [];
    // Below a non-contained navigation Graph's paths stop: the entity's own paths lead on. Below an entity cast
    // (`pages/{id}/microsoft.graph.sitePage`) the derived type's navigation properties are walked, as Graph does.
    if (via.contained && !via.leaf && !via.driveShortcut && via.step !== "itemPath") {
      const navigations = allProperties(this.model, type).navigationProperties;
      for (const nav of [...navigations].sort((a, b) => compare(a.name, b.name))) {
        const child = this.navigation(segments, nav, via.visited, type);
        if (child) children.push(child);
      }
    } else if (via.driveShortcut && typeName === DRIVE_ITEM && via.step !== "itemPath") {
      const nav = allProperties(this.model, type).navigationProperties.find((n) => n.name === DRIVE_ITEM_CHILDREN);
      const child = nav && this.navigation(segments, nav, via.visited, type);
      if (child) children.push(child);
    }
    if (via.step !== "cast") children.push(...this.casts(segments, via, "entity"), ...this.complexProperties(segments, type));
    if (typeName === DRIVE && !via.contained && !via.leaf && via.step !== "cast") children.push(...this.driveShortcuts(segments));
    // Any drive item, contained (`items/{id}`) or not (`root`), addresses the items below it by path.
    const itemPath = typeName === DRIVE_ITEM && via.step !== "itemPath" && via.step !== "cast" ? this.itemPath(segments, via) : undefined;
    return this.node(segments, "entity", type, via, children, undefined, itemPath);
  }

  private collection(segments: string[], typeName: string, via: Step): RequestNode | undefined {
    const type = structuredType(this.model, typeName);
    if (!type || !this.worthVisiting(segments)) return undefined;
    // `ReadByKeyRestrictions` on the entity type itself apply where the path does not say otherwise.
    const byType = readByKey(type.annotations);
    const capabilities = byType === undefined || via.capabilities?.read !== undefined ? via.capabilities : { ...via.capabilities, read: byType };
    const keyStep: Step = { ...via, step: "key", countable: false, ...(capabilities ? { capabilities } : {}) };
    const item = via.step === "cast" ? undefined : this.entity([...segments, `{${type.name}-id}`], typeName, keyStep);
    const children = via.step === "cast" ? [] : this.casts(segments, via, "collection");
    return this.node(segments, "collection", type, via, children, item, undefined);
  }

  private navigation(segments: string[], nav: NavigationProperty, visited: ReadonlySet<string>, owner: StructuredType): RequestNode | undefined {
    const restrictions = navigationRestrictions(nav.annotations);
    if (!restrictions.navigable) return undefined;
    const declaring = this.declaringType(owner, nav);
    const key = `${declaring}/${nav.name}`;
    if (visited.has(key)) return undefined;
    const references = this.referenceable(owner, nav, restrictions.referenceable) ? this.referenceTarget(nav) : undefined;
    const via: Step = {
      step: "navigation",
      contained: nav.containsTarget,
      visited: new Set([...visited, key]),
      references,
      countable: countable(nav.annotations),
      casts: nav.derivedTypeConstraint ?? [],
      capabilities: requestCapabilities(nav.annotations),
      deprecation: nav.deprecation,
      // A drive's root (a reference in the metadata) lists its children as OneDrive documents: `/drives/{id}/root/children`.
      ...(owner.fullName === DRIVE && nav.name === "root" ? { driveShortcut: true } : {}),
    };
    const path = [...segments, nav.name];
    return nav.type.collection ? this.collection(path, nav.type.name, via) : this.entity(path, nav.type.name, via);
  }

  /** `.../microsoft.graph.group`: a collection or entity typed as one of the derived types the constraint allows. */
  private casts(segments: string[], via: Step, kind: RequestNode["kind"]): RequestNode[] {
    const nodes: RequestNode[] = [];
    for (const typeName of [...via.casts].sort()) {
      if (!structuredType(this.model, typeName)) continue;
      // A cast is a path of its own: `GET /places` is refused, `GET /places/microsoft.graph.room` is not.
      const castVia: Step = { ...via, step: "cast", references: undefined, countable: kind === "collection" && via.countable, casts: [], capabilities: {} };
      const path = [...segments, typeName];
      const node = kind === "collection" ? this.collection(path, typeName, castVia) : this.entity(path, typeName, castVia);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  /**
   * Complex-typed properties with their own path: Graph's OpenAPI gives one to those annotated with read,
   * update or insert restrictions (`mailboxSettings`, `serviceProvisioningErrors`), not to every complex property.
   */
  private complexProperties(segments: string[], type: StructuredType): RequestNode[] {
    const nodes: RequestNode[] = [];
    for (const property of allProperties(this.model, type).properties) {
      const complex = structuredType(this.model, property.type.name);
      if (complex?.kind !== "complex" || !hasPropertyPath(property)) continue;
      const path = [...segments, property.name];
      if (!this.worthVisiting(path)) continue;
      const via: Step = { step: "property", contained: true, visited: new Set(), countable: property.type.collection, casts: [] };
      const node = this.node(path, property.type.collection ? "collection" : "entity", complex, via, [], undefined, undefined);
      if (node) nodes.push(node);
    }
    return nodes.sort((a, b) => compare(a.template, b.template));
  }

  /** The entity a composable function returns, with its navigation properties one step down (as Graph's OpenAPI). */
  private functionNode(segments: string[], op: OperationNode): RequestNode | undefined {
    const returns = op.operation.returnType?.type;
    const type = returns && !returns.collection ? structuredType(this.model, returns.name) : undefined;
    if (op.operation.kind !== "function" || !op.operation.isComposable || type?.kind !== "entity") return undefined;
    const path = [...segments, op.segment];
    if (!this.worthVisiting(path)) return undefined;
    const leaf = (nav: NavigationProperty): RequestNode | undefined => {
      const target = structuredType(this.model, nav.type.name);
      const navPath = [...path, nav.name];
      if (!target || !this.worthVisiting(navPath)) return undefined;
      const via: Step = { step: "navigation", contained: false, visited: new Set(), countable: false, casts: [], leaf: true, deprecation: nav.deprecation };
      return this.node(navPath, nav.type.collection ? "collection" : "entity", target, via, [], undefined, undefined);
    };
    const navigations = [...allProperties(this.model, type).navigationProperties].sort((a, b) => compare(a.name, b.name));
    const children = navigations.flatMap((nav) => leaf(nav) ?? []);
    const via: Step = { step: "function", contained: false, visited: new Set(), countable: false, casts: [], function: op };
    return this.node(path, "entity", type, via, children, undefined, undefined);
  }

  /**
   * A drive reached by reference (`/me/drive`, `/sites/{id}/drive`) still serves its root and items, as OneDrive
   * documents (`/me/drive/root:/a.txt:/content`): those two, with their content, paths, bound operations and
   * children (see `driveShortcut`), not the rest of their subtrees.
   * Each keeps what the metadata says of it, as under `/drives/{id}`: `items` is contained (its items are
   * updated and deleted by key: `PATCH /me/drive/items/{id}`), `root` is not; their annotations apply.
   */
  private driveShortcuts(segments: string[]): RequestNode[] {
    const drive = structuredType(this.model, DRIVE);
    const navigations = drive ? allProperties(this.model, drive).navigationProperties : [];
    return DRIVE_SHORTCUTS.flatMap((name) => {
      const nav = navigations.find((n) => n.name === name);
      if (nav?.type.name !== DRIVE_ITEM) return [];
      const capabilities = requestCapabilities(nav.annotations);
      const via: Step = { step: "navigation", contained: nav.containsTarget, visited: new Set(), countable: false, casts: [], driveShortcut: true, capabilities };
      const path = [...segments, name];
      return (nav.type.collection ? this.collection(path, nav.type.name, via) : this.entity(path, nav.type.name, via)) ?? [];
    });
  }

  private itemPath(segments: string[], via: Step): RequestNode | undefined {
    const step: Step = { ...via, step: "itemPath", contained: true, references: undefined, casts: [], capabilities: {} };
    return this.entity([...segments, "{item-path}"], DRIVE_ITEM, step);
  }

  private worthVisiting(segments: readonly string[]): boolean {
    return segments.length <= MAX_SEGMENTS && mayIncludeBelow(this.patterns, segments);
  }

  private node(
    segments: string[],
    kind: RequestNode["kind"],
    type: StructuredType,
    via: Step,
    children: RequestNode[],
    item: RequestNode | undefined,
    itemPath: RequestNode | undefined,
  ): RequestNode | undefined {
    const included = isIncluded(this.patterns, segments);
    const template = templateOf(segments, via.step);
    // A drive item by path (`root:/a/b.txt:`) takes the bound operations Graph documents on that form
    // (`...:/{item-path}:/createUploadSession`, the way to upload a new large file), not its navigation.
    const bare = via.leaf || via.step === "cast" || via.step === "property";
    const bound = bare ? [] : this.operations(segments, template, type, kind === "collection");
    // A composable function returning one entity is a path of its own (`getByPath(path='x')/lists`).
    const functions = via.step === "function" ? [] : bound.flatMap((op) => this.functionNode(segments, op) ?? []);
    const operations = bound.filter((op) => !functions.some((f) => f.function === op));
    children = [...children, ...functions];
    const streams = included && kind === "entity" ? this.streams(template, type) : [];
    const capabilities = nodeCapabilities(kind, via.capabilities);
    if (!included && children.length === 0 && !item && !itemPath && operations.length === 0) return undefined;
    return {
      segments,
      template,
      kind,
      step: via.step,
      entityType: type.fullName,
      contained: via.contained,
      ...(via.references && kind === "collection" ? { references: via.references } : {}),
      ...(via.references && kind === "entity" && via.step === "navigation" ? { references: via.references } : {}),
      // Counting a collection Graph does not list (`/drives/{id}/items`) is refused with it.
      countable: kind === "collection" && via.countable && via.capabilities?.list !== false,
      ...(capabilities ? { capabilities } : {}),
      eventualConsistency: this.isDirectoryObject(type),
      included,
      children,
      ...(item ? { item } : {}),
      ...(itemPath ? { itemPath } : {}),
      operations,
      streams,
      ...(via.function ? { function: via.function } : {}),
      ...(via.deprecation && (via.step === "root" || via.step === "navigation") ? { deprecation: via.deprecation } : {}),
    };
  }

  /** Stream properties by name, and `$value` for a media entity unless a property is called `content`. */
  private streams(template: string, type: StructuredType): StreamNode[] {
    const properties = allProperties(this.model, type).properties;
    const streams: StreamNode[] = properties.filter((p) => p.type.name === "Edm.Stream" && !p.type.collection).map((p) => ({ segment: p.name, template: `${template}/${p.name}` }));
    const hasStream = type.hasStream || baseChain(this.model, type).some((t) => t.hasStream);
    if (hasStream && !properties.some((p) => p.name.toLowerCase() === "content")) streams.push({ segment: "$value", template: `${template}/$value` });
    return streams;
  }

  /** One operation per name: the one bound nearest to the type wins (a derived type's override). */
  private operations(segments: readonly string[], template: string, type: StructuredType, collection: boolean): OperationNode[] {
    const distance = new Map([type, ...baseChain(this.model, type)].map((t, i) => [t.fullName, i]));
    const suffix = collection ? "[]" : "";
    const candidates = [type, ...baseChain(this.model, type)].flatMap((t) => this.bound.get(`${t.fullName}${suffix}`) ?? []).sort(
      (a, b) => compare(a.name, b.name) || (distance.get(a.binding!.type.name) ?? 0) - (distance.get(b.binding!.type.name) ?? 0),
    );
    const nodes: OperationNode[] = [];
    const seen = new Set<string>();
    for (const operation of candidates) {
      const segment = operation.namespace === this.rootNamespace ? operation.name : operation.fullName;
      if (seen.has(segment) || !isIncluded(this.patterns, [...segments, segment])) continue;
      seen.add(segment);
      const method = operation.kind === "function" ? "GET" : "POST";
      nodes.push({ operation, segment, template: `${template}/${segment}`, method });
    }
    return nodes;
  }

  private declaringType(owner: StructuredType, nav: NavigationProperty): string {
    const chain = [owner, ...baseChain(this.model, owner)];
    return (chain.find((t) => t.navigationProperties.includes(nav)) ?? owner).fullName;
  }

  /**
   * Whether `$ref` requests apply: where `NavigationRestrictions/Referenceable` says so, and on the directory's
   * non-contained relationships (members, owners, manager, sponsors, ...), which Graph manages by reference
   * though its metadata marks few of them. Other non-contained navigation (`createdByUser`) is read-only.
   */
  private referenceable(owner: StructuredType, nav: NavigationProperty, annotated: boolean | undefined): boolean {
    if (annotated !== undefined) return annotated;
    const target = structuredType(this.model, nav.type.name);
    return !nav.containsTarget && this.isDirectoryObject(owner) && target !== undefined && this.isDirectoryObject(target);
  }

  /** The entity set a reference points into: the target type's own set, else its nearest base type's. */
  private referenceTarget(nav: NavigationProperty): { entitySet: string } | undefined {
    const type = structuredType(this.model, nav.type.name);
    if (!type) return undefined;
    for (const candidate of [type, ...baseChain(this.model, type)]) {
      const set = this.entitySets.find((s) => s.entityType === candidate.fullName);
      if (set) return { entitySet: set.name };
    }
    return undefined;
  }

  private isDirectoryObject(type: StructuredType): boolean {
    return type.fullName === DIRECTORY_OBJECT || baseChain(this.model, type).some((t) => t.fullName === DIRECTORY_OBJECT);
  }
}

/** Segments joined by `/`, except a drive item path, which follows its parent as `:/{item-path}:`. */
function templateOf(segments: readonly string[], step: RequestStep): string {
  if (step !== "itemPath") return `/${segments.join("/")}`;
  return `/${segments.slice(0, -1).join("/")}:/${segments.at(-1)}:`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
