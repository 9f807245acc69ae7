// View models of the request path pages: each path's methods with their parameters, body and result
// types, the permissions that allow them (least privileged marked) and an example call.
import { isKeySegment } from "../client/request-tree.js";
import { requestExample, builderChain, type ExampleView } from "./examples.js";
import type { PagePath } from "./links.js";
import type { DocRequest } from "./requests.js";
import { describe, typeLabel, type TypeLabel, type TypeSite } from "./types-view.js";

export interface PermissionCell {
  readonly name: string;
  readonly page: PagePath;
  readonly least: boolean;
}

export interface ParameterRow {
  readonly name: string;
  /** `path`, `query`, `body` or `function`. */
  readonly where: string;
  readonly type: TypeLabel;
  readonly collection: boolean;
  readonly description: string;
}

export interface RequestView {
  readonly anchor: string;
  readonly method: string;
  readonly template: string;
  readonly summary: string;
  readonly parameters: readonly ParameterRow[];
  readonly accepts: TypeLabel | null;
  readonly returns: TypeLabel | null;
  readonly returnsCollection: boolean;
  readonly delegated: readonly PermissionCell[];
  readonly application: readonly PermissionCell[];
  /** The permission tables do not list this request. */
  readonly unlisted: boolean;
  readonly example: ExampleView;
}

export interface PathView {
  readonly page: PagePath;
  readonly template: string;
  readonly resource: TypeLabel;
  readonly collection: boolean;
  readonly parent: { readonly template: string; readonly page: PagePath } | null;
  readonly requests: readonly RequestView[];
}

/** `an identityApiConnector`, `a user`. */
const withArticle = (type: string): string => `${/^[aeiou]/i.test(type) ? "an" : "a"} ${type}`;

const SUMMARIES: Readonly<Record<string, (type: string) => string>> = {
  list: (type) => `List ${type} items, one page per call.`,
  create: (type) => `Create ${withArticle(type)}.`,
  get: (type) => `Read ${withArticle(type)}.`,
  update: (type) => `Update ${withArticle(type)}: only the properties sent change.`,
  delete: (type) => `Delete ${withArticle(type)}.`,
};

const LIST_QUERY = ["$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search"];
const GET_QUERY = ["$select", "$expand"];
const QUERY_TYPE: Readonly<Record<string, string>> = { $top: "Edm.Int32", $skip: "Edm.Int32", $count: "Edm.Boolean" };

/** One page per request path, in request-tree order. */
export function planPathViews(site: TypeSite, requests: readonly DocRequest[]): PathView[] {
  const byTemplate = new Map<string, DocRequest[]>();
  for (const request of requests) {
    const group = byTemplate.get(request.template) ?? [];
    group.push(request);
    byTemplate.set(request.template, group);
  }
  const views: PathView[] = [];
  for (const [template, group] of byTemplate) {
    const first = group[0] as DocRequest;
    const parentTemplate = template.slice(0, template.lastIndexOf("/"));
    views.push({
      page: site.pages.path(template),
      template,
      resource: typeLabel(site, first.node.entityType),
      collection: first.node.kind === "collection" && !first.operation,
      parent: byTemplate.has(parentTemplate) ? { template: parentTemplate, page: site.pages.path(parentTemplate) } : null,
      requests: group.map((request) => requestView(site, request)),
    });
  }
  return views;
}

function requestView(site: TypeSite, request: DocRequest): RequestView {
  const { permissions } = request;
  const cells = (accepted: readonly string[], least: readonly { name: string }[] | undefined): PermissionCell[] =>
    accepted.map((name) => ({ name, page: site.pages.permission(name), least: least?.some((l) => l.name === name) ?? false }));
  const typeName = site.model.types.get(request.node.entityType)?.name ?? request.node.entityType;
  const summary = request.operation
    ? describe(request.operation.operation) || `The ${request.operation.operation.kind} ${request.operation.operation.fullName}.`
    : (SUMMARIES[request.role]?.(typeName) ?? request.role);
  return {
    anchor: `${request.method.toLowerCase()}-${request.role.replace(/[^A-Za-z0-9]/g, "-")}`,
    method: request.method,
    template: request.template,
    summary,
    parameters: parameterRows(site, request),
    // An action's body is its parameters object (listed above), not one of their types.
    accepts: request.accepts && !request.operation ? typeLabel(site, request.accepts.name) : null,
    returns: request.returns ? typeLabel(site, request.returns.name) : null,
    returnsCollection: request.returns?.collection ?? false,
    delegated: cells(permissions.accepted.delegated, permissions.least?.delegated),
    application: cells(permissions.accepted.application, permissions.least?.application),
    unlisted: permissions.least === undefined,
    example: requestExample(site.model, builderChain(request.ancestors, request.node), request.node, request.role, request.method, request.operation),
  };
}

function parameterRows(site: TypeSite, request: DocRequest): ParameterRow[] {
  const rows: ParameterRow[] = request.template
    .split("/")
    .filter(isKeySegment)
    .map((segment) => ({ name: segment, where: "path", type: typeLabel(site, "Edm.String"), collection: false, description: `The key of the ${segment.slice(1, -4)}.` }));
  const operation = request.operation?.operation;
  for (const p of operation?.parameters ?? []) {
    rows.push({ name: p.name, where: operation?.kind === "function" ? "function" : "body", type: typeLabel(site, p.type.name), collection: p.type.collection, description: describe(p) });
  }
  if (!operation && request.method === "GET") {
    const query = request.node.kind === "collection" ? LIST_QUERY : GET_QUERY;
    for (const name of query) rows.push({ name, where: "query", type: typeLabel(site, QUERY_TYPE[name] ?? "Edm.String"), collection: false, description: QUERY_TEXT[name] ?? "" });
  }
  return rows;
}

const QUERY_TEXT: Readonly<Record<string, string>> = {
  $select: "Properties to return (comma-separated).",
  $expand: "Navigation properties to include.",
  $filter: "An OData filter expression; Graph supports a subset per property.",
  $orderby: "Properties to sort by.",
  $top: "Page size.",
  $skip: "Items to skip.",
  $count: "Include @odata.count (may need ConsistencyLevel: eventual).",
  $search: "Search expression, where the resource supports it.",
};

