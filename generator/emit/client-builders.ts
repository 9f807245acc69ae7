// View models for the request builder modules: one module per request path, holding its operations'
// specs (method, template, permissions, validators) and a factory that returns the builder object.
import { isPrimitive, type Operation, type StructuredType } from "../model/types.js";
import { allProperties, structuredType } from "../model/queries.js";
import { propertyKey, requestBuilderMember, requestBuilderNaming } from "../naming.js";
import { isKeySegment, type OperationNode, type RequestNode } from "../client/request-tree.js";
import type { OperationPermissionInfo } from "../client/permissions.js";
import type { EmitContext, PlannedModule } from "./context.js";
import { commentLines } from "./docs.js";
import { ImportSet } from "./imports.js";
import { typeExpression, type ExpressionContext } from "./type-expressions.js";

export const CLIENT_RUNTIME_MODULE = "client/runtime";

/** Looks up an operation's permissions; the plan step owns the permission index. */
export type PermissionLookup = (method: string, template: string) => OperationPermissionInfo;

/** Where the validators of issue 3 put `validateX`; undefined while the package has no validators. */
export type ValidatorLookup = (fullName: string) => { modulePath: string; name: string } | undefined;

interface SpecView {
  constName: string;
  method: string;
  template: string;
  delegated: string;
  application: string;
  body?: string;
  bodyMode?: string;
  result?: string;
  collection: boolean;
}

type MemberKind = "navigation" | "byId" | "list" | "listAll" | "create" | "get" | "update" | "delete" | "action" | "function";

interface MemberView {
  doc: string[];
  name: string;
  [kind: string]: unknown;
}

/** Templates run in strict mode: every member carries every field, most of them off. */
const MEMBER_DEFAULTS = {
  navigation: false, byId: false, list: false, listAll: false, create: false, get: false, update: false, delete: false,
  action: false, function: false, entity: "", spec: "", segment: "", parameters: "", result: "", childInterface: "", childFactory: "",
};

