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
 * template is a plain string, so a bundler drops the specs of a module's builders that nothing imports (a
 * template literal, `${TEMPLATE}/x`, counts for esbuild as code that may run, and stays).
 */
function specText(layout: ClientLayout, spec: SpecView): string {
  const entries: [string, Literal][] = [
    ["method", JSON.stringify(spec.method)],
    ["template", JSON.stringify(spec.template)],
  ];
  if (spec.body) entries.push(["body", spec.body]);
  if (spec.result) entries.push(["result", spec.result]);
  if (spec.collection) entries.push(["collection", "true"]);
  return layout.literal("", `const ${spec.constName}: OperationSpec = `, { entries }, ";", true);
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
  if (specs.length > 0) shared.imports.add(CLIENT_RUNTIME_MODULE, "OperationSpec");
  return {
    modulePath: module.modulePath,
    template: "client-request-builder",
    view: {
      imports: layout.imports([...shared.imports.views(), ...shared.values.views()]),
      selectAliases: shared.selectAliases,
      typeAliases: shared.aliases,
      specs: specs.map((spec) => specText(layout, spec)),
      builders: scopes.map(builderView),
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
function builderView(scope: BuilderScope) {
  const { node, type, layout } = scope;
  const naming = requestBuilderNaming(node.segments);
  const factoryParams: Parameter[] = [
    { name: "transport", annotation: ": GraphTransport" },
    { name: "path", annotation: node.segments.some(isKeySegment) ? ": string" : `: string = ${JSON.stringify(node.template)}` },
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
