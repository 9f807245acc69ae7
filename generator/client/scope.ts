// What the member planners of one request builder module share (scope.ts): its imports, specs, members, layout
// and the permission lines of its doc comments.
import type { StructuredType, TypeRef } from "../model/types.js";
import { concreteTypes, structuredType } from "../model/queries.js";
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
  /** The factory's object member, laid out. */
  implementation: string;
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

/** What the member planners of one module share: its imports, specs, members and layout. */
export class BuilderScope {
  readonly imports: ImportSet;
  readonly values: ImportSet;
  readonly expressions: ExpressionContext;
  readonly layout = new ClientLayout();
  readonly specs: SpecView[] = [];
  readonly members: MemberView[] = [];
  /** Member names in use: the fixed ones first, so a navigation property called `count` becomes `count_`. */
  readonly taken = new Set(BUILDER_METHODS);
  readonly type: StructuredType;

  constructor(
    ctx: EmitContext,
    readonly node: RequestNode,
    readonly lookup: PermissionLookup,
    private readonly validators: ValidatorLookup,
  ) {
    const naming = requestBuilderNaming(node.segments);
    // Types and values in separate import statements, so verbatimModuleSyntax sees `import type` for every type.
    const operationAliases = node.operations.flatMap(({ operation }) => [
      resultAlias(operation.name),
      ...operation.parameters.map((p) => parameterAlias(operation.name, p.name)),
    ]);
    const own = [naming.interfaceName, naming.factoryName, "Property", "Navigation", "Item", ...operationAliases];
    this.imports = new ImportSet(naming.modulePath, own);
    this.values = new ImportSet(naming.modulePath, [naming.factoryName]);
    this.expressions = { model: ctx.model, names: ctx.names, imports: this.imports };
    this.type = structuredType(ctx.model, node.entityType) as StructuredType;
    this.runtime("GraphTransport");
  }

  /** A member takes `select` and `expand`: the module declares `Property` and `Navigation`, the names they accept. */
  selectable = false;

  /** `options<Property, Navigation>`: query options naming this type's properties and navigation properties. */
  query(options: string): string {
    this.selectable = true;
    return `${options}<Property, Navigation>`;
  }

  runtime(name: string): string {
    return this.imports.add(CLIENT_RUNTIME_MODULE, name);
  }

  runtimeValue(name: string): string {
    return this.values.add(CLIENT_RUNTIME_MODULE, name, false);
  }

  /** Type aliases the module declares: long type expressions get a name, so signatures stay on one line. */
  readonly aliases: string[] = [];

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
    return expression.length <= LONG_TYPE ? expression : this.alias(name, unionMembers(expression));
  }

  /** A parameter's type: a long union gets an alias, a collection of one an alias of its items. */
  parameterType(name: string, type: TypeRef, nullable: boolean): string {
    const shape = typeShape(this.expressions, type, nullable);
    const inline = typeExpression(this.expressions, type, nullable);
    if (inline.length <= LONG_TYPE || shape.members.length < 2) return inline;
    const alias = this.alias(name, shape.members);
    return shape.collection ? `${alias}[]` : alias;
  }

  private alias(name: string, members: readonly string[]): string {
    const declaration = this.layout.alias(`type ${name} =`, members);
    if (!this.aliases.includes(declaration)) this.aliases.push(declaration);
    return name;
  }

  addSpec(name: string, method: string, template: string, extra: Partial<SpecView> = {}): string {
    const constName = `${name}Request`;
    this.specs.push({ constName, method, template, ...extra });
    return constName;
  }

  validator(mode: "body" | "result"): Partial<SpecView> {
    const found = this.validators(this.node.entityType);
    if (!found) return {};
    const local = this.values.add(found.modulePath, found.name, false);
    return mode === "body" ? { body: local } : { result: local };
  }

  /** A member sending a spec: `name(params): returns` in the interface, an arrow in the factory. */
  sender(doc: string[], name: string, params: Parameter[], returns: string, call: SenderCall): void {
    const args = [call.spec, call.path ?? "path", ...(call.args ?? ["options", ...(call.body ? [call.body] : [])])];
    if (call.withTransport) args.unshift("transport");
    this.members.push({
      doc,
      signature: this.layout.signature("  ", call.query ? `${name}<const O extends ${call.query} = {}>` : name, params, `: ${returns};`),
      implementation: this.layout.arrowMember("    ", name, params.map((p) => p.name), call.callee ?? "transport.send", args),
    });
  }

  /** Summary, `METHOD template` and the least-privileged permissions. */
  doc(summary: string, method: string, template: string, ...notes: string[]): string[] {
    const { least } = this.lookup(method, template);
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
