// The members of a request builder, one planner per kind of request: a collection's list, create, count and
// references; an entity's get, update, delete and reference; streams; the builders one step down (navigation
// properties, casts, keys, drive item paths); bound operations. Each adds its specs and members to the scope.
import { isPrimitive, type Operation } from "../model/types.js";
import { propertyKey, requestBuilderMember, requestBuilderNaming, requestPathWord } from "../naming.js";
import { commentLines, deprecationLines } from "../emit/docs.js";
import { typeExpression } from "../emit/type-expressions.js";
import type { Parameter } from "./layout.js";
import { creates, deletes, itemTemplate, lists, reads, updates, type OperationNode, type RequestNode } from "./request-tree.js";
import { CLIENT_RUNTIME_MODULE, parameterAlias, resultAlias, type BuilderScope } from "./scope.js";

const pathPlus = (suffix: string): string => `\`\${path}/${suffix}\``;
const options = (optionsType: string): Parameter => ({ name: "options", annotation: `?: ${optionsType}` });
const EVENTUAL =
  'Graph answers `$count` and `$search` on directory objects only with `ConsistencyLevel: eventual`: pass `{ consistencyLevel: "eventual" }`.';

export function collectionMembers(scope: BuilderScope): void {
  const { node, type } = scope;
  // Named (and so imported) only by the members that use them: a collection may have none of list and create.
  const requestOptions = () => scope.runtime("RequestOptions");
  const entity = () => scope.entity();
  const eventual = node.eventualConsistency ? [EVENTUAL] : [];
  if (lists(node)) {
    const spec = scope.addSpec("list", "GET", node.template, { ...scope.validator("result"), collection: true });
    // The options' type is a parameter, so `select`/`expand` shape the result (`Selected`).
    const query = scope.query(scope.runtime("ListOptions"));
    const item = `${scope.runtime("Selected")}<${entity()}, O>`;
    const listDoc = scope.doc(`Lists the ${type.name} items, one page per call.`, "GET", node.template, ...eventual);
    scope.sender(listDoc, "list", [options("O")], `Promise<${scope.runtime("CollectionPage")}<${item}>>`, { spec, query });
    const allDoc = commentLines("Every item, page after page, following `@odata.nextLink` (same origin only).");
    scope.sender(allDoc, "listAll", [options("O")], `AsyncIterable<${item}>`, { spec, callee: "transport.listAll", query });
  }
  if (creates(node)) {
    const create = scope.addSpec("create", "POST", node.template, scope.validator("body"));
    const params = [{ name: "body", annotation: `: ${entity()}` }, options(requestOptions())];
    scope.sender(scope.doc(`Creates a new ${type.name}.`, "POST", node.template), "create", params, `Promise<${entity()}>`, { spec: create, body: "body" });
  }
  if (node.countable) {
    const template = `${node.template}/$count`;
    const count = scope.addSpec("count", "GET", template);
    const summary = `Counts the ${type.name} items, with \`filter\` and \`search\` when given.`;
    const countOptions = options(scope.runtime("CountOptions"));
    scope.sender(scope.doc(summary, "GET", template, ...eventual), "count", [countOptions], "Promise<number>", { spec: count, callee: scope.runtimeValue("countItems"), path: pathPlus("$count"), withTransport: true });
  }
  if (node.references) {
    const reference = scope.runtime("Reference");
    const keySegment = scope.runtimeValue("keySegment");
    const set = JSON.stringify(node.references.entitySet);
    const addTemplate = `${node.template}/$ref`;
    const add = scope.addSpec("addRef", "POST", addTemplate);
    const addDoc = scope.doc(`Adds an existing ${type.name} by reference: give its id, or an object that has one.`, "POST", addTemplate);
    const addParams = [{ name: "target", annotation: `: ${reference}` }, options(requestOptions())];
    scope.sender(addDoc, "addRef", addParams, "Promise<void>", { spec: add, callee: scope.runtimeValue("sendReference"), path: pathPlus("$ref"), args: [set, "target", "options"], withTransport: true });
    const removeTemplate = `${itemTemplate(node)}/$ref`;
    const remove = scope.addSpec("removeRef", "DELETE", removeTemplate);
    const removeDoc = scope.doc(`Removes the reference to the ${type.name} with this id; the ${type.name} itself stays.`, "DELETE", removeTemplate);
    const removeParams = [{ name: "id", annotation: ": string" }, options(requestOptions())];
    scope.sender(removeDoc, "removeRef", removeParams, "Promise<void>", { spec: remove, path: pathPlus(`\${${keySegment}(id)}/$ref`) });
  }
}