export function planRequestBuilder(ctx: EmitContext, node: RequestNode, lookup: PermissionLookup, validators: ValidatorLookup): PlannedModule {
  const naming = requestBuilderNaming(node.segments);
  // Types and values in separate import statements, so verbatimModuleSyntax sees `import type` for every type.
  const imports = new ImportSet(naming.modulePath, [naming.interfaceName, naming.factoryName, "Property", "Navigation"]);
  const values = new ImportSet(naming.modulePath, [naming.factoryName]);
  const runtime = (name: string) => imports.add(CLIENT_RUNTIME_MODULE, name);
  const expressions: ExpressionContext = { model: ctx.model, names: ctx.names, imports };
  const type = structuredType(ctx.model, node.entityType) as StructuredType;
  const entity = () => typeExpression(expressions, { name: node.entityType, collection: false }, false);
  const specs: SpecView[] = [];
  const members: MemberView[] = [];
  const taken = new Set(["get", "update", "delete", "list", "listAll", "create", "byId"]);
  runtime("GraphTransport");

  const addSpec = (name: string, method: string, template: string, extra: Partial<SpecView> = {}): string => {
    const permissions = lookup(method, template);
    const constName = `${name}Request`;
    specs.push({ constName, method, template, body: "", bodyMode: "", result: "", delegated: JSON.stringify(permissions.accepted.delegated), application: JSON.stringify(permissions.accepted.application), collection: false, ...extra });
    return constName;
  };
  const crud = (kind: MemberKind, method: string, doc: string, extra: Partial<SpecView> = {}, fields: object = {}) => {
    const spec = addSpec(kind, method, node.template, extra);
    members.push({ doc: operationDoc(doc, method, node.template, lookup), name: kind, [kind]: true, spec, ...fields });
  };
  const validator = (mode: "body" | "result") => {
    const found = validators(node.entityType);
    if (!found) return {};
    const local = values.add(found.modulePath, found.name, false);
    return mode === "body" ? { body: local } : { result: local };
  };

  if (node.included && node.kind === "collection") {
    runtime("ListOptions");
    runtime("CollectionPage");
    runtime("RequestOptions");
    const list = addSpec("list", "GET", node.template, { ...validator("result"), collection: true });
    const listDoc = operationDoc(`Lists the ${type.name} items, one page per call.`, "GET", node.template, lookup);
    members.push({ doc: listDoc, name: "list", list: true, spec: list, entity: entity() });
    members.push({ doc: commentLines("Every item, page after page, following `@odata.nextLink` (same origin only)."), name: "listAll", listAll: true, spec: list, entity: entity() });
    crud("create", "POST", `Creates a new ${type.name}.`, { ...validator("body"), bodyMode: "create" }, { entity: entity() });
  }
  if (node.included && node.kind === "entity") {
    runtime("GetOptions");
    runtime("RequestOptions");
    crud("get", "GET", `Reads the ${type.name}.`, validator("result"), { entity: entity() });
    crud("update", "PATCH", `Updates the ${type.name}: only the properties given change.`, { ...validator("body"), bodyMode: "update" }, { entity: entity() });
    if (isKeySegment(node.segments.at(-1) as string)) crud("delete", "DELETE", `Deletes the ${type.name}.`);
  }
  for (const child of node.children) {
    const childNaming = requestBuilderNaming(child.segments);
    const name = requestBuilderMember(child.segments.at(-1) as string, taken);
    members.push({
      doc: commentLines(`\`${child.template}\``),
      name: propertyKey(name),
      navigation: true,
      segment: child.segments.at(-1),
      childInterface: imports.add(childNaming.modulePath, childNaming.interfaceName),
      childFactory: values.add(childNaming.modulePath, childNaming.factoryName, false),
    });
  }
  if (node.item) {
    const itemNaming = requestBuilderNaming(node.item.segments);
    values.add(CLIENT_RUNTIME_MODULE, "keySegment", false);
    members.push({
      doc: commentLines(`\`${node.item.template}\`: the id is percent-encoded into one path segment.`),
      name: "byId",
      byId: true,
      childInterface: imports.add(itemNaming.modulePath, itemNaming.interfaceName),
      childFactory: values.add(itemNaming.modulePath, itemNaming.factoryName, false),
    });
  }
  for (const op of node.operations) {
    const name = requestBuilderMember(op.operation.name, taken);
    runtime("RequestOptions");
    if (op.method === "GET") values.add(CLIENT_RUNTIME_MODULE, "functionSegment", false);
    const spec = addSpec(name, op.method, op.template);
    members.push({
      doc: operationDoc(op.operation.description ?? `The ${op.operation.kind} ${op.operation.fullName}.`, op.method, op.template, lookup),
      name,
      [op.operation.kind]: true,
      spec,
      segment: op.segment,
      parameters: parametersType(expressions, op.operation),
      result: resultType(expressions, op, runtime),
    });
  }
  if (specs.length > 0) runtime("OperationSpec");

  const { properties, navigationProperties } = allProperties(ctx.model, type);
  const union = (names: string[]) => (names.length === 0 ? "never" : [...new Set(names)].map((n) => JSON.stringify(n)).join(" | "));
  return {
    modulePath: naming.modulePath,
    template: "client-request-builder",
    view: {
      imports: [...imports.views(), ...values.views()],
      doc: commentLines(`Request builder for \`${node.template}\` (${node.kind === "collection" ? "a collection of" : "one"} ${type.fullName}).`),
      template: node.template,
      interfaceName: naming.interfaceName,
      factoryName: naming.factoryName,
      defaultPath: node.segments.some(isKeySegment) ? undefined : node.template,
      propertyNames: union(properties.map((p) => p.name)),
      navigationNames: union(navigationProperties.map((p) => p.name)),
      specs,
      members: members.map((m) => ({ ...MEMBER_DEFAULTS, ...m, parameters: m.parameters ?? "" })),
    },
  };
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

/** Parameters as an object type: optional when the metadata marks them optional or nullable. */
function parametersType(ctx: ExpressionContext, operation: Operation): string | undefined {
  if (operation.parameters.length === 0) return undefined;
  const members = operation.parameters.map((p) => {
    const optional = p.optional || p.nullable ? "?" : "";
    return `${propertyKey(p.name)}${optional}: ${typeExpression(ctx, p.type, p.nullable)}`;
  });
  return `{ ${members.join("; ")} }`;
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
