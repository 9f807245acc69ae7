// Which types to emit: the closure of the included ones (base types, property and navigation
// types with the types derived from them, bound operations' parameter and return types), or all.
// The request paths' types bring the same closure without following navigation properties: the paths
// say which entities the app reaches, and following `user.calendar`, `user.chats`... from /users
// pulled in all of Graph (3,718 types for six paths, 337 without). See narrowNavigation.
import { GraphgenError } from "./errors.js";
import { closest } from "./suggest.js";
import { baseChain, concreteTypes, descendants, isStructured, structuredType } from "./model/queries.js";
import { isPrimitive, type Model, type ModelType, type NavigationProperty, type Operation, type StructuredType, type TypeRef } from "./model/types.js";

export interface SelectionOptions {
  include: readonly string[];
  all: boolean;
  /** Short names are looked up here first (`identity` -> `microsoft.graph.identity`). */
  rootNamespace: string;
  /** The request paths' types (full names), emitted with their derived types and closure, navigation not followed. */
  pathTypes?: readonly string[];
}

export interface Selection {
  /** Full names of the types to emit, sorted. */
  readonly types: readonly string[];
  /** Operations bound to a selected type, in model order. */
  readonly boundOperations: readonly Operation[];
  /** The model as the emitters see it: navigation properties retyped to stay inside the selection (narrowNavigation). */
  readonly model: Model;
}

export function selectTypes(model: Model, options: SelectionOptions): Selection {
  const operationsByBinding = groupBoundOperations(model);
  const selected = options.all ? selectAll(model, options.pathTypes ?? []) : closure(model, options, operationsByBinding);
  const types = [...selected].sort();
  return { types, boundOperations: types.flatMap((t) => operationsByBinding.get(t) ?? []), model: narrowNavigation(model, selected) };
}

/**
 * `all`: every type, each followed, which is what the closure below reaches from all of them (every reference of a
 * model names one of its types, checked when it is built), without walking each type's references.
 */
function selectAll(model: Model, pathTypes: readonly string[]): Set<string> {
  return new Set([...model.types.keys(), ...pathTypes]);
}

function closure(model: Model, options: SelectionOptions, operationsByBinding: ReadonlyMap<string, readonly Operation[]>): Set<string> {
  const selected = new Set<string>();
  // Types whose navigation properties have been followed: those reached from `include`.
  const navigated = new Set<string>();
  const pending: [name: string, follow: boolean][] = [
    ...options.include.map((n) => [resolveTypeName(model, n, options.rootNamespace), true] as [string, boolean]),
    ...(options.pathTypes ?? []).flatMap((n) => [n, ...concreteTypes(model, n)].map((c) => [c, false] as [string, boolean])),
  ];
  const addRef = (ref: TypeRef | undefined, follow: boolean, constraint?: readonly string[]) => {
    if (!ref || isPrimitive(ref.name)) return;
    pending.push([ref.name, follow]);
    if (isStructured(model.types.get(ref.name))) pending.push(...concreteTypes(model, ref.name, constraint).map((c) => [c, follow] as [string, boolean]));
  };
  while (pending.length > 0) {
    const [name, follow] = pending.pop() as [string, boolean];
    const type = structuredType(model, name);
    if (follow && !navigated.has(name)) {
      navigated.add(name);
      for (const p of type?.navigationProperties ?? []) addRef(p.type, true, p.derivedTypeConstraint);
      // A type first reached without following navigation is now followed: its closure is revisited below.
      if (selected.has(name)) selected.delete(name);
    }
    if (selected.has(name)) continue;
    selected.add(name);
    if (!type) continue;
    if (type.baseType) pending.push([type.baseType, follow]);
    for (const p of type.properties) addRef(p.type, follow, p.derivedTypeConstraint);
    for (const operation of operationsByBinding.get(name) ?? []) {
      for (const p of operation.parameters) addRef(p.type, follow);
      addRef(operation.returnType?.type, follow);
    }
  }
  return selected;
}

/**
 * A navigation property whose type is outside the selection is typed as its nearest selected base
 * (`user.calendar` as `entity`: the id, no derived type), so no emitted module names a type that was not emitted; one with
 * no selected base is left out. Graph sends a navigation property only when asked (`$expand`), and a
 * path to it (`/me/calendar`) brings its type in. The model is unchanged when nothing points outside.
 */