export function entityMembers(scope: BuilderScope): void {
  const { node, type } = scope;
  // Named (and so imported) only by the members that use them: an entity may have none of get, update and delete.
  const requestOptions = () => scope.runtime("RequestOptions");
  const entity = () => scope.entity();
  if (reads(node)) {
    const get = scope.addSpec("get", "GET", node.template, scope.validator("result"));
    const selected = `${scope.runtime("Selected")}<${entity()}, O>`;
    const query = scope.query(scope.runtime("GetOptions"));
    scope.sender(scope.doc(`Reads the ${type.name}.`, "GET", node.template), "get", [options("O")], `Promise<${selected}>`, { spec: get, query });
  }
  if (updates(node)) {
    const update = scope.addSpec("update", "PATCH", node.template, scope.validator("body"));
    const updateDoc = scope.doc(`Updates the ${type.name}: only the properties given change.`, "PATCH", node.template);
    scope.sender(updateDoc, "update", [{ name: "body", annotation: `: ${entity()}` }, options(requestOptions())], "Promise<void>", { spec: update, body: "body" });
  }
  if (deletes(node)) {
    const remove = scope.addSpec("delete", "DELETE", node.template);
    scope.sender(scope.doc(`Deletes the ${type.name}.`, "DELETE", node.template), "delete", [options(requestOptions())], "Promise<void>", { spec: remove });
  }
  if (node.references && node.step === "navigation") {
    const template = `${node.template}/$ref`;
    const reference = scope.runtime("Reference");
    const set = scope.addSpec("setRef", "PUT", template);
    const setDoc = scope.doc(`Points \`${node.segments.at(-1)}\` at an existing ${type.name}: give its id, or an object that has one.`, "PUT", template);
    const setParams = [{ name: "target", annotation: `: ${reference}` }, options(requestOptions())];
    const entitySet = JSON.stringify(node.references.entitySet);
    scope.sender(setDoc, "setRef", setParams, "Promise<void>", { spec: set, callee: scope.runtimeValue("sendReference"), path: pathPlus("$ref"), args: [entitySet, "target", "options"], withTransport: true });
    const remove = scope.addSpec("removeRef", "DELETE", template);
    const removeDoc = scope.doc(`Clears \`${node.segments.at(-1)}\`; the ${type.name} itself stays.`, "DELETE", template);
    scope.sender(removeDoc, "removeRef", [options(requestOptions())], "Promise<void>", { spec: remove, path: pathPlus("$ref") });
  }
}

/** `content`, `logo`, ...: download as bytes or a stream, upload with a content type. `$value` reads as `content`. */
export function streamMembers(scope: BuilderScope): void {
  const { node, layout } = scope;
  for (const stream of node.streams) {
    const name = requestBuilderMember(stream.segment === "$value" ? "content" : stream.segment, scope.taken);
    const streamType = scope.runtime("StreamRequests");
    const factory = scope.runtimeValue("streamRequests");
    const download = scope.addSpec(`${name}Download`, "GET", stream.template);
    const upload = scope.addSpec(`${name}Upload`, "PUT", stream.template);
    const summary = stream.segment === "$value" ? `The ${scope.type.name}'s content (\`$value\`).` : `The stream property \`${stream.segment}\`.`;
    const doc = [...scope.doc(summary, "GET", stream.template), "", ...scope.doc("", "PUT", stream.template)];
    const entity = scope.entity();
    scope.members.push({
      doc,
      signature: layout.literal("  ", `readonly ${propertyKey(name)}: `, `${streamType}<${entity}>`, ";"),
      implementation: (indent) => {
        const call = layout.call(`${indent}  `, "return ", `${factory}<${entity}>`, ["transport", download, upload, pathPlus(stream.segment)], ";");
        return `${indent}get ${propertyKey(name)}() {\n${call}\n${indent}},`;
      },
    });
  }
}

