// Which types to emit: the closure of the included ones (base types, property and navigation
// types with the types derived from them, bound operations' parameter and return types), or all.
import { GraphgenError } from "./errors.js";
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
  const near = nearestNames(model, name);
  throw new GraphgenError(`no type named "${name}" in the metadata`, {
    hint: near.length > 0 ? `did you mean ${near.join(", ")}?` : "check the spelling, or use a full name such as microsoft.graph.user",
  });
}

/** Up to three type names within a small edit distance of a misspelt one. */
function nearestNames(model: Model, name: string): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 5));
  return [...model.types.values()]
    .map((t) => ({ fullName: t.fullName, distance: editDistance(wanted, t.name.toLowerCase()) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || (a.fullName < b.fullName ? -1 : 1))
    .slice(0, 3)
    .map((c) => c.fullName);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
