// View models for the request builder modules: a module holds the request builders of a path subtree
// (grouping.ts), their requests' specs (method, template, validators), and per path an interface and a factory
// that returns the builder object. The members for each kind of request are planned in members.ts, over the
// module's shared state in scope.ts; this file assembles the module.
import { requestBuilderNaming } from "../naming.js";
import { isKeySegment, type RequestNode } from "./request-tree.js";
import type { EmitContext, PlannedModule } from "../emit/context.js";
import { commentLines } from "../emit/docs.js";
import type { ClientLayout, Literal, Parameter } from "./layout.js";
import { PRINT_WIDTH } from "../emit/layout.js";
import { childMembers, collectionMembers, entityMembers, operationMember, streamMembers } from "./members.js";
import { BuilderScope, CLIENT_RUNTIME_MODULE, ModuleScope, type PermissionLookup, type SpecView, type ValidatorLookup } from "./scope.js";
import type { BuilderModule } from "./grouping.js";

/**
 * `const listRequest: OperationSpec = { ... };`, one member per line as the template always wrote it. The
 * module's top path is its TEMPLATE constant, which the others extend, so a bundle holds each path once.
 */
function specText(layout: ClientLayout, spec: SpecView, moduleTemplate: string): string {
  const template = templateReference(spec.template, moduleTemplate);
  const entries: [string, Literal][] = [
    ["method", JSON.stringify(spec.method)],
    ["template", template],
  ];
  if (spec.body) entries.push(["body", spec.body]);
  if (spec.result) entries.push(["result", spec.result]);
  if (spec.collection) entries.push(["collection", "true"]);
  return layout.literal("", `const ${spec.constName}: OperationSpec = `, { entries }, ";", true);
}

/** `TEMPLATE`, `\`${TEMPLATE}/below\`` for a path below the module's, else the template as a string. */
function templateReference(template: string, moduleTemplate: string | undefined): string {
  if (moduleTemplate === undefined) return JSON.stringify(template);
  if (template === moduleTemplate) return "TEMPLATE";
  return template.startsWith(`${moduleTemplate}/`) ? `\`\${TEMPLATE}${template.slice(moduleTemplate.length)}\`` : JSON.stringify(template);
}

/** `const TEMPLATE = "...";`, the string on its own line when too long, as prettier breaks an assignment. */
function templateConstant(template: string): string {
  const line = `const TEMPLATE = ${JSON.stringify(template)};`;
  return line.length <= PRINT_WIDTH ? line : `const TEMPLATE =\n  ${JSON.stringify(template)};`;
}

/**
 * `export const name = (params): Interface => {`, or, where not even `export const name = (` fits, prettier's
 * break after `=`: the arrow function on the next lines, body included, one level deeper (`indent`).
 */
function factoryLayout(layout: ClientLayout, name: string, params: readonly Parameter[], returns: string): { signature: string; indent: string } {
  const head = `export const ${name} = `;
  if (head.length + "(".length <= PRINT_WIDTH) return { signature: layout.signature("", head, params, returns), indent: "" };
  return { signature: `export const ${name} =\n${layout.signature("  ", "", params, returns)}`, indent: "  " };
}

/** The request builders of one module (grouping.ts): their specs, aliases, interfaces and factories. */
export function planBuilderModule(ctx: EmitContext, module: BuilderModule, moduleOf: (node: RequestNode) => string, lookup: PermissionLookup, validators: ValidatorLookup): PlannedModule {
  const shared = new ModuleScope(ctx, module.modulePath, module.nodes, moduleOf, lookup, validators);
  const scopes = module.nodes.map((node) => planMembers(shared, node));
  const { specs, layout } = shared;
  // The top path's template, which every other path of the module extends.
  const moduleTemplate = (module.nodes[0] as RequestNode).template;
  if (specs.length > 0) shared.imports.add(CLIENT_RUNTIME_MODULE, "OperationSpec");
  return {
    modulePath: module.modulePath,
    template: "client-request-builder",
    view: {
      imports: layout.imports([...shared.imports.views(), ...shared.values.views()]),
      selectAliases: shared.selectAliases,
      typeAliases: shared.aliases,
      templateConstant: specs.length > 0 ? templateConstant(moduleTemplate) : "",
      specs: specs.map((spec) => specText(layout, spec, moduleTemplate)),
      builders: scopes.map((scope) => builderView(scope, specs.length > 0 ? moduleTemplate : undefined)),
    },
    prettierStable: layout.stable,
  };
}

function planMembers(shared: ModuleScope, node: RequestNode): BuilderScope {
  const scope = new BuilderScope(shared, node);
  if (node.included && node.kind === "collection") collectionMembers(scope);
  if (node.included && node.kind === "entity") entityMembers(scope);
  streamMembers(scope);
  childMembers(scope);
  for (const op of node.operations) operationMember(scope, op);
  return scope;
}

/** One request builder: its interface and factory; `path` defaults to the node's own path where it has no key. */
function builderView(scope: BuilderScope, moduleTemplate: string | undefined) {
  const { node, type, layout } = scope;
  const naming = requestBuilderNaming(node.segments);
  const factoryParams: Parameter[] = [
    { name: "transport", annotation: ": GraphTransport" },
    { name: "path", annotation: node.segments.some(isKeySegment) ? ": string" : `: string = ${templateReference(node.template, moduleTemplate)}` },
  ];
  const described = node.kind === "collection" ? "a collection of" : "one";
  const factory = factoryLayout(layout, naming.factoryName, factoryParams, `: ${naming.interfaceName} => {`);
  return {
    doc: commentLines(`Request builder for \`${node.template}\` (${described} ${type.fullName}).`),
    template: node.template,
    interfaceName: naming.interfaceName,
    factorySignature: factory.signature,
    factoryIndent: factory.indent,
    members: scope.members.map((m) => ({ doc: m.doc, signature: m.signature, implementation: m.implementation(`${factory.indent}    `) })),
  };
}
