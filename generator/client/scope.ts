// What the request builders of one module share (ModuleScope: imports, specs, local names, layout) and what the
// member planners of one request builder share (BuilderScope: its members and the permission lines of its docs).
import type { StructuredType, TypeRef } from "../model/types.js";
import { allProperties, concreteTypes, structuredType } from "../model/queries.js";
import { pascalCase, requestBuilderNaming } from "../naming.js";
import type { RequestNode } from "./request-tree.js";
import type { OperationPermissionInfo } from "./permissions.js";
import type { EmitContext } from "../emit/context.js";
import { commentLines } from "../emit/docs.js";
import { ClientLayout, type Parameter } from "./layout.js";
import { ImportSet } from "../emit/imports.js";
import { typeExpression, typeShape, type ExpressionContext } from "../emit/type-expressions.js";

export const CLIENT_RUNTIME_MODULE = "client/runtime";

/** Looks up a request's permissions; the plan step owns the permission index. */
export type PermissionLookup = (method: string, template: string) => OperationPermissionInfo;

/** Where the validators put `validateX`; undefined while the package has no validators. */
export type ValidatorLookup = (fullName: string) => { modulePath: string; name: string } | undefined;

export interface SpecView {
  constName: string;
  method: string;
  template: string;
  body?: string;
  result?: string;
  collection?: boolean;
}

export interface MemberView {
  doc: string[];
  /** The interface member, laid out. */
  signature: string;
  /** The factory's object member, laid out at `indent` (deeper where the factory moved after `=`, see builders.ts). */
  implementation: (indent: string) => string;
}

export interface SenderCall {
  spec: string;
  callee?: string;
  path?: string;
  body?: string;
  /** Arguments after the path instead of `options` (and the body). */
  args?: string[];
  /** The callee takes the transport first (a workflow module's function, not a transport method). */
  withTransport?: boolean;
  /** The options' type, made the member's type parameter `O` so that `select`/`expand` shape the result. */
  query?: string;
}

/** The members every request builder declares for its own requests; a navigation or operation that clashes gets `_`. */
export const BUILDER_METHODS: readonly string[] = ["get", "update", "delete", "list", "listAll", "create", "count", "addRef", "removeRef", "setRef", "byId", "byPath"];

/**
 * What the request builders of one module share (grouping.ts puts a path's subtree in one module): imports,
 * layout, the specs, and the module-local names (`Property`, `Item`, `getRequest`, ...), each declared once;
 * a second path of the module needing the same name for something else gets it numbered (`Property_2`,
 * `getRequest_2`; short, so signatures keep their layout): graphgen never writes `_` in a type's name, so no
 * import can clash with it.
 */
export class ModuleScope {
  readonly imports: ImportSet;
  readonly values: ImportSet;
  readonly expressions: ExpressionContext;
  readonly layout = new ClientLayout();
  readonly specs: SpecView[] = [];
  /** `type Property = ...` and `type Navigation = ...` declarations, one pair per entity type that needs them. */
  readonly selectAliases: { type: string; property: string; navigation: string }[] = [];
  /** Type aliases the module declares: long type expressions get a name, so signatures stay on one line. */
  readonly aliases: string[] = [];
  /** Local name -> what it stands for; a spec's name stands for itself alone. */
  private readonly locals = new Map<string, string>();

  constructor(
    readonly ctx: EmitContext,
    readonly modulePath: string,
    nodes: readonly RequestNode[],
    readonly moduleOf: (node: RequestNode) => string,
    readonly lookup: PermissionLookup,
    readonly validators: ValidatorLookup,
  ) {
    // Types and values in separate import statements, so verbatimModuleSyntax sees `import type` for every type.
    const names = nodes.map((node) => requestBuilderNaming(node.segments));
    const operationAliases = nodes.flatMap((node) =>
      node.operations.flatMap(({ operation }) => [resultAlias(operation.name), ...operation.parameters.map((p) => parameterAlias(operation.name, p.name))]),
    );
    const own = [...names.flatMap((n) => [n.interfaceName, n.factoryName]), "Property", "Navigation", "Item", ...operationAliases];
    this.imports = new ImportSet(modulePath, own);
    this.values = new ImportSet(modulePath, names.map((n) => n.factoryName));
    this.expressions = { model: ctx.model, names: ctx.names, imports: this.imports };
    this.imports.add(CLIENT_RUNTIME_MODULE, "GraphTransport");
  }

