// Which types to emit: the closure of the included ones (base types, property and navigation
// types with the types derived from them, bound operations' parameter and return types), or all.
import { GraphgenError } from "./errors.js";
import { closest } from "./suggest.js";
import { concreteTypes, isStructured, structuredType } from "./model/queries.js";
import { isPrimitive, type Model, type Operation, type TypeRef } from "./model/types.js";

export interface SelectionOptions {
  include: readonly string[];
  all: boolean;
  /** Short names are looked up here first (`identity` -> `microsoft.graph.identity`). */
  rootNamespace: string;
}

export interface Selection {
  /** Full names of the types to emit, sorted. */
  readonly types: readonly string[];
  /** Operations bound to a selected type, in model order. */
  readonly boundOperations: readonly Operation[];
}

export function selectTypes(model: Model, options: SelectionOptions): Selection {
  const selected = new Set<string>();
  const pending = options.all ? [...model.types.keys()] : options.include.map((n) => resolveTypeName(model, n, options.rootNamespace));
  const operationsByBinding = groupBoundOperations(model);
  const addRef = (ref: TypeRef | undefined, constraint?: readonly string[]) => {
    if (!ref || isPrimitive(ref.name)) return;
    pending.push(ref.name);
    if (isStructured(model.types.get(ref.name))) pending.push(...concreteTypes(model, ref.name, constraint));
  };
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (selected.has(name)) continue;
    selected.add(name);
    const type = structuredType(model, name);
    if (!type) continue;
    if (type.baseType) pending.push(type.baseType);
    for (const p of type.properties) addRef(p.type, p.derivedTypeConstraint);
    for (const p of type.navigationProperties) addRef(p.type, p.derivedTypeConstraint);
    for (const operation of operationsByBinding.get(name) ?? []) {
      for (const p of operation.parameters) addRef(p.type);
      addRef(operation.returnType?.type);
    }
  }
  const types = [...selected].sort();
  return { types, boundOperations: types.flatMap((t) => operationsByBinding.get(t) ?? []) };
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
