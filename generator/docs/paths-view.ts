// View models of the request path pages: each path's methods with their parameters, body and result
// types, the permissions that allow them (least privileged marked) and an example call.
import { creates, deletes, updates } from "../client/request-tree.js";
import { requestExample, builderChain, type ExampleView } from "./examples.js";
import type { PagePath } from "./links.js";
import { answersWithItem, type DocRequest } from "./requests.js";
import { describe, typeLabel, type TypeLabel, type TypeSite } from "./types-view.js";

export interface PermissionCell {
  readonly name: string;
  readonly page: PagePath;
  readonly least: boolean;
}

export interface ParameterRow {
  readonly name: string;
  /** `path`, `query`, `header`, `body` or `function`. */
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
  /** What Graph sends or expects beyond the types: plain-text counts, reference bodies, redirects, no content. */
  readonly notes: readonly string[];
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
  /** What the path addresses, before the resource's type: `A collection of`, `The number of items of`, ... */
  readonly lead: string;
  readonly parent: { readonly template: string; readonly page: PagePath } | null;
  readonly requests: readonly RequestView[];
}

/** `an identityApiConnector`, `a user`, `a unifiedRoleDefinition`, `an unmanagedDevice`. */
const withArticle = (type: string): string => `${/^(?:[aeio]|un(?!i))/i.test(type) ? "an" : "a"} ${type}`;

const SUMMARIES: Readonly<Record<string, (type: string, request: DocRequest) => string>> = {
  list: (type, { node }) => `List ${type} items, one page per call.${node.step === "cast" ? ` Only the items that are ${withArticle(type)}, typed as such.` : ""}`,
  create: (type) => `Create ${withArticle(type)}.`,
  count: (type) => `Count the ${type} items, with $filter and $search when given.`,
  get: (type, { node }) => `Read ${withArticle(type)}.${node.step === "cast" ? ` Found only when it is ${withArticle(type)}, and typed as such.` : ""}`,
  update: (type) => `Update ${withArticle(type)}: only the properties sent change.`,
  delete: (type) => `Delete ${withArticle(type)}.`,
  addRef: (type) => `Add a reference to an existing ${type}; nothing new is created.`,
  removeRef: (type, { node }) => (node.kind === "collection" ? `Remove the reference to one ${type}; the ${type} itself stays.` : `Clear the reference; the ${type} itself stays.`),
  setRef: (type) => `Point the reference at an existing ${type}.`,
  download: (type, { stream }) => `Download ${streamName(type, stream?.segment)}.`,
  upload: (type, { stream }) => `Upload ${streamName(type, stream?.segment)}, replacing what is there.`,
};

const streamName = (type: string, segment: string | undefined): string => (segment === "$value" ? `the ${type}'s content` : `the ${type}'s ${segment} stream`);

/** How Graph answers, where the types alone do not say it (Graph's API reference for each kind of request). */
function requestNotes(request: DocRequest): string[] {
  const { node } = request;
  const target = `${node.entityType.split(".").at(-1)}-id`;
  switch (request.kind) {
    case "count":
      return ["Graph answers with the number as plain text (text/plain), not JSON."];
    case "addRef":
    case "setRef":
      return [
        `Request body: {"@odata.id": "https://graph.microsoft.com/v1.0/${node.references?.entitySet}/{${target}}"}, the existing entity's URL (the client builds it from the id).`,
        "Graph answers 204 No Content.",
      ];
    case "removeRef":
    case "delete":
      return ["Graph answers 204 No Content."];
    case "download":
      return node.entityType.endsWith(".driveItem")
        ? ["Graph answers 302 Found with a short-lived, pre-authenticated download URL in Location (no Authorization header needed there); the client follows it and gives the bytes."]
        : ["Graph answers with the bytes."];
    case "upload":
      return answersWithItem(node, request.stream)
        ? ["Send the bytes with their Content-Type. Graph answers with the driveItem (201 Created for a new file, 200 OK otherwise). One request takes up to 250 MB; larger files need an upload session."]
        : ["Send the bytes with their Content-Type. Graph answers without a body."];
    default: {
      // A composable function's result is not contained either, but it is no navigation; a non-contained navigation
      // whose annotations let it change its entities (a folder's `children` takes new items) is not read-only.
      const changes = creates(node) || updates(node) || deletes(node);
      return node.contained || changes || node.step === "function" || request.kind === "operation"
        ? []
        : ["A non-contained navigation: it reads entities that live elsewhere, and changes them only by reference."];
    }
  }
}

