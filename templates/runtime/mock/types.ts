// The shapes the fake Graph shares between its modules: the route table it is generated with (what the
// client can call, from the same request tree), requests and replies, and Graph's error as a value.
import type { ValidationIssue } from "../runtime/validation.js";

export type Validate = (
  value: unknown,
  options?: { mode?: "create" | "update" | "read" },
) => { ok: true } | { ok: false; errors: ValidationIssue[] };

/** A bound action or function at one request path. */
export interface MockOperation {
  readonly kind: "action" | "function";
  readonly template: string;
  /** The declared return type, `Collection(...)` for collections; none for an action without one. */
  readonly returns?: string;
}

/** One request path of the client: an entity or a collection, what lies below it, what is bound to it. */
export interface MockNode {
  readonly kind: "entity" | "collection";
  /** The declared entity type (of the items, for a collection). */
  readonly type: string;
  readonly template: string;
  /** Non-contained navigation: the node holds references to entities that live in their own sets. */
  readonly reference?: boolean;
  /** Directory objects: `$count` needs the `ConsistencyLevel: eventual` header, as in Graph. */
  readonly eventual?: boolean;
  readonly children?: Readonly<Record<string, MockNode>>;
  /** The key segment of a collection. */
  readonly item?: MockNode;
  /** A drive item addressed by its path below this one (`root:/a/b.txt:`). */
  readonly itemPath?: MockNode;
  /** Bound operations by path segment. */
  readonly operations?: Readonly<Record<string, MockOperation>>;
}

export interface MockType {
  readonly base?: string;
  readonly abstract?: boolean;
  /** A media entity: its content is read and written at `/$value`. */
  readonly stream?: boolean;
  /** Declared properties (inherited ones are the base's): name -> type name, `Collection(...)` for collections. */
  readonly properties: Readonly<Record<string, string>>;
  /** Properties the service sets (`Core.Computed`, or the key): ignored on write, as Graph does. */
  readonly readOnly?: readonly string[];
  /** The generated validator: request bodies are checked with it, `create` for POST and `update` for PATCH. */
  readonly validate?: Validate;
}

export interface MockSchema {
  /** Entity sets and singletons, by their root segment. */
  readonly roots: Readonly<Record<string, MockNode>>;
  /** Entity types of the routes, with their bases and derived types, by full name. */
  readonly types: Readonly<Record<string, MockType>>;
  /** Enum types the routes' properties use: `$filter` compares them like strings. */
  readonly enums: readonly string[];
  /** Navigation Graph computes from another one's references (`memberOf` from groups' `members`). */
  readonly derived: readonly DerivedNavigation[];
  /** Enum type -> its members as declared: a value sent in another case (`Low`) is kept as declared (`low`). */
  readonly enumMembers?: Readonly<Record<string, readonly string[]>>;
  /** Entity type -> its entity set: Graph's `@odata.context` for a reference names it (`#directoryObjects`). */
  readonly entitySets?: Readonly<Record<string, string>>;
  /** What Graph's reference documents its servers doing beyond the metadata, by type (generator/mock/documented-behaviour.ts). */
  readonly documented?: Readonly<Record<string, DocumentedBehaviour>>;
}

/** A value the server fills in on create when the body has none. */
export type ServerValue =
  | { readonly constant: unknown }
  | { readonly generated: "guid" | "text" | "now" | "sid" }
  | { readonly composed: readonly string[] }
  | { readonly signedIn: "recipient" | "identitySet" };

/** One type's documented behaviours; each member from rows of the table, with their reference pages. */
export interface DocumentedBehaviour {
  /** Answered without `$select`; unset ones as in `unset`. Other properties only when selected. */
  readonly defaultSelect?: readonly string[];
  /** Answered as this (null, or `[]` for a collection) when unset. */
  readonly unset?: Readonly<Record<string, null | readonly []>>;
  /** Answered only when `$select` names them. */
  readonly selectOnly?: readonly string[];
  readonly serverValues?: Readonly<Record<string, ServerValue>>;
  /** Write-only: answered as `******` (masked) or never (omitted). */
  readonly secrets?: Readonly<Record<string, "masked" | "omitted">>;
  /** A create without them answers 400. */
  readonly required?: readonly string[];
  /** Items per page when neither `$top` nor the mock's `pageSize` option says otherwise. */
  readonly pageSize?: number;
  /** PATCH answers 200 with the updated entity. */
  readonly updateAnswersEntity?: boolean;
  /** Bound action name -> the status it answers instead of 204. */
  readonly actionStatus?: Readonly<Record<string, number>>;
}

/** `navigation` on entities of `type` is read from the references of `via` (generator/mock/derived-navigation.ts). */
export interface DerivedNavigation {
  readonly type: string;
  readonly navigation: string;
  readonly via: string;
  /** `reverse`: the entities whose `via` holds this one; `forward`: this entity's own `via`. */
  readonly direction: "reverse" | "forward";
  /** Followed through the entities reached (groups in groups). */
  readonly transitive?: boolean;
  /** The entity types whose `via` feeds it. */
  readonly from: readonly string[];
}

export type Entity = Record<string, unknown>;

/** A request as the mock sees it, whichever door it came in by (fetch, a socket or a $batch item). */
export interface MockRequest {
  readonly method: string;
  /** The path after the version segment, still percent-encoded: `/identity/apiConnectors`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
}

/** What the mock answers; `json` is serialised, `bytes` sent as they are. */
export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
  text?: string;
}

/** Thrown anywhere while serving a request; answered as Graph's error body with the request's ids. */
export class MockGraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly details: readonly { code: string; message: string; target: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
    details: readonly { code: string; message: string; target: string }[] = [],
  ) {
    super(message);
    this.name = "MockGraphError";
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.details = details;
  }
}

export function notFound(what: string): MockGraphError {
  const message = `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`;
  return new MockGraphError(404, "Request_ResourceNotFound", message);
}

export function badRequest(message: string, code = "BadRequest"): MockGraphError {
  return new MockGraphError(400, code, message);
}

/** 400 for what Graph serves but this mock does not, so a test never passes on behaviour Graph would not have. */
export function unsupported(what: string): MockGraphError {
  return new MockGraphError(400, "Request_UnsupportedQuery", `${what} is not supported by the mock Graph.`);
}
