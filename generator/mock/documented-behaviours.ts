// The documented-behaviour table (documented-behaviour.ts) resolved against the model: each row applies to the
// type it names and every type derived from it that the mock serves, merged per type into what the mock's
// runtime reads. A row naming a type or property the user's metadata lacks is skipped (a trimmed or older
// metadata); `unresolvedBehaviours` lists them, so the table can be checked against the full v1.0 metadata.
import { allProperties, descendants, structuredType } from "../model/queries.js";
import type { Model, StructuredType } from "../model/types.js";
import { DOCUMENTED_BEHAVIOURS, type BehaviourRow, type ServerValue } from "./documented-behaviour.js";

/** What the mock does for one type beyond the metadata, each member from rows of the table. */
export interface TypeBehaviour {
  /** Answered without `$select`; unset ones come as null (or `[]`). */
  readonly defaultSelect?: readonly string[];
  /** Answered as null (or `[]`, the value given) when unset. */
  readonly unset?: Readonly<Record<string, null | readonly []>>;
  /** Answered only when `$select` names them. */
  readonly selectOnly?: readonly string[];
  /** Filled in on create when the body has none. */
  readonly serverValues?: Readonly<Record<string, ServerValue>>;
  /** Never answered as written: `masked` as `******`, `omitted` not at all. */
  readonly secrets?: Readonly<Record<string, "masked" | "omitted">>;
  readonly required?: readonly string[];
  readonly pageSize?: number;
  readonly updateAnswersEntity?: true;
  /** Bound action name -> the status it answers. */
  readonly actionStatus?: Readonly<Record<string, number>>;
}

/** TypeBehaviour while rows are merged into it. */
interface Merging {
  defaultSelect?: readonly string[];
  unset?: Record<string, null | readonly []>;
  selectOnly?: readonly string[];
  serverValues?: Record<string, ServerValue>;
  secrets?: Record<string, "masked" | "omitted">;
  required?: readonly string[];
  pageSize?: number;
  updateAnswersEntity?: true;
  actionStatus?: Record<string, number>;
}

/** Behaviours by type full name, for the given types (those the mock serves and the complex types in them). */
export function documentedBehaviours(model: Model, types: readonly string[], rows: readonly BehaviourRow[] = DOCUMENTED_BEHAVIOURS): Map<string, TypeBehaviour> {
  const wanted = new Set(types);
  const found = new Map<string, Merging>();
  for (const row of rows) {
    const named = structuredType(model, row.type);
    if (!named || !resolves(model, named, row)) continue;
    for (const name of [row.type, ...descendants(model, row.type)]) {
      const type = structuredType(model, name);
      if (!type || !wanted.has(name)) continue;
      const behaviour = found.get(name) ?? {};
      apply(model, type, behaviour, row);
      found.set(name, behaviour);
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Rows whose type or properties the model lacks, with what is missing. */
export function unresolvedBehaviours(model: Model, rows: readonly BehaviourRow[] = DOCUMENTED_BEHAVIOURS): string[] {
  return rows.flatMap((row) => {
    const type = structuredType(model, row.type);
    if (!type) return [`${row.type}: no such type (${row.page})`];
    return propertiesOf(row).filter((name) => !declares(model, type, name)).map((name) => `${row.type}/${name}: no such property (${row.page})`);
  });
}

function resolves(model: Model, type: StructuredType, row: BehaviourRow): boolean {
  return propertiesOf(row).every((name) => declares(model, type, name));
}

function propertiesOf(row: BehaviourRow): readonly string[] {
  const { rule } = row;
  switch (rule.kind) {
    case "defaultSelect":
    case "answeredUnset":
    case "selectOnly":
    case "requiredOnCreate":
      return rule.properties;
    case "serverValue":
    case "secret":
      return [rule.property];
    default:
      return [];
  }
}

function declares(model: Model, type: StructuredType, name: string): boolean {
  const { properties, navigationProperties } = allProperties(model, type);
  return properties.some((p) => p.name === name) || navigationProperties.some((n) => n.name === name);
}

/** An unset property's answer: `[]` for a collection, else null. */
function unsetValue(model: Model, type: StructuredType, name: string): null | readonly [] {
  return allProperties(model, type).properties.find((p) => p.name === name)?.type.collection ? [] : null;
}

function apply(model: Model, type: StructuredType, behaviour: Merging, row: BehaviourRow): void {
  const { rule } = row;
  const unset = (names: readonly string[]) => {
    behaviour.unset = { ...behaviour.unset };
    for (const name of names) if (name !== "id") behaviour.unset[name] = unsetValue(model, type, name);
  };
  switch (rule.kind) {
    case "defaultSelect":
      behaviour.defaultSelect = rule.properties;
      return unset(rule.properties);
    case "answeredUnset":
      return unset(rule.properties);
    case "selectOnly":
      behaviour.selectOnly = [...(behaviour.selectOnly ?? []), ...rule.properties];
      return;
    case "serverValue":
      behaviour.serverValues = { ...behaviour.serverValues, [rule.property]: rule.value };
      return;
    case "secret":
      behaviour.secrets = { ...behaviour.secrets, [rule.property]: rule.answer };
      return;
    case "requiredOnCreate":
      behaviour.required = rule.properties;
      return;
    case "pageSize":
      behaviour.pageSize = rule.size;
      return;
    case "updateAnswersEntity":
      behaviour.updateAnswersEntity = true;
      return;
    case "actionStatus":
      behaviour.actionStatus = { ...behaviour.actionStatus, [rule.action]: rule.status };
      return;
  }
}
