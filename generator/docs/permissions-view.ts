// View models of the permission pages, laid out as the seed page: what each scheme says and its id, the
// generated requests the permission allows (least privileged marked), the resources they return, an
// example call and the app-registration block to paste.
import { requiredResourceAccess, type RequestedPermission } from "../permissions/manifest.js";
import type { PermissionIndex, SchemeName } from "../permissions/tables.js";
import type { ExampleView } from "./examples.js";
import type { PagePath } from "./links.js";
import type { PathView, RequestView } from "./paths-view.js";
import type { DocRequest } from "./requests.js";
import { jsonRepresentation, propertyRows, typeLabel, type PropertyRow, type TypeLabel, type TypeSite } from "./types-view.js";

export interface SchemeView {
  readonly label: string;
  readonly displayName: string;
  readonly description: string;
  readonly userDisplayName: string | null;
  readonly userDescription: string | null;
  readonly id: string;
  readonly adminConsent: string;
  readonly privilegeLevel: string;
}

export interface AllowedRequest {
  readonly method: string;
  readonly template: string;
  readonly page: PagePath;
  readonly anchor: string;
  /** `delegated`, `application` or both, with `(least privileged)` where the tables say so. */
  readonly schemes: readonly { readonly kind: string; readonly least: boolean }[];
}

export interface ResourceView {
  readonly type: TypeLabel;
  readonly properties: readonly PropertyRow[];
  readonly json: string;
}

/** Resources beyond these are listed by link only: a tenant-wide permission can reach hundreds of types. */
const DETAILED_RESOURCES = 3;

export interface PermissionView {
  readonly page: PagePath;
  readonly name: string;
  readonly summary: string;
  readonly schemes: readonly SchemeView[];
  readonly requests: readonly AllowedRequest[];
  readonly resources: readonly ResourceView[];
  readonly moreResources: readonly TypeLabel[];
  readonly example: (ExampleView & { readonly template: string }) | null;
  readonly requiredResourceAccess: string;
}

const SCHEME_LABELS: Readonly<Record<string, string>> = {
  DelegatedWork: "Delegated (work or school account)",
  DelegatedPersonal: "Delegated (personal Microsoft account)",
  Application: "Application",
};

/** The permissions any generated request accepts, sorted by name, one view each. */
export function planPermissionViews(site: TypeSite, index: PermissionIndex, requests: readonly DocRequest[], paths: readonly PathView[]): PermissionView[] {
  const views = new Map<string, RequestView>();
  for (const path of paths) for (const view of path.requests) views.set(`${view.method} ${view.template}`, view);
  const allowedBy = requestsByPermission(requests);
  return [...allowedBy.keys()].sort().map((name) => permissionView(site, index, name, allowedBy.get(name) ?? [], views));
}

/** Each permission that accepts a generated request (any scheme), with the requests it accepts. */
export function requestsByPermission(requests: readonly DocRequest[]): Map<string, DocRequest[]> {
  const allowedBy = new Map<string, DocRequest[]>();
  for (const request of requests) {
    for (const name of new Set([...request.permissions.accepted.delegated, ...request.permissions.accepted.application])) {
      const list = allowedBy.get(name) ?? [];
      list.push(request);
      allowedBy.set(name, list);
    }
  }
  return allowedBy;
}

function permissionView(site: TypeSite, index: PermissionIndex, name: string, allowed: readonly DocRequest[], views: ReadonlyMap<string, RequestView>): PermissionView {
  const info = index.permissions.get(name);
  const schemes: SchemeView[] = [...(info?.schemes ?? new Map())].map(([scheme, s]) => ({
    label: SCHEME_LABELS[scheme] ?? scheme,
    displayName: s.adminDisplayName ?? "",
    description: s.adminDescription ?? "",
    userDisplayName: s.userDisplayName ?? null,
    userDescription: s.userDescription ?? null,
    id: info?.ids.get(scheme as SchemeName) ?? "(not in provisioningInfo.json)",
    adminConsent: s.requiresAdminConsent === undefined ? "unknown" : s.requiresAdminConsent ? "Yes" : "No",
    privilegeLevel: s.privilegeLevel === undefined ? "unknown" : String(s.privilegeLevel),
  }));
  const allowedRequests = allowed.map((r): AllowedRequest => {
    const kinds = [
      { kind: "delegated", in: r.permissions.accepted.delegated, least: r.permissions.least?.delegated },
      { kind: "application", in: r.permissions.accepted.application, least: r.permissions.least?.application },
    ];
    return {
      method: r.method,
      template: r.template,
      page: site.pages.path(r.template),
      anchor: views.get(`${r.method} ${r.template}`)?.anchor ?? "",
      schemes: kinds.filter((k) => k.in.includes(name)).map((k) => ({ kind: k.kind, least: k.least?.some((l) => l.name === name) ?? false })),
    };
  });
  const returned = [...new Set(allowed.flatMap((r) => (r.returns && site.model.types.has(r.returns.name) ? [r.returns.name] : [])))];
  // The example: a write the permission is least privileged for (what it is asked for), else its first request.
  const chosen = allowedRequests.find((r) => r.method !== "GET" && r.schemes.some((s) => s.least)) ?? allowedRequests[0];
  const example = chosen ? views.get(`${chosen.method} ${chosen.template}`) : undefined;
  const grant = (scheme: SchemeName): RequestedPermission[] => {
    const usedAs = scheme === "Application" ? "application" : "delegated";
    const id = info?.ids.get(scheme);
    return allowedRequests.some((r) => r.schemes.some((s) => s.kind === usedAs)) && info?.schemes.has(scheme) ? [{ name, scheme, ...(id ? { id } : {}) }] : [];
  };
  const block = requiredResourceAccess({ delegated: grant("DelegatedWork"), application: grant("Application") });
  return {
    page: site.pages.permission(name),
    name,
    summary: schemes.find((s) => s.label === "Application")?.description ?? schemes[0]?.description ?? "",
    schemes,
    requests: allowedRequests,
    resources: returned.slice(0, DETAILED_RESOURCES).map((type) => ({ type: typeLabel(site, type), properties: propertyRows(site, type), json: jsonRepresentation(site, type) })),
    moreResources: returned.slice(DETAILED_RESOURCES).map((type) => typeLabel(site, type)),
    example: example ? { ...example.example, template: example.template } : null,
    requiredResourceAccess: JSON.stringify({ requiredResourceAccess: block }, null, 2),
  };
}
