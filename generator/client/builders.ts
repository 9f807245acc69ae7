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
 * `const listRequest: OperationSpec = { ... };`, one member per line as the template always wrote it. A
 * template that several specs (or a factory's default path) share is named once (`TEMPLATE`, `TEMPLATE_2`), so
 * a bundle holds each path once; every other template is a plain string. Both keep a spec droppable by a
 * bundler when nothing imports its builder (a template literal, `${TEMPLATE}/x`, would count for esbuild as
 * code that may run, and stay).
 */
function specText(layout: ClientLayout, spec: SpecView, templates: ReadonlyMap<string, string>): string {
  const entries: [string, Literal][] = [
    ["method", JSON.stringify(spec.method)],
    ["template", templates.get(spec.template) ?? JSON.stringify(spec.template)],
  ];
  if (spec.body) entries.push(["body", spec.body]);
  if (spec.result) entries.push(["result", spec.result]);
  if (spec.collection) entries.push(["collection", "true"]);
  return layout.literal("", `const ${spec.constName}: OperationSpec = `, { entries }, ";", true);
}

/** The templates a module's specs and factories use more than once, each with the name of its constant. */
function sharedTemplates(specs: readonly SpecView[], nodes: readonly RequestNode[]): Map<string, string> {
  const uses = new Map<string, number>();
  const count = (template: string) => uses.set(template, (uses.get(template) ?? 0) + 1);
  for (const spec of specs) count(spec.template);
  for (const node of nodes) if (!node.segments.some(isKeySegment)) count(node.template);
  const names = new Map<string, string>();
  for (const [template, n] of uses) if (n > 1) names.set(template, names.size === 0 ? "TEMPLATE" : `TEMPLATE_${names.size + 1}`);
  return names;
}

/** `const TEMPLATE = "...";`, the string on its own line when too long, as prettier breaks an assignment. */
function templateConstant(name: string, template: string): string {
  const line = `const ${name} = ${JSON.stringify(template)};`;
  return line.length <= PRINT_WIDTH ? line : `const ${name} =\n  ${JSON.stringify(template)};`;
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
  const templates = sharedTemplates(specs, module.nodes);
  if (specs.length > 0) shared.imports.add(CLIENT_RUNTIME_MODULE, "OperationSpec");
  return {
    modulePath: module.modulePath,
    template: "client-request-builder",
    view: {
      imports: layout.imports([...shared.imports.views(), ...shared.values.views()]),
      selectAliases: shared.selectAliases,
      typeAliases: shared.aliases,
      specs: [...[...templates].map(([template, name]) => templateConstant(name, template)), ...specs.map((spec) => specText(layout, spec, templates))],
      builders: scopes.map((scope) => builderView(scope, templates)),
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
function builderView(scope: BuilderScope, templates: ReadonlyMap<string, string>) {
  const { node, type, layout } = scope;
  const naming = requestBuilderNaming(node.segments);
  const factoryParams: Parameter[] = [
    { name: "transport", annotation: ": GraphTransport" },
    { name: "path", annotation: node.segments.some(isKeySegment) ? ": string" : `: string = ${templates.get(node.template) ?? JSON.stringify(node.template)}` },
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