/** Getters for navigation properties and casts, `byId` for a collection's key, `byPath` for a drive item's path. */
export function childMembers(scope: BuilderScope): void {
  const { node, layout, imports, values } = scope;
  const builder = (child: RequestNode) => {
    const naming = requestBuilderNaming(child.segments);
    const modulePath = scope.moduleOf(child);
    return { type: imports.add(modulePath, naming.interfaceName), factory: values.add(modulePath, naming.factoryName, false) };
  };
  for (const child of node.children) {
    if (child.function) {
      functionMember(scope, child, builder(child));
      continue;
    }
    const segment = child.segments.at(-1) as string;
    const name = propertyKey(requestBuilderMember(requestPathWord(segment), scope.taken));
    const { type, factory } = builder(child);
    const doc = child.step === "cast" ? `\`${child.template}\`: only the items of type ${child.entityType}, typed as such.` : `\`${child.template}\``;
    scope.members.push({
      doc: [...commentLines(doc), ...deprecationLines(child.deprecation)],
      signature: layout.literal("  ", `readonly ${name}: `, type, ";"),
      implementation: (indent) => `${indent}get ${name}() {\n${layout.call(`${indent}  `, "return ", factory, ["transport", pathPlus(segment)], ";")}\n${indent}},`,
    });
  }
  if (node.item) {
    const keySegment = scope.runtimeValue("keySegment");
    const { type, factory } = builder(node.item);
    scope.members.push({
      doc: commentLines(`\`${node.item.template}\`: the id is percent-encoded into one path segment.`),
      signature: layout.signature("  ", "byId", [{ name: "id", annotation: ": string" }], `: ${type};`),
      implementation: (indent) => layout.arrowMember(indent, "byId", ["id"], factory, ["transport", pathPlus(`\${${keySegment}(id)}`)]),
    });
  }
  if (node.itemPath) {
    const itemPathSegment = scope.runtimeValue("itemPathSegment");
    const { type, factory } = builder(node.itemPath);
    const summary = `\`${node.itemPath.template}\`: a drive item by its path below this one (\`"folder/file.txt"\`), each name percent-encoded.`;
    scope.members.push({
      doc: commentLines(summary),
      signature: layout.signature("  ", "byPath", [{ name: "itemPath", annotation: ": string" }], `: ${type};`),
      implementation: (indent) => layout.arrowMember(indent, "byPath", ["itemPath"], factory, ["transport", `\`\${path}\${${itemPathSegment}(itemPath)}\``]),
    });
  }
}

/** A composable function: a method taking its parameters and returning the builder of its result. */
function functionMember(scope: BuilderScope, child: RequestNode, builder: { type: string; factory: string }): void {
  const op = child.function as OperationNode;
  const name = requestBuilderMember(op.operation.name, scope.taken);
  const functionSegment = scope.runtimeValue("functionSegment");
  const members = parameterMembers(scope, op.operation);
  const params: Parameter[] = members ? [{ name: "parameters", members }] : [];
  const call = [JSON.stringify(op.segment), ...(members ? ["parameters"] : [])].join(", ");
  scope.members.push({
    doc: [
      ...commentLines(op.operation.description ?? `The function ${op.operation.fullName}.`, `\`${child.template}\`: its result, and the paths below it.`),
      ...deprecationLines(op.operation.deprecation),
    ],
    signature: scope.layout.signature("  ", name, params, `: ${builder.type};`),
    implementation: (indent) => scope.layout.arrowMember(indent, name, params.map((p) => p.name), builder.factory, ["transport", pathPlus(`\${${functionSegment}(${call})}`)]),
  });
}

/** A bound action (POST, its parameters as the body) or function (GET, its parameters in the path). */
export function operationMember(scope: BuilderScope, op: OperationNode): void {
  const name = requestBuilderMember(op.operation.name, scope.taken);
  const requestOptions = scope.runtime("RequestOptions");
  const isFunction = op.method === "GET";
  if (isFunction) scope.values.add(CLIENT_RUNTIME_MODULE, "functionSegment", false);
  const spec = scope.addSpec(name, op.method, op.template);
  const members = parameterMembers(scope, op.operation);
  const argument = op.operation.kind === "function" ? "parameters" : "body";
  const params: Parameter[] = [...(members ? [{ name: argument, members }] : []), { name: "options", annotation: `?: ${requestOptions}` }];
  const summary = op.operation.description ?? `The ${op.operation.kind} ${op.operation.fullName}.`;
  const stream = returnsStream(op.operation);
  const doc = [...scope.doc(summary, op.method, op.template, ...(stream ? [STREAM_RESULT] : [])), ...deprecationLines(op.operation.deprecation)];
  const path =
    op.operation.kind === "function"
      ? pathPlus(`\${functionSegment(${[JSON.stringify(op.segment), ...(members ? ["parameters"] : [])].join(", ")})}`)
      : pathPlus(op.segment);
  const body = members && op.operation.kind === "action" ? { body: "body" } : {};
  // An operation returning a stream (Graph's reports: a CSV, often behind a 302) is downloaded as bytes, not JSON;
  // an action sends its parameters as JSON all the same.
  if (stream) {
    scope.sender(doc, name, params, "Promise<Uint8Array>", { spec, path, callee: scope.runtimeValue("download"), withTransport: true, ...body });
    return;
  }
  scope.sender(doc, name, params, `Promise<${resultType(scope, op)}>`, { spec, path, ...body });
  if (isDeltaFunction(op.operation)) deltaSyncMember(scope, op, spec);
}

