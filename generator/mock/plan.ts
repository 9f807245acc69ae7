// The mock's part of a generation: a fake Graph for users' tests, driven by the client's request tree.
// A generic runtime (templates/runtime/mock/, copied) interprets a generated route table; the index types `seed` by path.
import type { RequestNode } from "../client/request-tree.js";
import type { ValidatorLookup } from "../client/scope.js";
import { ClientLayout, type Literal } from "../client/layout.js";
import { runtimeModule, type EmitContext, type PlannedModule } from "../emit/context.js";
import { ImportSet } from "../emit/imports.js";
import { layoutAnnotation, PRINT_WIDTH } from "../emit/layout.js";
import { typeShape, type ExpressionContext } from "../emit/type-expressions.js";
import { propertyKey } from "../naming.js";
import { buildRouteTable, type MockRoute, type MockRouteTable, type MockTypeEntry } from "./route-table.js";

export const MOCK_INDEX_MODULE = "mock/index";
const ROUTES_MODULE = "mock/routes";

/** The runtime's modules, copied from `templates/runtime/mock/<name>.ts`, in the order they depend on each other. */
const RUNTIME_MODULES = ["types", "query", "store", "resolve", "derived", "documented", "drive-items", "places", "references", "serve", "uploads", "operations", "batch", "faults", "seed", "http", "graph", "exports"];

export function planMockModules(ctx: EmitContext, roots: readonly RequestNode[], validators: ValidatorLookup): PlannedModule[] {
  if (!ctx.options.mock || roots.length === 0) return [];
  const table = buildRouteTable(ctx.model, roots, new Set(ctx.selection.types));
  const runtime = RUNTIME_MODULES.map((name) => runtimeModule(`mock/${name}`));
  return [...runtime, routesModule(ctx, table, validators), indexModule(ctx, table)];
}

function routesModule(ctx: EmitContext, table: MockRouteTable, validators: ValidatorLookup): PlannedModule {
  const imports = new ImportSet(ROUTES_MODULE, ["schema"]);
  imports.add("mock/types", "MockSchema");
  const values = new ImportSet(ROUTES_MODULE, ["schema"]);
  const typeLiteral = (type: MockTypeEntry): Literal => {
    const validator = type.validated ? validators(type.fullName) : undefined;
    const entries: [string, Literal][] = [];
    if (type.base) entries.push(["base", JSON.stringify(type.base)]);
    if (type.abstract) entries.push(["abstract", "true"]);
    if (type.stream) entries.push(["stream", "true"]);
    entries.push(["properties", { entries: type.properties.map(([name, typeName]) => [propertyKey(name), JSON.stringify(typeName)]) }]);
    if (type.readOnly.length > 0) entries.push(["readOnly", { array: type.readOnly.map((name) => JSON.stringify(name)) }]);
    // Same-named types of two namespaces (`alert`, `security.alert`) import under the namespace-qualified alias.
    const alias = `validate${ctx.names.type(type.fullName).qualifiedAlias}`;
    if (validator) entries.push(["validate", values.add(validator.modulePath, validator.name, false, alias)]);
    return { entries };
  };
  const schema: Literal = {
    entries: [
      ["roots", { entries: table.roots.map((root) => [propertyKey(root.segment), routeLiteral(root)]) }],
      ["types", { entries: table.types.map((type) => [JSON.stringify(type.fullName), typeLiteral(type)]) }],
      ["enums", { array: table.enums.map((name) => JSON.stringify(name)) }],
      ["derived", { array: table.derived.map(derivedLiteral) }],
      ["enumMembers", { entries: [...table.enumMembers].map(([name, members]) => [JSON.stringify(name), { array: members.map((m) => JSON.stringify(m)) }]) }],
      ["entitySets", { entries: [...table.entitySets].map(([type, set]) => [JSON.stringify(type), JSON.stringify(set)]) }],
      ["documented", { entries: [...table.documented].map(([type, behaviour]) => [JSON.stringify(type), jsonLiteral(behaviour)]) }],
    ],
  };
  const layout = new ClientLayout();
  const text = layout.literal("", "export const schema: MockSchema = ", schema, ";", true);
  return {
    modulePath: ROUTES_MODULE,
    template: "mock-routes",
    view: { imports: layout.imports([...imports.views(), ...values.views()]), schema: text },
    prettierStable: layout.stable,
  };
}

/** A plain JSON value (a documented behaviour) as a literal. */
function jsonLiteral(value: unknown): Literal {
  if (Array.isArray(value)) return { array: value.map(jsonLiteral) };
  if (typeof value === "object" && value !== null) return { entries: Object.entries(value).map(([key, item]) => [propertyKey(key), jsonLiteral(item)]) };
  return JSON.stringify(value);
}

function derivedLiteral(derived: MockRouteTable["derived"][number]): Literal {
  const entries: [string, Literal][] = [
    ["type", JSON.stringify(derived.type)],
    ["navigation", JSON.stringify(derived.navigation)],
    ["via", JSON.stringify(derived.via)],
    ["direction", JSON.stringify(derived.direction)],
  ];
  if (derived.transitive) entries.push(["transitive", "true"]);
  entries.push(["from", { array: derived.from.map((name) => JSON.stringify(name)) }]);
  return { entries };
}

