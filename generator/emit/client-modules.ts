// Plans the client part of the package: the fixed runtime modules, the permissions table, the client
// index with `createGraphClient`, and one request builder module per included request path.
import { nodeRequests, requestNodes, type RequestNode } from "../client/request-tree.js";
import type { PermissionIndex } from "../permissions/tables.js";
import { permissionLookup } from "../client/permissions.js";
import { requestBuilderNaming } from "../naming.js";
import { CLIENT_RUNTIME_MODULE, planRequestBuilder, type ValidatorLookup } from "./client-builders.js";
import type { EmitContext, PlannedModule } from "./context.js";
import { ImportSet } from "./imports.js";

export const CLIENT_INDEX_MODULE = "client/index";
const DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";

export function planClientModules(ctx: EmitContext, roots: readonly RequestNode[], index: PermissionIndex, validators: ValidatorLookup): PlannedModule[] {
  if (roots.length === 0) return [];
  const lookup = permissionLookup(index);
  const nodes = requestNodes(roots);
  return [
    { modulePath: CLIENT_RUNTIME_MODULE, template: "client-runtime", view: { defaultBaseUrl: DEFAULT_BASE_URL } },
    { modulePath: "client/errors", template: "client-errors", view: {} },
    { modulePath: "client/token-permissions", template: "client-token-permissions", view: {} },
    { modulePath: "client/permissions", template: "client-permissions", view: { entries: permissionEntries(nodes, lookup) } },
    clientIndex(roots),
    ...nodes.map((node) => planRequestBuilder(ctx, node, lookup, validators)),
  ];
}

function permissionEntries(nodes: readonly RequestNode[], lookup: ReturnType<typeof permissionLookup>) {
  return nodes.flatMap((node) =>
    nodeRequests(node).map(({ method, template }) => {
      const { least } = lookup(method, template);
      return {
        key: `${method} ${template}`,
        method,
        path: template,
        delegated: JSON.stringify(least?.delegated ?? []),
        application: JSON.stringify(least?.application ?? []),
      };
    }),
  );
}

function clientIndex(roots: readonly RequestNode[]): PlannedModule {
  const imports = new ImportSet(CLIENT_INDEX_MODULE, ["GraphClient", "createGraphClient"]);
  const values = new ImportSet(CLIENT_INDEX_MODULE, ["createGraphClient"]);
  values.add(CLIENT_RUNTIME_MODULE, "createTransport", false);
  imports.add(CLIENT_RUNTIME_MODULE, "GraphClientOptions");
  const views = roots.map((root) => {
    const naming = requestBuilderNaming(root.segments);
    return {
      name: root.segments[0],
      segment: root.segments[0],
      interfaceName: imports.add(naming.modulePath, naming.interfaceName),
      factoryName: values.add(naming.modulePath, naming.factoryName, false),
    };
  });
  return { modulePath: CLIENT_INDEX_MODULE, template: "client-index", view: { imports: [...imports.views(), ...values.views()], roots: views } };
}
