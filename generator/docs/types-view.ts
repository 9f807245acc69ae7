// View models of the type pages: description, base and derived types, the properties table, the JSON
// representation as Graph's reference writes it, and the requests that return or accept the type.
import type { AnnotationValue } from "../csdl/raw.js";
import { allProperties, baseChain, structuredType } from "../model/queries.js";
import { isPrimitive, type Documented, type Model, type ModelType, type NavigationProperty, type Property, type TypeRef } from "../model/types.js";
import type { PagePath, SitePages } from "./links.js";

export interface TypeLabel {
  /** `String`, `thumbnailSet`, `microsoft.graph.search.identity` outside the root namespace. */
  readonly label: string;
  /** The type's page when the site has one. */
  readonly page: PagePath | null;
}

export interface PropertyRow {
  readonly name: string;
  readonly type: TypeLabel;
  readonly collection: boolean;
  readonly nullable: boolean;
  readonly description: string;
  /** `read-only`, `immutable`, `navigation`, `contained`: what a caller may do with it. */
  readonly notes: readonly string[];
  readonly deprecation: string | null;
  /** Declared on a base type. */
  readonly inheritedFrom: TypeLabel | null;
}

export interface TypeUsage {
  readonly method: string;
  readonly template: string;
  readonly page: PagePath;
  /** The method's section on the path page. */
  readonly anchor: string;
  /** `returns` or `accepts`. */
  readonly role: string;
}

export interface TypeView {
  readonly page: PagePath;
  readonly fullName: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly deprecation: string | null;
  readonly baseTypes: readonly TypeLabel[];
  readonly derivedTypes: readonly TypeLabel[];
  readonly properties: readonly PropertyRow[];
  readonly members: readonly { readonly name: string; readonly value: number; readonly description: string }[];
  readonly json: string;
  readonly usages: readonly TypeUsage[];
  /** Types with a property of this type. */
  readonly referencedBy: readonly TypeLabel[];
}

/** What the type views need to know about the rest of the site. */
export interface TypeSite {
  readonly model: Model;
  readonly rootNamespace: string;
  readonly pages: SitePages;
}

const EDM_JSON: Readonly<Record<string, string>> = {
  "Edm.DateTimeOffset": "String (timestamp)",
  "Edm.Date": "String (date)",
  "Edm.TimeOfDay": "String (time)",
  "Edm.Duration": "String (duration)",
  "Edm.Guid": "Guid",
  "Edm.Binary": "Binary",
  "Edm.Stream": "Stream",
};

export function typeLabel(site: TypeSite, fullName: string): TypeLabel {
  if (isPrimitive(fullName)) return { label: fullName.slice("Edm.".length), page: null };
  const label = fullName.startsWith(`${site.rootNamespace}.`) && !fullName.slice(site.rootNamespace.length + 1).includes(".")
    ? fullName.slice(site.rootNamespace.length + 1)
    : fullName;
  return { label, page: site.pages.type(fullName) ?? null };
}

export function planTypeView(site: TypeSite, type: ModelType, usages: readonly TypeUsage[], referencedBy: readonly string[]): TypeView {
  const structured = structuredType(site.model, type.fullName);
  return {
    page: site.pages.type(type.fullName) as PagePath,
    fullName: type.fullName,
    name: type.name,
    kind: structured ? `${structured.abstract ? "abstract " : ""}${structured.kind} type${structured.openType ? " (open)" : ""}` : type.kind === "enum" ? `enum${type.isFlags ? " (flags)" : ""}` : "type definition",
    description: describe(type),
    deprecation: deprecation(type),
    baseTypes: structured ? baseChain(site.model, structured).map((t) => typeLabel(site, t.fullName)) : [],
    derivedTypes: (site.model.derivedTypes.get(type.fullName) ?? []).map((name) => typeLabel(site, name)),
    properties: structured ? propertyRows(site, type.fullName) : [],
    members: type.kind === "enum" ? type.members.map((m) => ({ name: m.name, value: m.value, description: describe(m) })) : [],
    json: type.kind === "enum" || type.kind === "typeDefinition" ? JSON.stringify(jsonValue(site.model, { name: type.fullName, collection: false })) : jsonRepresentation(site, type.fullName),
    usages,
    referencedBy: referencedBy.map((name) => typeLabel(site, name)),
  };
}

