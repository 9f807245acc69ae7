// The docs site's plan: from the model, the selection and the client's request tree (the same ones the
// code is generated from) to one view model per page. Pure: nothing here reads files or renders text.
import type { RequestNode } from "../client/request-tree.js";
import type { Model } from "../model/types.js";
import type { PermissionIndex } from "../permissions/tables.js";
import { permissionLookup } from "../client/permissions.js";
import { sitePages, type PagePath } from "./links.js";
import { planPathViews, type PathView } from "./paths-view.js";
import { planPermissionViews, requestsByPermission, type PermissionView } from "./permissions-view.js";
import { gatherRequests, type DocRequest } from "./requests.js";
import { planTypeView, propertyReferences, typeLabel, type TypeSite, type TypeUsage, type TypeView } from "./types-view.js";

export interface DocsInput {
  readonly model: Model;
  /** Full names of the generated types: each gets a page. */
  readonly types: readonly string[];
  readonly roots: readonly RequestNode[];
  readonly permissions: PermissionIndex;
  readonly rootNamespace: string;
  readonly packageName: string;
  /** What the examples import the client from: the package's name, or the relative path where it is imported in place. */
  readonly clientModule: string;
}

export interface SearchEntry {
  /** Name shown and searched. */
  readonly n: string;
  /** Kind: permission, type, path. */
  readonly k: string;
  /** Page path, without extension. */
  readonly u: PagePath;
  /** The start of the description, also searched. */
  readonly d: string;
}

export interface DocsPlan {
  readonly packageName: string;
  readonly clientModule: string;
  readonly permissions: readonly PermissionView[];
  readonly types: readonly TypeView[];
  readonly paths: readonly PathView[];
  readonly search: readonly SearchEntry[];
}

export function planDocs(input: DocsInput): DocsPlan {
  const requests = gatherRequests(input.roots, permissionLookup(input.permissions));
  const pages = sitePages(input.types, [...requestsByPermission(requests).keys()], [...new Set(requests.map((r) => r.template))]);
  const site: TypeSite = { model: input.model, rootNamespace: input.rootNamespace, pages };
  const paths = planPathViews(site, requests);
  const permissions = planPermissionViews(site, input.permissions, requests, paths);
  const usages = typeUsages(requests, paths);
  const references = propertyReferences(input.model, input.types);
  const types = input.types.flatMap((name) => {
    const type = input.model.types.get(name);
    return type ? [planTypeView(site, type, usages.get(name) ?? [], references.get(name) ?? [])] : [];
  });
  const search: SearchEntry[] = [
    ...permissions.map((p) => ({ n: p.name, k: "permission", u: p.page, d: brief(p.summary) })),
    ...paths.map((p) => ({ n: p.template, k: "path", u: p.page, d: p.requests.map((r) => r.method).join(" ") })),
    ...types.map((t) => ({ n: typeLabel(site, t.fullName).label, k: "type", u: t.page, d: brief(t.description) })),
  ];
  return { packageName: input.packageName, clientModule: input.clientModule, permissions, types, paths, search };
}

/** The requests that return or accept each type (by the type's full name). */
function typeUsages(requests: readonly DocRequest[], paths: readonly PathView[]): Map<string, TypeUsage[]> {
  const views = new Map(paths.flatMap((path) => path.requests.map((view) => [`${view.method} ${view.template}`, { page: path.page, anchor: view.anchor }] as const)));
  const usages = new Map<string, TypeUsage[]>();
  const add = (name: string | undefined, request: DocRequest, role: string) => {
    if (!name) return;
    const list = usages.get(name) ?? [];
    const view = views.get(`${request.method} ${request.template}`);
    if (!view) return;
    list.push({ method: request.method, template: request.template, ...view, role });
    usages.set(name, list);
  };
  for (const request of requests) {
    add(request.returns?.name, request, "returns");
    add(request.accepts?.name, request, "accepts");
  }
  return usages;
}

function brief(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

