// The example call of one request, three ways: with the generated client, with
// @microsoft/microsoft-graph-client, and as HTTP. Views carry the pieces; templates/docs/partials/
// examples.hbs lays out the code around them.
import { requestBuilderMember, requestPathWord } from "../naming.js";
import type { OperationNode, RequestNode, RequestRole, StreamNode } from "../client/request-tree.js";
import { BUILDER_METHODS } from "../client/scope.js";
import type { Model } from "../model/types.js";
import { sampleEntity, sampleParameters } from "./samples.js";
import { answersWithItem } from "./requests.js";

export interface ExampleView {
  /** `graph.identity.apiConnectors`: the request builder the call is made on. */
  readonly clientChain: string;
  /** `create`, `count`, `content.download`: the builder's member that sends the request. */
  readonly clientMember: string;
  /** A value the generated client's call takes, declared first: the content of an upload. */
  readonly clientArgument: { readonly name: string; readonly json: string } | null;
  /** What goes between the call's parentheses. */
  readonly clientArguments: string;
  /** The @microsoft/microsoft-graph-client request method: `get`, `post`, `patch`, `put`, `delete`, `getStream`. */
  readonly sdkMethod: string;
  /** `.header("ConsistencyLevel", "eventual")`: what the SDK call sets before sending. */
  readonly sdkHeaders: string;
  /** The SDK's body, declared first, and what its call takes. */
  readonly sdkArgument: { readonly name: string; readonly json: string } | null;
  /** The request path for `client.api(...)`, as a string literal, with the same keys the generated client's example passes. */
  readonly sdkPathLiteral: string;
  readonly method: string;
  /** The request path as sent, after https://graph.microsoft.com/v1.0 */
  readonly httpPath: string;
  /** Header lines of the HTTP example: `ConsistencyLevel: eventual`, `Content-Type: application/json`. */
  readonly httpHeaders: readonly string[];
  /** The HTTP request body, or null. */
  readonly body: string | null;
  /** The call gives back a value worth naming. */
  readonly returnsValue: boolean;
}


const SDK_METHOD: Readonly<Record<string, string>> = { GET: "get", POST: "post", PATCH: "patch", DELETE: "delete", PUT: "put" };

/** Member names of a request builder, as the client declares them: streams, then children, then operations. */
export interface BuilderMembers {
  /** By stream segment (`$value`, `content`). */
  readonly streams: ReadonlyMap<string, string>;
  /** By the child's last segment (`apiConnectors`, `microsoft.graph.group`). */
  readonly children: ReadonlyMap<string, string>;
  /** By operation segment. */
  readonly operations: ReadonlyMap<string, string>;
}

export function builderMembers(node: RequestNode): BuilderMembers {
  const taken = new Set(BUILDER_METHODS);
  const streams = new Map(node.streams.map((s) => [s.segment, requestBuilderMember(s.segment === "$value" ? "content" : s.segment, taken)]));
  const children = new Map(
    node.children.map((child) => {
      const segment = child.segments.at(-1) as string;
      return [segment, requestBuilderMember(child.function ? child.function.operation.name : requestPathWord(segment), taken)];
    }),
  );
  const operations = new Map(node.operations.map((op) => [op.segment, requestBuilderMember(op.operation.name, taken)]));
  return { streams, children, operations };
}

/** `graph.identity.apiConnectors.byId("…")`, `graph.groups.byId("…").members.asUser`: the way from the client to a node's builder. */
export function builderChain(model: Model, ancestors: readonly RequestNode[], node: RequestNode): string {
  const parts = ["graph"];
  const path = [...ancestors, node];
  path.forEach((current, i) => {
    const segment = current.segments.at(-1) as string;
    const parent = path[i - 1];
    if (!parent) parts.push(accessor(segment));
    else if (current.step === "key") parts.push(`byId(${JSON.stringify(segment.slice(1, -1))})`);
    else if (current.step === "itemPath") parts.push(`byPath("folder/file.txt")`);
    else {
      const member = builderMembers(parent).children.get(segment) ?? segment;
      const parameters = current.function ? sampleParameters(model, current.function.operation.parameters) : undefined;
      parts.push(current.function ? `${member}(${parameters ? JSON.stringify(parameters) : ""})` : accessor(member));
    }
  });
  return parts.join(".").replace(/\.\[/g, "[");
}

/**
 * `"/identity/apiConnectors/identityApiConnector-id"`: a path the SDK can send as written, its keys the ones the
 * generated client's example passes to `byId` (and `byPath("folder/file.txt")`), not `{...}` placeholders.
 */
function sdkPath(template: string): string {
  return JSON.stringify(template.replace(/:\/\{[^}]*\}:/g, ":/folder/file.txt:").replace(/\{([^}]+)\}/g, "$1"));
}

function accessor(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `[${JSON.stringify(name)}]`;
}

/** What one request of the docs needs for its example. */
export interface ExampleRequest {
  readonly method: string;
  readonly template: string;
  readonly kind: RequestRole;
  readonly node: RequestNode;
  readonly operation?: OperationNode;
  readonly stream?: StreamNode;
}

