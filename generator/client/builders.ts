// View models for the request builder modules: one module per request path, holding its operations'
// specs (method, template, permissions, validators) and a factory that returns the builder object.
import { isPrimitive, type Operation, type StructuredType } from "../model/types.js";
import { allProperties, structuredType } from "../model/queries.js";
import { propertyKey, requestBuilderMember, requestBuilderNaming } from "../naming.js";
import { isKeySegment, type OperationNode, type RequestNode } from "./request-tree.js";
import type { OperationPermissionInfo } from "./permissions.js";
import type { EmitContext, PlannedModule } from "../emit/context.js";
import { commentLines } from "../emit/docs.js";
import { ClientLayout, type Literal, type Parameter } from "./layout.js";
import { ImportSet } from "../emit/imports.js";
import { PRINT_WIDTH } from "../emit/layout.js";
import { typeExpression, type ExpressionContext } from "../emit/type-expressions.js";

export const CLIENT_RUNTIME_MODULE = "client/runtime";

/** Looks up an operation's permissions; the plan step owns the permission index. */
export type PermissionLookup = (method: string, template: string) => OperationPermissionInfo;

/** Where the validators of issue 3 put `validateX`; undefined while the package has no validators. */
export type ValidatorLookup = (fullName: string) => { modulePath: string; name: string } | undefined;

interface SpecView {
  constName: string;
  method: string;
  template: string;
  body?: string;
  result?: string;
  collection?: boolean;
}

interface MemberView {
  doc: string[];
  /** The interface member, laid out. */
  signature: string;
  /** The factory's object member, laid out. */
  implementation: string;
}

/**
 * `const listRequest: OperationSpec = { ... };`, one member per line as the template always wrote it. The
 * node's own template is the module's TEMPLATE constant, so a bundle holds each path once.
 */
function specText(layout: ClientLayout, spec: SpecView, nodeTemplate: string): string {
  const below = spec.template.startsWith(`${nodeTemplate}/`) ? spec.template.slice(nodeTemplate.length) : undefined;
  const template = spec.template === nodeTemplate ? "TEMPLATE" : below ? `\`\${TEMPLATE}${below}\`` : JSON.stringify(spec.template);
  const entries: [string, Literal][] = [
    ["method", JSON.stringify(spec.method)],
    ["template", template],
  ];
  if (spec.body) entries.push(["body", spec.body]);
  if (spec.result) entries.push(["result", spec.result]);
  if (spec.collection) entries.push(["collection", "true"]);
  return layout.literal("", `const ${spec.constName}: OperationSpec = `, { entries }, ";", true);
}

/** `const TEMPLATE = "...";`, the string on its own line when too long, as prettier breaks an assignment. */
function templateConstant(template: string): string {
  const line = `const TEMPLATE = ${JSON.stringify(template)};`;
  return line.length <= PRINT_WIDTH ? line : `const TEMPLATE =\n  ${JSON.stringify(template)};`;
}

const pathPlus = (suffix: string): string => `\`\${path}/${suffix}\``;

