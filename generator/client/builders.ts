// View models for the request builder modules: one module per request path, holding its requests' specs
// (method, template, validators) and a factory that returns the builder object. The members for each kind of
// request are planned in members.ts, over the module's shared state in scope.ts; this file assembles the module.
import { allProperties } from "../model/queries.js";
import { requestBuilderNaming } from "../naming.js";
import { isKeySegment, type RequestNode } from "./request-tree.js";
import type { EmitContext, PlannedModule } from "../emit/context.js";
import { commentLines } from "../emit/docs.js";
import type { ClientLayout, Literal, Parameter } from "./layout.js";
import { PRINT_WIDTH } from "../emit/layout.js";
import { breaksFurther } from "../format.js";
import { childMembers, collectionMembers, entityMembers, operationMember, streamMembers } from "./members.js";
import { BuilderScope, type MemberView, type PermissionLookup, type SpecView, type ValidatorLookup } from "./scope.js";

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

/**
 * `export const name = (params): Interface => {`, or, where not even `export const name = (` fits, prettier's
 * break after `=`: the arrow function on the next lines, body included, one level deeper (`indent`). Members
 * were laid out one level shallower: a line that no longer fits sends the module to prettier.
 */
function factoryLayout(layout: ClientLayout, name: string, params: readonly Parameter[], returns: string, members: readonly MemberView[]): { signature: string; indent: string } {
  const head = `export const ${name} = `;
  if (head.length + "(".length <= PRINT_WIDTH) return { signature: layout.signature("", head, params, returns), indent: "" };
  if (members.some((m) => m.implementation.split("\n").some((line) => breaksFurther(`  ${line}`)))) layout.stable = false;
  return { signature: `export const ${name} =\n${layout.signature("  ", "", params, returns)}`, indent: "  " };
}

export function planRequestBuilder(ctx: EmitContext, node: RequestNode, lookup: PermissionLookup, validators: ValidatorLookup): PlannedModule {
  const naming = requestBuilderNaming(node.segments);
  const scope = new BuilderScope(ctx, node, lookup, validators);
  if (node.included && node.kind === "collection") collectionMembers(scope);
  if (node.included && node.kind === "entity") entityMembers(scope);
  streamMembers(scope);
  childMembers(scope);
  for (const op of node.operations) operationMember(scope, op);
  const { specs, layout, type } = scope;
  if (specs.length > 0) scope.runtime("OperationSpec");

  const { properties, navigationProperties } = allProperties(ctx.model, type);
  const union = (names: string[]) => (names.length === 0 ? ["never"] : [...new Set(names)].map((n) => JSON.stringify(n)));
  const factoryParams: Parameter[] = [
    { name: "transport", annotation: ": GraphTransport" },
    { name: "path", annotation: node.segments.some(isKeySegment) ? ": string" : `: string = ${specs.length > 0 ? "TEMPLATE" : JSON.stringify(node.template)}` },
  ];
  const described = node.kind === "collection" ? "a collection of" : "one";
  const factory = factoryLayout(layout, naming.factoryName, factoryParams, `: ${naming.interfaceName} => {`, scope.members);
  return {
    modulePath: naming.modulePath,
    template: "client-request-builder",
    view: {
      imports: layout.imports([...scope.imports.views(), ...scope.values.views()]),
      doc: commentLines(`Request builder for \`${node.template}\` (${described} ${type.fullName}).`),
      template: node.template,
      interfaceName: naming.interfaceName,
      factorySignature: factory.signature,
      factoryIndent: factory.indent,
      // Declared only where a member names them: a module with no `get` or `list` would leave them unused.
      propertyAlias: scope.selectable && layout.alias("type Property =", union(properties.map((p) => p.name))),
      navigationAlias: scope.selectable && layout.alias("type Navigation =", union(navigationProperties.map((p) => p.name))),
      typeAliases: scope.aliases,
      templateConstant: specs.length > 0 ? templateConstant(node.template) : "",
      specs: specs.map((spec) => specText(layout, spec, node.template)),
      members: scope.members,
    },
    prettierStable: layout.stable,
  };
}