  /** `name` if free or already standing for `meaning`, else `name_2`, `name_3`, ...; `fresh` when newly declared. */
  local(name: string, meaning: string): { name: string; fresh: boolean } {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${name}_${n}`;
      const held = this.locals.get(candidate);
      if (held === meaning) return { name: candidate, fresh: false };
      if (held === undefined) {
        this.locals.set(candidate, meaning);
        return { name: candidate, fresh: true };
      }
    }
  }

  /** `Property` and `Navigation`: the names `select` and `expand` accept on `type`. */
  selectNames(type: StructuredType): { property: string; navigation: string } {
    const property = this.local("Property", type.fullName);
    const navigation = this.local("Navigation", type.fullName);
    if (property.fresh) {
      const { properties, navigationProperties } = allProperties(this.ctx.model, type);
      const union = (names: string[]) => (names.length === 0 ? ["never"] : [...new Set(names)].map((n) => JSON.stringify(n)));
      this.selectAliases.push({
        type: type.fullName,
        property: this.layout.alias(`type ${property.name} =`, union(properties.map((p) => p.name))),
        navigation: this.layout.alias(`type ${navigation.name} =`, union(navigationProperties.map((p) => p.name))),
      });
    }
    return { property: property.name, navigation: navigation.name };
  }

  /** A module-local alias `name` for a long type. */
  alias(name: string, members: readonly string[]): string {
    const local = this.local(name, members.join(" | "));
    if (local.fresh) this.aliases.push(this.layout.alias(`type ${local.name} =`, members));
    return local.name;
  }

  addSpec(name: string, method: string, template: string, extra: Partial<SpecView>): string {
    const constName = this.local(`${name}Request`, `spec ${this.specs.length}`).name;
    this.specs.push({ constName, method, template, ...extra });
    return constName;
  }
}

/** What the member planners of one request builder share: the module's scope, its members and member names. */
export class BuilderScope {
  readonly imports: ImportSet;
  readonly values: ImportSet;
  readonly expressions: ExpressionContext;
  readonly layout: ClientLayout;
  readonly members: MemberView[] = [];
  /** Member names in use: the fixed ones first, so a navigation property called `count` becomes `count_`. */
  readonly taken = new Set(BUILDER_METHODS);
  readonly type: StructuredType;

  constructor(
    readonly module: ModuleScope,
    readonly node: RequestNode,
  ) {
    this.imports = module.imports;
    this.values = module.values;
    this.expressions = module.expressions;
    this.layout = module.layout;
    this.type = structuredType(module.ctx.model, node.entityType) as StructuredType;
  }

  /** The module that exports a node's request builder. */
  moduleOf(node: RequestNode): string {
    return this.module.moduleOf(node);
  }

  /** `options<Property, Navigation>`: query options naming this type's properties and navigation properties. */
  query(options: string): string {
    const { property, navigation } = this.module.selectNames(this.type);
    return `${options}<${property}, ${navigation}>`;
  }

  runtime(name: string): string {
    return this.imports.add(CLIENT_RUNTIME_MODULE, name);
  }

  runtimeValue(name: string): string {
    return this.values.add(CLIENT_RUNTIME_MODULE, name, false);
  }

  /** The node's entity type (with its derived types, a union) as a TypeScript type. */
  entity(): string {
    return this.named("Item", this.structured(this.node.entityType, false));
  }

  /**
   * A structured type as the union of what it can hold; a type with more concrete types than a reader could
   * scan (`microsoft.graph.entity` has over a thousand) as its own interface: narrow it with a cast path.
   */
  structured(fullName: string, nullable: boolean): string {
    if (concreteTypes(this.expressions.model, fullName).length <= WIDE_UNION) {
      return typeExpression(this.expressions, { name: fullName, collection: false }, nullable);
    }
    const naming = this.expressions.names.type(fullName);
    const name = this.imports.add(naming.modulePath, naming.typeName, true, naming.qualifiedAlias);
    return nullable ? `${name} | null` : name;
  }

  /** `expression`, or a module-local alias `name` for it when it is long (a union of derived types). */
  named(name: string, expression: string): string {
    return expression.length <= LONG_TYPE ? expression : this.module.alias(name, unionMembers(expression));
  }

  /** A parameter's type: a long union gets an alias, a collection of one an alias of its items. */
  parameterType(name: string, type: TypeRef, nullable: boolean): string {
    const shape = typeShape(this.expressions, type, nullable);
    const inline = typeExpression(this.expressions, type, nullable);
    if (inline.length <= LONG_TYPE || shape.members.length < 2) return inline;
    const alias = this.module.alias(name, shape.members);
    return shape.collection ? `${alias}[]` : alias;
  }

  addSpec(name: string, method: string, template: string, extra: Partial<SpecView> = {}): string {
    return this.module.addSpec(name, method, template, extra);
  }

  validator(mode: "body" | "result"): Partial<SpecView> {
    const found = this.module.validators(this.node.entityType);
    if (!found) return {};
    // Same-named types of two namespaces in one module (`alert`, `security.alert`) import under the qualified alias.
    const alias = `validate${this.expressions.names.type(this.node.entityType).qualifiedAlias}`;
    const local = this.values.add(found.modulePath, found.name, false, alias);
    return mode === "body" ? { body: local } : { result: local };
  }

  /** A member sending a spec: `name(params): returns` in the interface, an arrow in the factory. */
  sender(doc: string[], name: string, params: Parameter[], returns: string, call: SenderCall): void {
    const args = [call.spec, call.path ?? "path", ...(call.args ?? ["options", ...(call.body ? [call.body] : [])])];
    if (call.withTransport) args.unshift("transport");
    this.members.push({
      doc,
      signature: this.layout.signature("  ", call.query ? `${name}<const O extends ${call.query} = {}>` : name, params, `: ${returns};`),
      implementation: (indent) => this.layout.arrowMember(indent, name, params.map((p) => p.name), call.callee ?? "transport.send", args),
    });
  }

  /** Summary, `METHOD template` and the least-privileged permissions. */
  doc(summary: string, method: string, template: string, ...notes: string[]): string[] {
    const { least } = this.module.lookup(method, template);
    const describe = (refs: readonly { name: string; id?: string }[]) =>
      refs.length === 0 ? "none listed" : refs.map((r) => `\`${r.name}\`${r.id ? ` (id ${r.id})` : ""}`).join(" or ");
    const permissions = least
      ? [`Least-privileged permissions: delegated ${describe(least.delegated)}; application ${describe(least.application)}.`]
      : ["Least-privileged permissions: not in Graph's permission tables."];
    return commentLines(summary, ...notes, `\`${method} ${template}\``, ...permissions);
  }
}

/** More concrete types than this, and a base type is written as itself, not as the union. */
const WIDE_UNION = 60;

/** Longer type expressions get an alias; a signature line holds about this much besides its type. */
const LONG_TYPE = 60;

/** The alias naming an operation's long result type. */
export function resultAlias(operationName: string): string {
  return `${pascalCase(operationName)}Result`;
}

/** The alias naming an operation parameter's long type. */
export function parameterAlias(operationName: string, parameterName: string): string {
  return `${pascalCase(operationName)}${pascalCase(parameterName)}`;
}

/** `A | (B & { x: "y|z" }) | C` split at its top-level bars. */
function unionMembers(expression: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && "({<[".includes(c as string)) depth++;
    else if (!quoted && ")}>]".includes(c as string)) depth--;
    else if (!quoted && depth === 0 && expression.startsWith(" | ", i)) {
      members.push(expression.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(expression.slice(start));
  return members;
}