export function requestExample(model: Model, chain: string, request: ExampleRequest): ExampleView {
  const { node, method } = request;
  const common: CommonExample = { clientChain: chain, sdkPathLiteral: sdkPath(request.template), method, httpPath: request.template, sdkMethod: SDK_METHOD[method] ?? method.toLowerCase() };
  const none = { ...common, clientArgument: null, clientArguments: "", sdkHeaders: "", sdkArgument: null, httpHeaders: [], body: null };
  const targetId = JSON.stringify(`${node.entityType.split(".").at(-1)}-id`);
  switch (request.kind) {
    case "operation":
      return operationExample(model, common, request.operation as OperationNode, builderMembers(node).operations.get((request.operation as OperationNode).segment));
    case "count":
      return countExample(none, node.eventualConsistency);
    case "addRef":
    case "setRef":
      return referenceExample(none, request.kind, node);
    case "removeRef":
      // A collection's reference is removed by the target's id; a single-valued one is cleared.
      return { ...none, clientMember: "removeRef", clientArguments: node.kind === "collection" ? targetId : "", returnsValue: false };
    case "download":
      return { ...none, clientMember: `${streamMember(node, request.stream)}.download`, sdkMethod: "getStream", returnsValue: true };
    case "upload":
      return uploadExample(none, node, request.stream);
    default:
      return entityExample(none, request.kind, method === "POST" || method === "PATCH" ? sampleEntity(model, node.entityType, method === "POST") : undefined);
  }
}

/** The example of a request with no body or options, which each kind fills in. */
type BareExample = Omit<ExampleView, "clientMember" | "returnsValue">;

/** Graph counts directory objects only with ConsistencyLevel: eventual (the client's option sends it). */
function countExample(bare: BareExample, eventual: boolean): ExampleView {
  return {
    ...bare,
    clientMember: "count",
    clientArguments: eventual ? `{ consistencyLevel: "eventual" }` : "",
    sdkHeaders: eventual ? `.header("ConsistencyLevel", "eventual")` : "",
    httpHeaders: eventual ? ["ConsistencyLevel: eventual"] : [],
    returnsValue: true,
  };
}

/** The client takes the target's id; the request body is the target's URL in its entity set. */
function referenceExample(bare: BareExample, member: string, node: RequestNode): ExampleView {
  const target = `${node.entityType.split(".").at(-1)}-id`;
  const body = JSON.stringify({ "@odata.id": `https://graph.microsoft.com/v1.0/${node.references?.entitySet}/{${target}}` }, null, 2);
  return {
    ...bare,
    clientMember: member,
    clientArguments: JSON.stringify(target),
    sdkArgument: { name: "body", json: body },
    httpHeaders: ["Content-Type: application/json"],
    body,
    returnsValue: false,
  };
}

function uploadExample(bare: BareExample, node: RequestNode, stream: StreamNode | undefined): ExampleView {
  const content = sampleContent(node, stream);
  return {
    ...bare,
    clientMember: `${streamMember(node, stream)}.upload`,
    clientArgument: { name: "content", json: content.client },
    clientArguments: `content, { contentType: ${JSON.stringify(content.type)} }`,
    sdkHeaders: `.header("Content-Type", ${JSON.stringify(content.type)})`,
    sdkArgument: { name: "content", json: content.client },
    httpHeaders: [`Content-Type: ${content.type}`],
    body: content.http,
    returnsValue: answersWithItem(node, stream),
  };
}

/** list, create, get, update, delete: the entity (given for a create or an update) as the body. */
function entityExample(bare: BareExample, member: string, entity: Record<string, unknown> | undefined): ExampleView {
  const json = entity ? JSON.stringify(entity, null, 2) : null;
  return {
    ...bare,
    clientMember: member,
    // Written into the call, not declared first: the parameter's type then types the literal (an `@odata.type`
    // stays the literal the union of derived types asks for, where a declared const would widen it to string).
    clientArgument: null,
    clientArguments: json ?? "",
    sdkArgument: json ? { name: "body", json } : null,
    httpHeaders: json ? ["Content-Type: application/json"] : [],
    body: json,
    returnsValue: bare.method === "GET" || bare.method === "POST",
  };
}

type CommonExample = Pick<ExampleView, "clientChain" | "sdkPathLiteral" | "method" | "httpPath" | "sdkMethod">;

function operationExample(model: Model, common: CommonExample, operation: OperationNode, member: string | undefined): ExampleView {
  const parameters = sampleParameters(model, operation.operation.parameters);
  const isFunction = operation.operation.kind === "function";
  const httpPath = isFunction && parameters ? `${operation.template}(${functionArguments(parameters)})` : operation.template;
  const json = parameters ? JSON.stringify(parameters, null, 2) : null;
  const body = isFunction ? null : json;
  return {
    ...common,
    httpPath,
    sdkPathLiteral: sdkPath(httpPath),
    clientMember: member ?? operation.operation.name,
    clientArgument: null,
    clientArguments: json ?? "",
    sdkHeaders: "",
    sdkArgument: body ? { name: "body", json: body } : null,
    httpHeaders: body ? ["Content-Type: application/json"] : [],
    body,
    returnsValue: operation.operation.returnType !== undefined,
  };
}

/** The stream's member on the builder: `content` for `$value`, else the stream property's name. */
function streamMember(node: RequestNode, stream: StreamNode | undefined): string {
  return (stream && builderMembers(node).streams.get(stream.segment)) ?? "content";
}

/** Pictures are sent as JPEG (Graph's photo examples); other streams as text, like its file upload example. */
function sampleContent(node: RequestNode, stream: StreamNode | undefined): { type: string; client: string; http: string } {
  const picture = /photo|logo|image|banner|background|picture/i.test(`${node.entityType} ${stream?.segment ?? ""}`);
  return picture
    ? { type: "image/jpeg", client: "new Uint8Array(/* the picture's bytes */)", http: "(the picture's bytes)" }
    : { type: "text/plain", client: JSON.stringify("The contents of the file."), http: "The contents of the file." };
}

function functionArguments(parameters: Record<string, unknown>): string {
  return Object.entries(parameters).map(([name, value]) => `${name}=${typeof value === "string" ? `'${value}'` : JSON.stringify(value)}`).join(",");
}