const LIST_QUERY = ["$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search"];
const GET_QUERY = ["$select", "$expand"];
/** `$count` takes what narrows the set, nothing that shapes or pages it. */
const COUNT_QUERY = ["$filter", "$search"];
const QUERY_TYPE: Readonly<Record<string, string>> = { $top: "Edm.Int32", $skip: "Edm.Int32", $count: "Edm.Boolean" };
const QUERY: Readonly<Partial<Record<string, readonly string[]>>> = { list: LIST_QUERY, get: GET_QUERY, count: COUNT_QUERY };

const LEADS: Readonly<Partial<Record<string, string>>> = {
  count: "The number of items in a collection of",
  addRef: "References to",
  setRef: "The reference to",
  removeRef: "The reference to",
  download: "A stream of",
  upload: "A stream of",
};

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
    const parentTemplate = nearestParent(first, byTemplate);
    views.push({
      page: site.pages.path(template),
      template,
      resource: typeLabel(site, first.node.entityType),
      lead: LEADS[first.kind] ?? (first.node.kind === "collection" && !first.operation ? "A collection of" : "Resource:"),
      parent: parentTemplate ? { template: parentTemplate, page: site.pages.path(parentTemplate) } : null,
      requests: group.map((request) => requestView(site, request)),
    });
  }
  return views;
}

/** The closest node above the request in the request tree that has a page: its own node for `$count`, `$ref` and streams. */
function nearestParent(request: DocRequest, pages: ReadonlyMap<string, unknown>): string | undefined {
  const above = [...(request.template === request.node.template ? [] : [request.node]), ...[...request.ancestors].reverse()];
  return above.map((node) => node.template).find((template) => pages.has(template));
}

function requestView(site: TypeSite, request: DocRequest): RequestView {
  const { permissions } = request;
  const cells = (accepted: readonly string[], least: readonly { name: string }[] | undefined): PermissionCell[] =>
    accepted.map((name) => ({ name, page: site.pages.permission(name), least: least?.some((l) => l.name === name) ?? false }));
  const typeName = site.model.types.get(request.node.entityType)?.name ?? request.node.entityType;
  const summary = request.operation
    ? describe(request.operation.operation) || `The ${request.operation.operation.kind} ${request.operation.operation.fullName}.`
    : (SUMMARIES[request.kind]?.(typeName, request) ?? request.role);
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
    notes: requestNotes(request),
    delegated: cells(permissions.accepted.delegated, permissions.least?.delegated),
    application: cells(permissions.accepted.application, permissions.least?.application),
    unlisted: permissions.least === undefined,
    example: requestExample(site.model, builderChain(site.model, request.ancestors, request.node), request),
  };
}

function parameterRows(site: TypeSite, request: DocRequest): ParameterRow[] {
  // Keys (`{group-id}`) and a drive item's path (`:/{item-path}:`), wherever they sit in a segment.
  const rows: ParameterRow[] = [...request.template.matchAll(/\{[^{}]+\}/g)].map(([placeholder]) => ({
    name: placeholder,
    where: "path",
    type: typeLabel(site, "Edm.String"),
    collection: false,
    description: placeholder === "{item-path}" ? "The item's path below this one (folder/file.txt), each name percent-encoded." : `The key of the ${placeholder.slice(1, -4)}.`,
  }));
  const operation = request.operation?.operation;
  for (const p of operation?.parameters ?? []) {
    rows.push({ name: p.name, where: operation?.kind === "function" ? "function" : "body", type: typeLabel(site, p.type.name), collection: p.type.collection, description: describe(p) });
  }
  for (const name of QUERY[request.kind] ?? []) {
    rows.push({ name, where: "query", type: typeLabel(site, QUERY_TYPE[name] ?? "Edm.String"), collection: false, description: QUERY_TEXT[name] ?? "" });
  }
  const header = (name: string, description: string) => rows.push({ name, where: "header", type: typeLabel(site, "Edm.String"), collection: false, description });
  if (request.node.eventualConsistency && request.kind === "count") header("ConsistencyLevel", "eventual. Graph counts directory objects only with this header; without it the request fails.");
  if (request.node.eventualConsistency && request.kind === "list") header("ConsistencyLevel", "eventual: needed with $count, $search and advanced $filter queries on directory objects.");
  if (request.kind === "upload") header("Content-Type", "The content's media type, e.g. text/plain or image/jpeg. Required.");
  return rows;
}

const QUERY_TEXT: Readonly<Record<string, string>> = {
  $select: "Properties to return (comma-separated).",
  $expand: "Navigation properties to include.",
  $filter: "An OData filter expression; Graph supports a subset per property.",
  $orderby: "Properties to sort by.",
  $top: "Page size.",
  $skip: "Items to skip.",
  $count: "Include @odata.count, the number of items in all pages.",
  $search: "Search expression, where the resource supports it.",
};

