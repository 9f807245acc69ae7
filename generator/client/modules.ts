// Plans the client part of the package: the fixed runtime modules (templates/runtime/client/), the permission
// tables, the client index with `createGraphClient`, and the request builder modules, a path subtree in each (grouping.ts).
import { nodeRequests, requestNodes, type RequestNode } from "./request-tree.js";
import type { PermissionIndex } from "../permissions/tables.js";
import { permissionLookup, type PermissionName } from "./permissions.js";
import { requestBuilderNaming } from "../naming.js";
import { planBuilderModule } from "./builders.js";
import { groupRequestNodes } from "./grouping.js";
import { CLIENT_RUNTIME_MODULE, type ValidatorLookup } from "./scope.js";
import { ClientLayout, type Literal } from "./layout.js";
import { runtimeModule, type EmitContext, type PlannedModule } from "../emit/context.js";
import { ImportSet } from "../emit/imports.js";
import { deprecationLines } from "../emit/docs.js";

export const CLIENT_INDEX_MODULE = "client/index";
/**
 * The runtime, copied from templates/runtime/client/: Graph's workflows are each a module of their own that
 * only the code importing it bundles (`client/batch`, ...).
 */
const RUNTIME_MODULES = ["errors", "retry", "batch", "delta", "upload", "permission-types", "token-permissions", "auth", "middleware", "exports"];

export function planClientModules(ctx: EmitContext, roots: readonly RequestNode[], index: PermissionIndex, validators: ValidatorLookup): PlannedModule[] {
  if (roots.length === 0) return [];
  const lookup = permissionLookup(index);
  const nodes = requestNodes(roots);
  const builders = groupRequestNodes(roots);
  return [
    runtimeModule(CLIENT_RUNTIME_MODULE),
    ...RUNTIME_MODULES.map((name) => runtimeModule(`client/${name}`)),
    { modulePath: "client/accepted-permissions", template: "client-accepted-permissions", view: { entries: acceptedEntries(nodes, lookup, new ClientLayout()) }, prettierStable: true },
    { modulePath: "client/permissions", template: "client-permissions", view: { entries: permissionEntries(nodes, lookup, new ClientLayout()) }, prettierStable: true },
    clientIndex(roots, builders.moduleOf),
    ...builders.modules.map((module) => planBuilderModule(ctx, module, builders.moduleOf, lookup, validators)),
  ];
}

function permissionEntries(nodes: readonly RequestNode[], lookup: ReturnType<typeof permissionLookup>, layout: ClientLayout): string[] {
  const refs = (list: readonly PermissionName[]): Literal => ({
    array: list.map((r) => ({ entries: [['"name"', JSON.stringify(r.name)], ...(r.id ? [['"id"', JSON.stringify(r.id)] as const] : [])] })),
  });
  return nodes.flatMap((node) =>
    nodeRequests(node).map(({ method, template }) => {
      const { least } = lookup(method, template);
      const entry: Literal = {
        entries: [
          ["method", JSON.stringify(method)],
          ["path", JSON.stringify(template)],
          ["delegated", refs(least?.delegated ?? [])],
          ["application", refs(least?.application ?? [])],
        ],
      };
      return layout.literal("  ", `${JSON.stringify(`${method} ${template}`)}: `, entry, ",");
    }),
  );
}

/** What `checkPermissions` accepts per request: every permission that allows it, not only the least. */
function acceptedEntries(nodes: readonly RequestNode[], lookup: ReturnType<typeof permissionLookup>, layout: ClientLayout): string[] {
  const names = (list: readonly string[]): Literal => ({ array: list.map((name) => JSON.stringify(name)) });
  return nodes.flatMap((node) =>
    nodeRequests(node).map(({ method, template }) => {
      const { accepted } = lookup(method, template);
      const entry: Literal = { entries: [["delegated", names(accepted.delegated)], ["application", names(accepted.application)]] };
      return layout.literal("  ", `${JSON.stringify(`${method} ${template}`)}: `, entry, ",");
    }),
  );
}

function clientIndex(roots: readonly RequestNode[], moduleOf: (node: RequestNode) => string): PlannedModule {
  const imports = new ImportSet(CLIENT_INDEX_MODULE, ["GraphClient", "createGraphClient"]);
  const values = new ImportSet(CLIENT_INDEX_MODULE, ["createGraphClient"]);
  values.add(CLIENT_RUNTIME_MODULE, "createTransport", false);
  imports.add(CLIENT_RUNTIME_MODULE, "GraphClientOptions");
  imports.add(CLIENT_RUNTIME_MODULE, "GraphTransport");
  const layout = new ClientLayout();
  const views = roots.map((root) => {
    const naming = requestBuilderNaming(root.segments);
    const segment = root.segments[0] as string;
    const interfaceName = imports.add(moduleOf(root), naming.interfaceName);
    const factoryName = values.add(moduleOf(root), naming.factoryName, false);
    return {
      name: segment,
      // Only a deprecated entity set or singleton gets a comment: the rest read as their path.
      doc: deprecationLines(root.deprecation),
      member: layout.literal("  ", `readonly ${segment}: `, interfaceName, ";"),
      // A root builder's path defaults to its own, `/${segment}`.
      getter: layout.call("      ", "return ", factoryName, ["transport"], ";"),
    };
  });
  const importLines = layout.imports([...imports.views(), ...values.views()]);
  return { modulePath: CLIENT_INDEX_MODULE, template: "client-index", view: { imports: importLines, roots: views }, prettierStable: layout.stable };
}