/** For each type, the given types that declare a property of it (sorted, each once). */
export function propertyReferences(model: Model, typeNames: readonly string[]): Map<string, string[]> {
  const references = new Map<string, Set<string>>();
  for (const name of typeNames) {
    const type = structuredType(model, name);
    for (const p of [...(type?.properties ?? []), ...(type?.navigationProperties ?? [])]) {
      const owners = references.get(p.type.name) ?? new Set<string>();
      owners.add(name);
      references.set(p.type.name, owners);
    }
  }
  return new Map([...references].map(([type, owners]) => [type, [...owners].sort()]));
}

/** Structural then navigation properties, inherited ones first, as the model orders them. */
export function propertyRows(site: TypeSite, fullName: string): PropertyRow[] {
  const type = structuredType(site.model, fullName);
  if (!type) return [];
  const owners = [...baseChain(site.model, type).reverse(), type];
  const rows: PropertyRow[] = [];
  for (const owner of owners) {
    const inheritedFrom = owner === type ? null : typeLabel(site, owner.fullName);
    for (const p of owner.properties) rows.push(propertyRow(site, p, propertyNotes(p), p.nullable, inheritedFrom));
  }
  for (const owner of owners) {
    const inheritedFrom = owner === type ? null : typeLabel(site, owner.fullName);
    for (const n of owner.navigationProperties) rows.push(propertyRow(site, n, navigationNotes(n), n.nullable, inheritedFrom));
  }
  return rows;
}

/** `nullable` only for single values: on a collection CSDL's Nullable speaks of the items, and the collection itself is never null. */
function propertyRow(site: TypeSite, p: Property | NavigationProperty, notes: string[], nullable: boolean, inheritedFrom: TypeLabel | null): PropertyRow {
  return { name: p.name, type: typeLabel(site, p.type.name), collection: p.type.collection, nullable: nullable && !p.type.collection, description: describe(p), notes, deprecation: deprecation(p), inheritedFrom };
}

function propertyNotes(p: Property): string[] {
  return [...(p.readOnly ? ["read-only"] : []), ...(p.immutable ? ["immutable"] : [])];
}

function navigationNotes(n: NavigationProperty): string[] {
  return [n.containsTarget ? "contained navigation" : "navigation"];
}

/** The JSON representation the seed shows: each structural property with a placeholder for its type (ids as Graph's reference marks them). */
export function jsonRepresentation(site: TypeSite, fullName: string): string {
  const type = structuredType(site.model, fullName);
  if (!type) return "{}";
  const key = new Set(type.key ?? baseChain(site.model, type).find((t) => t.key)?.key ?? []);
  // No prototype: a property named `__proto__` is a key like any other.
  const body: Record<string, unknown> = Object.create(null);
  for (const p of allProperties(site.model, type).properties) {
    const identifier = (key.has(p.name) || p.name === "id") && p.type.name === "Edm.String";
    body[p.name] = identifier ? "String (identifier)" : jsonValue(site.model, p.type);
  }
  return JSON.stringify(body, null, 2);
}

function jsonValue(model: Model, ref: TypeRef): unknown {
  const single = jsonSingle(model, ref.name);
  return ref.collection ? [single] : single;
}

function jsonSingle(model: Model, name: string): unknown {
  if (isPrimitive(name)) return EDM_JSON[name] ?? name.slice("Edm.".length);
  const type = model.types.get(name);
  if (type?.kind === "enum") return type.name;
  if (type?.kind === "typeDefinition") return jsonSingle(model, type.underlyingType);
  return { "@odata.type": name };
}

/** Description and long description, as one paragraph each. */
export function describe(item: { description?: string; longDescription?: string }): string {
  return [item.description, item.longDescription].filter((t) => t && t.trim() !== "").join("\n\n");
}

/** `Core.Revisions` with Kind Deprecated: Graph's deprecation notice with its dates. */
export function deprecation(item: Documented): string | null {
  const revisions = item.annotations.get("Org.OData.Core.V1.Revisions");
  if (revisions?.kind !== "collection") return null;
  for (const revision of revisions.items) {
    if (revision.kind !== "record") continue;
    const field = (name: string) => text(revision.properties[name]);
    if (!field("Kind").endsWith("Deprecated")) continue;
    const dates = [field("Date") && `since ${field("Date")}`, field("RemovalDate") && `removal ${field("RemovalDate")}`].filter(Boolean);
    return `Deprecated${dates.length > 0 ? ` (${dates.join(", ")})` : ""}${field("Description") ? `: ${field("Description")}` : ""}`;
  }
  return null;
}

function text(value: AnnotationValue | undefined): string {
  if (!value) return "";
  if (value.kind === "string" || value.kind === "enumMember" || value.kind === "path") return value.value;
  if (value.kind === "int" || value.kind === "float" || value.kind === "bool") return String(value.value);
  return "";
}