function narrowNavigation(model: Model, selected: ReadonlySet<string>): Model {
  // With every type selected (`--all`), a navigation property's type and its derived types all are: nothing to narrow.
  let everyType = true;
  for (const name of model.types.keys()) if (!selected.has(name)) everyType = false;
  let types: Map<string, ModelType> | undefined;
  for (const [name, type] of model.types) {
    if (!selected.has(name) || (type.kind !== "entity" && type.kind !== "complex")) continue;
    const navigationProperties = type.navigationProperties.flatMap((p) => narrowed(model, p, selected, everyType));
    if (navigationProperties.every((p, i) => p === type.navigationProperties[i]) && navigationProperties.length === type.navigationProperties.length) continue;
    (types ??= new Map(model.types)).set(name, { ...type, navigationProperties });
  }
  return types ? { ...model, types } : model;
}

/** The property as it is, retyped to its nearest selected base, limited to its selected derived types, or left out. */
function narrowed(model: Model, p: NavigationProperty, selected: ReadonlySet<string>, everyType: boolean): NavigationProperty[] {
  if (selected.has(p.type.name)) {
    if (everyType) return [p];
    // A type selected as a base (`outlookItem` of `message`) may have derived types that were not: the union names the selected ones.
    const concrete = concreteTypes(model, p.type.name, p.derivedTypeConstraint).filter((c) => c !== p.type.name);
    const kept = concrete.filter((c) => selected.has(c));
    if (kept.length === concrete.length) return [p];
    // A constraint admits its types' descendants too: it names the kept ones only when none of theirs was left out.
    const closed = kept.every((c) => descendants(model, c).every((d) => selected.has(d) || structuredType(model, d)?.abstract));
    return [{ ...p, derivedTypeConstraint: closed ? kept : [] }];
  }
  const target = structuredType(model, p.type.name);
  const base = target && baseChain(model, target).find((t: StructuredType) => selected.has(t.fullName));
  // No derived type is allowed: the base alone (`Entity`), not the union of every type derived from it.
  return base ? [{ ...p, type: { ...p.type, name: base.fullName }, derivedTypeConstraint: [] }] : [];
}

function groupBoundOperations(model: Model): Map<string, Operation[]> {
  const groups = new Map<string, Operation[]>();
  for (const operation of model.operations) {
    if (!operation.binding) continue;
    const list = groups.get(operation.binding.type.name) ?? [];
    list.push(operation);
    groups.set(operation.binding.type.name, list);
  }
  return groups;
}

/** A full name as given, or a short name looked up in the root namespace, then in all others. */
export function resolveTypeName(model: Model, name: string, rootNamespace: string): string {
  if (model.types.has(name)) return name;
  const inRoot = `${rootNamespace}.${name}`;
  if (model.types.has(inRoot)) return inRoot;
  const matches = [...model.types.values()].filter((t) => t.name === name).map((t) => t.fullName);
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) {
    throw new GraphgenError(`the type name "${name}" is ambiguous: ${matches.join(", ")}`, {
      hint: "give the full name in --include",
    });
  }
  const near = nearestNames(model, name, rootNamespace);
  throw new GraphgenError(`no type named "${name}" in the metadata`, {
    hint: near.length > 0 ? `did you mean ${near.join(", ")}?` : "check the spelling, or use a full name such as microsoft.graph.user",
  });
}

/**
 * Up to three type names near a misspelt one, as full names: a dotted name is compared within its namespace
 * (`microsoft.graph.userr` -> `microsoft.graph.user`), a short one by short name, the root namespace first on ties.
 */
function nearestNames(model: Model, name: string, rootNamespace: string): string[] {
  const types = [...model.types.values()];
  const namespaceOf = (t: { fullName: string; name: string }) => t.fullName.slice(0, -t.name.length - 1);
  const dot = name.lastIndexOf(".");
  const inNamespace = dot < 0 ? [] : types.filter((t) => namespaceOf(t).toLowerCase() === name.slice(0, dot).toLowerCase());
  // The namespace itself is misspelt: compare whole names, closely.
  if (dot >= 0 && inNamespace.length === 0) return closest(name, types.map((t) => t.fullName), { within: 2 });
  const pool = dot < 0 ? types : inNamespace;
  const isRoot = (t: { fullName: string; name: string }) => namespaceOf(t) === rootNamespace;
  const names = closest(name.slice(dot + 1), pool.map((t) => t.name), { prefer: (n) => pool.some((t) => t.name === n && isRoot(t)) });
  return names.flatMap((n) => pool.filter((t) => t.name === n).sort((a, b) => Number(isRoot(b)) - Number(isRoot(a))).map((t) => t.fullName)).slice(0, 3);
}