function routeLiteral(route: MockRoute): Literal {
  const entries: [string, Literal][] = [
    ["kind", JSON.stringify(route.kind)],
    ["type", JSON.stringify(route.type)],
    ["template", JSON.stringify(route.template)],
  ];
  if (route.reference) entries.push(["reference", "true"]);
  if (route.eventual) entries.push(["eventual", "true"]);
  if (route.children.length > 0) entries.push(["children", { entries: route.children.map((c) => [propertyKey(c.segment), routeLiteral(c)]) }]);
  if (route.item) entries.push(["item", routeLiteral(route.item)]);
  if (route.itemPath) entries.push(["itemPath", routeLiteral(route.itemPath)]);
  if (route.operations.length > 0) {
    const operation = (op: MockRoute["operations"][number]): Literal => ({
      entries: [
        ["kind", JSON.stringify(op.kind)],
        ["template", JSON.stringify(op.template)],
        ...(op.returns ? [["returns", JSON.stringify(op.returns)] as [string, Literal]] : []),
      ],
    });
    entries.push(["operations", { entries: route.operations.map((op) => [propertyKey(op.segment), operation(op)]) }]);
  }
  return { entries };
}

/** `createMockGraph` and the `MockSeed` map: each collection path (keys as `${string}`) with its item type. */
function indexModule(ctx: EmitContext, table: MockRouteTable): PlannedModule {
  const imports = new ImportSet(MOCK_INDEX_MODULE, ["MockSeed", "createMockGraph"]);
  const values = new ImportSet(MOCK_INDEX_MODULE, ["MockSeed", "createMockGraph"]);
  const expressions: ExpressionContext = { model: ctx.model, names: ctx.names, imports };
  imports.add("mock/graph", "MockGraph");
  imports.add("mock/graph", "MockGraphOptions");
  values.add("mock/graph", "createMock", false);
  values.add(ROUTES_MODULE, "schema", false);
  // Nodes that only lead to included paths (`/identity` for `/identity/apiConnectors/**`) have no emitted type.
  const selected = new Set(ctx.selection.types);
  const entries: SeedEntry[] = [];
  const visit = (route: MockRoute, isItem: boolean) => {
    if (!isItem && selected.has(route.type)) entries.push({ path: route.template.replace(/\{[^}]*\}/g, "${string}"), types: [route.type] });
    route.children.forEach((child) => visit(child, false));
    if (route.item) visit(route.item, true);
    if (route.itemPath) visit(route.itemPath, true);
  };
  table.roots.forEach((root) => visit(root, false));
  const seed = widenOverlapping(entries).map(({ path, types }) => {
    const members = types.flatMap((name) => typeShape(expressions, { name, collection: false }, false).members);
    const shape = { members: [...new Set(members)], collection: false };
    const head = path.includes("${") ? `  [path: \`${path}\`]:` : `  ${JSON.stringify(path)}:`;
    const line = `${head}${layoutAnnotation(head, shape, "  ")};`;
    // Prettier breaks a long index signature inside its brackets first.
    const broken = `  [\n    path: \`${path}\`\n  ]:`;
    return line.split("\n")[0]!.length <= PRINT_WIDTH || !path.includes("${") ? line : `${broken}${layoutAnnotation("  ]:", shape, "  ")};`;
  });
  const layout = new ClientLayout();
  return {
    modulePath: MOCK_INDEX_MODULE,
    template: "mock-index",
    view: { imports: layout.imports([...imports.views(), ...values.views()]), seed },
    prettierStable: layout.stable,
  };
}

interface SeedEntry {
  readonly path: string;
  readonly types: readonly string[];
}

/**
 * `${string}` also matches `/`, so one seed path pattern can hold another
 * (`/drives/${string}/sort` holds `/drives/${string}/columns/${string}/sort`), and TypeScript then wants the
 * holder's item type to take the held one's: each pattern's type is the union of its own and those of the
 * patterns it holds. Only patterns ending in the same segment can hold each other, so they are compared in groups.
 */
function widenOverlapping(entries: readonly SeedEntry[]): SeedEntry[] {
  const groups = new Map<string, SeedEntry[]>();
  for (const entry of entries) {
    const last = entry.path.slice(entry.path.lastIndexOf("/") + 1);
    groups.set(last, [...(groups.get(last) ?? []), entry]);
  }
  return entries.map((entry) => {
    if (!entry.path.includes("${")) return entry;
    const holds = new RegExp(`^${entry.path.split("${string}").map(escapeRegExp).join(".*")}$`);
    const group = groups.get(entry.path.slice(entry.path.lastIndexOf("/") + 1)) ?? [];
    const types = new Set(entry.types);
    for (const other of group) if (other !== entry && holds.test(other.path)) other.types.forEach((t) => types.add(t));
    return { path: entry.path, types: [...types] };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