const STREAM_RESULT =
  "Returns content (`Edm.Stream`), not JSON: its bytes as Graph sends them; a redirect to a pre-authenticated URL is followed without the token.";

/** A single `Edm.Stream` result: bytes to download, whether a function (GET) or an action (POST) returns it. */
const returnsStream = (operation: Operation) => operation.returnType?.type.name === "Edm.Stream" && !operation.returnType.type.collection;

const DELTA_MODULE = "client/delta";

const isDeltaFunction = (operation: Operation) =>
  operation.kind === "function" && operation.name === "delta" && operation.returnType?.type.collection === true;

/** `deltaSync(options)` beside a delta function: all its pages and the deltaLink to resume from (client/delta). */
function deltaSyncMember(scope: BuilderScope, op: OperationNode, spec: string): void {
  const returns = op.operation.returnType!;
  const expression = typeExpression(scope.expressions, { name: returns.type.name, collection: false }, false);
  const item = scope.named(resultAlias(op.operation.name), expression);
  const [options, sync] = [scope.imports.add(DELTA_MODULE, "DeltaOptions"), scope.imports.add(DELTA_MODULE, "DeltaSync")];
  const callee = scope.values.add(DELTA_MODULE, "deltaSync", false);
  const doc = [
    ...commentLines("Every change, page after page to the `@odata.deltaLink`; pass that link as `deltaLink` to resume later.", `\`GET ${op.template}\``),
    ...deprecationLines(op.operation.deprecation),
  ];
  const params: Parameter[] = [{ name: "options", annotation: "?: O" }];
  const name = requestBuilderMember(`${op.segment.split(".").at(-1)}Sync`, scope.taken);
  const selected = `${scope.runtime("Selected")}<${item}, O>`;
  const query = scope.query(options);
  scope.sender(doc, name, params, `${sync}<${selected}>`, { spec, callee, path: pathPlus(op.segment), withTransport: true, query });
}

/** Parameters as an object type's members: optional when the metadata marks them optional or nullable. */
function parameterMembers(scope: BuilderScope, operation: Operation): string[] | undefined {
  if (operation.parameters.length === 0) return undefined;
  return operation.parameters.map((p) => {
    const optional = p.optional || p.nullable ? "?" : "";
    return `${propertyKey(p.name)}${optional}: ${scope.parameterType(parameterAlias(operation.name, p.name), p.type, p.nullable)}`;
  });
}

/** Collections come as pages; a single primitive or enum comes wrapped in `value`, as OData sends it. A long item type gets a name. */
function resultType(scope: BuilderScope, op: OperationNode): string {
  const ctx = scope.expressions;
  const returns = op.operation.returnType;
  if (!returns) return "void";
  const nullable = !returns.type.collection && returns.nullable;
  const structured = ctx.model.types.get(returns.type.name)?.kind === "entity" || ctx.model.types.get(returns.type.name)?.kind === "complex";
  const expression = structured ? scope.structured(returns.type.name, nullable) : typeExpression(ctx, { name: returns.type.name, collection: false }, nullable);
  const item = scope.named(resultAlias(op.operation.name), expression);
  if (returns.type.collection) return `${scope.runtime("CollectionPage")}<${item}>`;
  const type = ctx.model.types.get(returns.type.name);
  return isPrimitive(returns.type.name) || type?.kind === "enum" || type?.kind === "typeDefinition" ? `{ value: ${item} }` : item;
}
