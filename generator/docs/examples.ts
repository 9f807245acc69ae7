// The example call of one request, three ways: with the generated client, with
// @microsoft/microsoft-graph-client, and as HTTP. Views carry the pieces; templates/docs/partials/
// examples.hbs lays out the code around them.
import { requestBuilderMember } from "../naming.js";
import { isKeySegment, type OperationNode, type RequestNode } from "../client/request-tree.js";
import { allProperties, concreteTypes, structuredType } from "../model/queries.js";
import { isPrimitive, type Model, type Parameter, type TypeRef } from "../model/types.js";

export interface ExampleView {
  /** `graph.identity.apiConnectors`: the request builder the call is made on. */
  readonly clientChain: string;
  /** `create`: the builder's method. */
  readonly clientMember: string;
  /** The @microsoft/microsoft-graph-client request method: `get`, `post`, `patch`, `delete`. */
  readonly sdkMethod: string;
  /** The request path as a string literal. */
  readonly httpPathLiteral: string;
  readonly method: string;
  /** The request path as sent, after https://graph.microsoft.com/v1.0 */
  readonly httpPath: string;
  /** The request body as JSON, or null. */
  readonly body: string | null;
  /** What the generated client's call takes: the body, or a function's parameters (which HTTP puts in the path). */
  readonly clientArgument: { readonly name: string; readonly json: string } | null;
  /** The call gives back a value worth naming. */
  readonly returnsValue: boolean;
}

/** The builder methods every request builder has; navigation and operation members that clash get `_` (see client-builders). */
const BUILDER_METHODS = ["get", "update", "delete", "list", "listAll", "create", "byId"];

const CLIENT_METHOD: Readonly<Record<string, string>> = { list: "list", create: "create", get: "get", update: "update", delete: "delete" };
const SDK_METHOD: Readonly<Record<string, string>> = { GET: "get", POST: "post", PATCH: "patch", DELETE: "delete", PUT: "put" };

/** The member names of a node's children and operations, as the request builder declares them. */
export function builderMembers(node: RequestNode): Map<string, string> {
  const taken = new Set(BUILDER_METHODS);
  const members = new Map<string, string>();
  for (const child of node.children) members.set(child.segments.at(-1) as string, requestBuilderMember(child.segments.at(-1) as string, taken));
  for (const op of node.operations) members.set(op.segment, requestBuilderMember(op.operation.name, taken));
  return members;
}

/** `graph.identity.apiConnectors.byId("…")`: the way from the client to a node's builder. */
export function builderChain(ancestors: readonly RequestNode[], node: RequestNode): string {
  const parts = ["graph"];
  const path = [...ancestors, node];
  path.forEach((current, i) => {
    const segment = current.segments.at(-1) as string;
    if (i === 0) parts.push(accessor(segment));
    else if (isKeySegment(segment)) parts.push(`byId(${JSON.stringify(segment.slice(1, -1))})`);
    else parts.push(accessor(builderMembers(path[i - 1] as RequestNode).get(segment) ?? segment));
  });
  return parts.join(".").replace(/\.\[/g, "[");
}

function accessor(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `[${JSON.stringify(name)}]`;
}

export function requestExample(model: Model, chain: string, node: RequestNode, role: string, method: string, operation: OperationNode | undefined): ExampleView {
  const member = operation ? builderMembers(node).get(operation.segment) ?? operation.operation.name : CLIENT_METHOD[role] ?? role;
  const entityBody = method === "POST" || method === "PATCH" ? sampleEntity(model, node.entityType) : undefined;
  const parameters = operation ? sampleParameters(model, operation.operation.parameters) : undefined;
  const isFunction = operation?.operation.kind === "function";
  const body = operation ? (isFunction ? undefined : parameters) : entityBody;
  const httpPath = isFunction && parameters ? `${operation.template}(${functionArguments(parameters)})` : (operation?.template ?? node.template);
  const bodyText = body ? JSON.stringify(body, null, 2) : null;
  const clientArgument = isFunction && parameters ? { name: "parameters", json: JSON.stringify(parameters, null, 2) } : bodyText ? { name: "body", json: bodyText } : null;
  return {
    clientChain: chain,
    // requestBuilderMember always gives an identifier.
    clientMember: member,
    sdkMethod: SDK_METHOD[method] ?? method.toLowerCase(),
    httpPathLiteral: JSON.stringify(httpPath),
    method,
    httpPath,
    body: bodyText,
    clientArgument,
    returnsValue: operation ? operation.operation.returnType !== undefined : method === "GET" || method === "POST",
  };
}

/** A few writable properties with placeholder values: enough to show the shape, short enough to read. */
function sampleEntity(model: Model, fullName: string): Record<string, unknown> | undefined {
  const declared = structuredType(model, fullName);
  if (!declared) return undefined;
  const concrete = structuredType(model, concreteTypes(model, fullName)[0] ?? fullName) ?? declared;
  const body: Record<string, unknown> = Object.create(null);
  if (concrete.fullName !== fullName) body["@odata.type"] = `#${concrete.fullName}`;
  const writable = allProperties(model, concrete).properties.filter((p) => !p.readOnly && p.name !== "id" && sampleValue(model, p.type) !== undefined);
  for (const p of writable.slice(0, 4)) body[p.name] = sampleValue(model, p.type);
  return body;
}

function sampleParameters(model: Model, parameters: readonly Parameter[]): Record<string, unknown> | undefined {
  if (parameters.length === 0) return undefined;
  return Object.fromEntries(parameters.map((p) => [p.name, sampleValue(model, p.type) ?? {}]));
}

function functionArguments(parameters: Record<string, unknown>): string {
  return Object.entries(parameters).map(([name, value]) => `${name}=${typeof value === "string" ? `'${value}'` : JSON.stringify(value)}`).join(",");
}

const PRIMITIVE_SAMPLES: Readonly<Record<string, unknown>> = {
  "Edm.String": "String",
  "Edm.Boolean": true,
  "Edm.DateTimeOffset": "2024-01-01T00:00:00Z",
  "Edm.Date": "2024-01-01",
  "Edm.Guid": "00000000-0000-0000-0000-000000000000",
  "Edm.Duration": "PT1H",
  "Edm.TimeOfDay": "08:00:00",
  "Edm.Binary": "AA==",
};

function sampleValue(model: Model, ref: TypeRef): unknown {
  const single = (): unknown => {
    if (isPrimitive(ref.name)) return ref.name in PRIMITIVE_SAMPLES ? PRIMITIVE_SAMPLES[ref.name] : ref.name === "Edm.Stream" ? undefined : 0;
    const type = model.types.get(ref.name);
    if (type?.kind === "enum") return type.members[0]?.name;
    if (type?.kind === "typeDefinition") return sampleValue(model, { name: type.underlyingType, collection: false });
    return undefined;
  };
  const value = single();
  return value === undefined ? undefined : ref.collection ? [value] : value;
}