export function planRequestBuilder(ctx: EmitContext, node: RequestNode, lookup: PermissionLookup, validators: ValidatorLookup): PlannedModule {
  const naming = requestBuilderNaming(node.segments);
  // Types and values in separate import statements, so verbatimModuleSyntax sees `import type` for every type.
  const imports = new ImportSet(naming.modulePath, [naming.interfaceName, naming.factoryName, "Property", "Navigation"]);
  const values = new ImportSet(naming.modulePath, [naming.factoryName]);
  const runtime = (name: string) => imports.add(CLIENT_RUNTIME_MODULE, name);
  const expressions: ExpressionContext = { model: ctx.model, names: ctx.names, imports };
  const layout = new ClientLayout();
  const type = structuredType(ctx.model, node.entityType) as StructuredType;
  const entity = () => typeExpression(expressions, { name: node.entityType, collection: false }, false);
  const specs: SpecView[] = [];
  const members: MemberView[] = [];
  const taken = new Set(["get", "update", "delete", "list", "listAll", "create", "byId"]);
  runtime("GraphTransport");

  const addSpec = (name: string, method: string, template: string, extra: Partial<SpecView> = {}): string => {
    const constName = `${name}Request`;
    specs.push({ constName, method, template, ...extra });
    return constName;
  };
  /** A member sending a spec: `name(params): returns` in the interface, an arrow in the factory. */
  const sender: Sender = (doc, name, params, returns, call) => {
    const args = [call.spec, call.path ?? "path", "options", ...(call.body ? [call.body] : [])];
    members.push({
      doc,
      signature: layout.signature("  ", name, params, `: ${returns};`),
      implementation: layout.arrowMember("    ", name, params.map((p) => p.name), call.callee ?? "transport.send", args),
    });
  };
  const options = (optionsType: string): Parameter => ({ name: "options", annotation: `?: ${optionsType}` });
  const body = (bodyType: string): Parameter => ({ name: "body", annotation: `: ${bodyType}` });
  const validator = (mode: "body" | "result") => {
    const found = validators(node.entityType);
    if (!found) return {};
    const local = values.add(found.modulePath, found.name, false);
    return mode === "body" ? { body: local } : { result: local };
  };
  const doc = (summary: string, method: string) => operationDoc(summary, method, node.template, lookup);

  if (node.included && node.kind === "collection") {
    const [listOptions, page, requestOptions] = [runtime("ListOptions"), runtime("CollectionPage"), runtime("RequestOptions")];
    const spec = addSpec("list", "GET", node.template, { ...validator("result"), collection: true });
    const listParams = [options(`${listOptions}<Property, Navigation>`)];
    sender(doc(`Lists the ${type.name} items, one page per call.`, "GET"), "list", listParams, `Promise<${page}<${entity()}>>`, { spec });
    const allDoc = commentLines("Every item, page after page, following `@odata.nextLink` (same origin only).");
    sender(allDoc, "listAll", listParams, `AsyncIterable<${entity()}>`, { spec, callee: "transport.listAll" });
    const create = addSpec("create", "POST", node.template, validator("body"));
    sender(doc(`Creates a new ${type.name}.`, "POST"), "create", [body(entity()), options(requestOptions)], `Promise<${entity()}>`, { spec: create, body: "body" });
  }
  if (node.included && node.kind === "entity") {
    const [getOptions, requestOptions] = [runtime("GetOptions"), runtime("RequestOptions")];
    const get = addSpec("get", "GET", node.template, validator("result"));
    sender(doc(`Reads the ${type.name}.`, "GET"), "get", [options(`${getOptions}<Property, Navigation>`)], `Promise<${entity()}>`, { spec: get });
    const update = addSpec("update", "PATCH", node.template, validator("body"));
    const updateDoc = doc(`Updates the ${type.name}: only the properties given change.`, "PATCH");
    sender(updateDoc, "update", [body(entity()), options(requestOptions)], "Promise<void>", { spec: update, body: "body" });
    if (isKeySegment(node.segments.at(-1) as string)) {
      const remove = addSpec("delete", "DELETE", node.template);
      sender(doc(`Deletes the ${type.name}.`, "DELETE"), "delete", [options(requestOptions)], "Promise<void>", { spec: remove });
    }
  }
  for (const child of node.children) {
    const childNaming = requestBuilderNaming(child.segments);
    const name = propertyKey(requestBuilderMember(child.segments.at(-1) as string, taken));
    const childInterface = imports.add(childNaming.modulePath, childNaming.interfaceName);
    const childFactory = values.add(childNaming.modulePath, childNaming.factoryName, false);
    const getter = layout.call("      ", "return ", childFactory, ["transport", pathPlus(child.segments.at(-1) as string)], ";");
    members.push({
      doc: commentLines(`\`${child.template}\``),
      signature: layout.literal("  ", `readonly ${name}: `, childInterface, ";"),
      implementation: `    get ${name}() {\n${getter}\n    },`,
    });
  }
  if (node.item) {
    const itemNaming = requestBuilderNaming(node.item.segments);
    const keySegment = values.add(CLIENT_RUNTIME_MODULE, "keySegment", false);
    const childInterface = imports.add(itemNaming.modulePath, itemNaming.interfaceName);
    const childFactory = values.add(itemNaming.modulePath, itemNaming.factoryName, false);
    members.push({
      doc: commentLines(`\`${node.item.template}\`: the id is percent-encoded into one path segment.`),
      signature: layout.signature("  ", "byId", [{ name: "id", annotation: ": string" }], `: ${childInterface};`),
      implementation: layout.arrowMember("    ", "byId", ["id"], childFactory, ["transport", pathPlus(`\${${keySegment}(id)}`)]),
    });
  }
  for (const op of node.operations) operationMember(op, { expressions, runtime, values, taken, addSpec, sender, lookup });
  if (specs.length > 0) runtime("OperationSpec");

  const { properties, navigationProperties } = allProperties(ctx.model, type);
  const union = (names: string[]) => (names.length === 0 ? ["never"] : [...new Set(names)].map((n) => JSON.stringify(n)));
  const factoryParams: Parameter[] = [
    { name: "transport", annotation: ": GraphTransport" },
    { name: "path", annotation: node.segments.some(isKeySegment) ? ": string" : `: string = ${specs.length > 0 ? "TEMPLATE" : JSON.stringify(node.template)}` },
  ];
  return {
    modulePath: naming.modulePath,
    template: "client-request-builder",
    view: {
      imports: layout.imports([...imports.views(), ...values.views()]),
      doc: commentLines(`Request builder for \`${node.template}\` (${node.kind === "collection" ? "a collection of" : "one"} ${type.fullName}).`),
      template: node.template,
      interfaceName: naming.interfaceName,
      factorySignature: layout.signature("", `export function ${naming.factoryName}`, factoryParams, `: ${naming.interfaceName} {`),
      propertyAlias: layout.alias("type Property =", union(properties.map((p) => p.name))),
      navigationAlias: layout.alias("type Navigation =", union(navigationProperties.map((p) => p.name))),
      templateConstant: specs.length > 0 ? templateConstant(node.template) : "",
      specs: specs.map((spec) => specText(layout, spec, node.template)),
      members,
    },
    prettierStable: layout.stable,
  };
}

type Sender = (doc: string[], name: string, params: Parameter[], returns: string, call: { spec: string; callee?: string; path?: string; body?: string }) => void;

interface OperationScope {
  expressions: ExpressionContext;
  runtime: (name: string) => string;
  values: ImportSet;
  taken: Set<string>;
  addSpec: (name: string, method: string, template: string) => string;
  sender: Sender;
  lookup: PermissionLookup;
}

/** A bound action (POST, its parameters as the body) or function (GET, its parameters in the path). */
function operationMember(op: OperationNode, scope: OperationScope): void {
  const { expressions, runtime, values } = scope;
  const name = requestBuilderMember(op.operation.name, scope.taken);
  const requestOptions = runtime("RequestOptions");
  const isFunction = op.method === "GET";
  if (isFunction) values.add(CLIENT_RUNTIME_MODULE, "functionSegment", false);
  const spec = scope.addSpec(name, op.method, op.template);
  const members = parameterMembers(expressions, op.operation);
  const argument = op.operation.kind === "function" ? "parameters" : "body";
  const params: Parameter[] = [...(members ? [{ name: argument, members }] : []), { name: "options", annotation: `?: ${requestOptions}` }];
  const summary = op.operation.description ?? `The ${op.operation.kind} ${op.operation.fullName}.`;
  const doc = operationDoc(summary, op.method, op.template, scope.lookup);
  const path =
    op.operation.kind === "function"
      ? pathPlus(`\${functionSegment(${[JSON.stringify(op.segment), ...(members ? ["parameters"] : [])].join(", ")})}`)
      : pathPlus(op.segment);
  const body = members && op.operation.kind === "action" ? { body: "body" } : {};
  scope.sender(doc, name, params, `Promise<${resultType(expressions, op, runtime)}>`, { spec, path, ...body });
}

function operationDoc(summary: string, method: string, template: string, lookup: PermissionLookup): string[] {
  const { least } = lookup(method, template);
  const describe = (refs: readonly { name: string; id?: string }[]) =>
    refs.length === 0 ? "none listed" : refs.map((r) => `\`${r.name}\`${r.id ? ` (id ${r.id})` : ""}`).join(" or ");
  const permissions = least
    ? [`Least-privileged permissions: delegated ${describe(least.delegated)}; application ${describe(least.application)}.`]
    : ["Least-privileged permissions: not in Graph's permission tables."];
  return commentLines(summary, `\`${method} ${template}\``, ...permissions);
}

/** Parameters as an object type's members: optional when the metadata marks them optional or nullable. */
function parameterMembers(ctx: ExpressionContext, operation: Operation): string[] | undefined {
  if (operation.parameters.length === 0) return undefined;
  return operation.parameters.map((p) => {
    const optional = p.optional || p.nullable ? "?" : "";
    return `${propertyKey(p.name)}${optional}: ${typeExpression(ctx, p.type, p.nullable)}`;
  });
}

/** Collections come as pages; a single primitive or enum comes wrapped in `value`, as OData sends it. */
function resultType(ctx: ExpressionContext, op: OperationNode, runtime: (name: string) => string): string {
  const returns = op.operation.returnType;
  if (!returns) return "void";
  const item = typeExpression(ctx, { name: returns.type.name, collection: false }, !returns.type.collection && returns.nullable);
  if (returns.type.collection) return `${runtime("CollectionPage")}<${item}>`;
  const type = ctx.model.types.get(returns.type.name);
  return isPrimitive(returns.type.name) || type?.kind === "enum" || type?.kind === "typeDefinition" ? `{ value: ${item} }` : item;
}
