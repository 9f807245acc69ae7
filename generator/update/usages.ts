// Where the user's own code touches a breaking change: the user's TypeScript project is loaded with
// ts-morph and every property access, object-literal property, destructured name, type reference and
// plain call is resolved by the type checker. When it lands on a generated declaration, that
// declaration is mapped back to its metadata element (models carry `@see <full name>`, validator
// modules a `TYPE_NAME`, request builder members document their path) and looked up among the changes.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { Node, Project, SyntaxKind, type SourceFile, type Symbol as MorphSymbol, type VariableDeclaration } from "ts-morph";
import type { BreakingChanges, ElementChange } from "./changes.js";

export interface BreakingUsage {
  /** Relative to the working folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What the code uses: `federatedIdentityCredential.subject`, `client.identity.apiConnectors`. */
  readonly symbol: string;
  /** `reads \`federatedIdentityCredential.subject\`, which became nullable` */
  readonly message: string;
  /** The compile error tsc reports there once regenerated: `TS2339: Property 'x' does not exist on type 'User'.` */
  readonly tsc?: string;
}

export interface UsageQuery {
  readonly tsconfig: string;
  /** Folders holding generated code: the output folder, and the generated package's folder in node_modules if installed. */
  readonly generatedRoots: readonly string[];
  readonly changes: BreakingChanges;
  readonly cwd: string;
  /** Types of this namespace are named without it: `user`, `callRecords.session`. */
  readonly rootNamespace: string;
}

type Access = "read" | "write" | "type" | "call";
type Element = { kind: "type"; fullName: string } | { kind: "member"; type: string; member: string } | { kind: "request"; template: string };

/** `project`: the user's project already loaded (impact.ts type-checks the same one). */
export function findBreakingUsages(query: UsageQuery, project = new Project({ tsConfigFilePath: query.tsconfig })): BreakingUsage[] {
  const generated = (node: Node) => query.generatedRoots.some((root) => node.getSourceFile().getFilePath().startsWith(`${root}/`));
  const usages: FoundUsage[] = [];
  for (const file of project.getSourceFiles()) {
    if (file.isDeclarationFile() || file.isInNodeModules() || generated(file)) continue;
    file.forEachDescendant((node) => {
      for (const reference of referencesAt(node)) {
        const declarations = (reference.symbol?.getDeclarations() ?? []).filter(generated);
        const found = declarations.map((d) => usageOf(reference, d, query)).find((usage) => usage !== undefined);
        if (found) usages.push(found);
      }
    });
  }
  return outermostRequests(usages).map(({ template: _template, ...usage }) => usage);
}

type FoundUsage = BreakingUsage & { readonly template?: string };

function usageOf(reference: Reference, declaration: Node, query: UsageQuery): FoundUsage | undefined {
  const element = generatedElement(declaration);
  const change = element && changeOf(query.changes, element, reference.access);
  if (!element || !change) return undefined;
  const file = reference.at.getSourceFile();
  const { line, column } = file.getLineAndColumnAtPos(reference.at.getStart());
  const name = (fullName: string) => (fullName.startsWith(`${query.rootNamespace}.`) ? fullName.slice(query.rootNamespace.length + 1) : fullName);
  const symbol = element.kind === "request" || reference.access === "call" ? reference.text : element.kind === "type" ? name(element.fullName) : `${name(element.type)}.${element.member}`;
  return {
    file: relative(query.cwd, file.getFilePath()),
    line,
    column,
    symbol,
    message: describe(subject(reference.access, element, symbol, element.kind === "type" ? name(element.fullName) : ""), change),
    ...(element.kind === "request" ? { template: element.template } : {}),
  };
}

interface Reference {
  readonly at: Node;
  readonly symbol: MorphSymbol | undefined;
  readonly access: Access;
  readonly text: string;
}

/**
 * The references a node makes: `a.b` reads or writes `b`; `{ b: 1 }` typed by context writes `b`;
 * `const { b } = a` reads `b`; `T` in a type uses `T`; `validateT(x)` calls T's validator.
 */
function referencesAt(node: Node): Reference[] {
  if (Node.isPropertyAccessExpression(node)) {
    const name = node.getNameNode();
    const parent = node.getParent();
    const written = Node.isBinaryExpression(parent) && parent.getLeft() === node && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
    return [{ at: name, symbol: aliased(name.getSymbol()), access: written ? "write" : "read", text: chainText(node) }];
  }
  if (Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node)) {
    const literal = node.getParent();
    if (!Node.isObjectLiteralExpression(literal)) return [];
    const property = literal.getContextualType()?.getProperty(node.getName().replace(/^["']|["']$/g, ""));
    return [{ at: node.getNameNode(), symbol: property, access: "write", text: node.getName() }];
  }
  if (Node.isBindingElement(node) && Node.isObjectBindingPattern(node.getParent())) {
    // `const { issuer } = credential` reads `issuer` of the destructured value's type.
    const name = (node.getPropertyNameNode() ?? node.getNameNode()).getText().replace(/^["']|["']$/g, "");
    const property = node.getParentOrThrow().getParentOrThrow().getType().getProperty(name);
    return [{ at: node, symbol: property, access: "read", text: name }];
  }
  if (Node.isCallExpression(node) && Node.isIdentifier(node.getExpression())) {
    const callee = node.getExpression();
    return [{ at: callee, symbol: aliased(callee.getSymbol()), access: "call", text: callee.getText() }];
  }
  if (Node.isTypeReference(node)) {
    const name = node.getTypeName();
    const last = Node.isQualifiedName(name) ? name.getRight() : name;
    return [{ at: last, symbol: aliased(last.getSymbol()), access: "type", text: last.getText() }];
  }
  return [];
}

function aliased(symbol: MorphSymbol | undefined): MorphSymbol | undefined {
  return symbol?.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
}

/** Maps a generated declaration back to the metadata element it was made from. */
function generatedElement(declaration: Node): Element | undefined {
  if (Node.isPropertySignature(declaration) || Node.isMethodSignature(declaration)) {
    const owner = declaration.getParent();
    if (!Node.isInterfaceDeclaration(owner)) return undefined;
    const fullName = seeTag(owner);
    if (fullName) return { kind: "member", type: fullName, member: declaration.getName().replace(/^["']|["']$/g, "") };
    const template = documentedPath(declaration);
    return template ? { kind: "request", template } : undefined;
  }
  if (Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration)) {
    const fullName = seeTag(declaration);
    return fullName ? { kind: "type", fullName } : undefined;
  }
  // Validator functions: `assertX` is declared as a function, the others as arrow functions (in a
  // package emitted as JavaScript + declarations, constants of a function type).
  if (Node.isFunctionDeclaration(declaration) || (Node.isVariableDeclaration(declaration) && isFunctionConstant(declaration))) {
    const fullName = validatedType(declaration.getSourceFile());
    return fullName ? { kind: "type", fullName } : undefined;
  }
  return undefined;
}

/**
 * The type a validator module checks, named once in it: an enum's `const TYPE_NAME = "microsoft.graph.x"`,
 * an entity or complex type's `const odataTypeX = "#microsoft.graph.x"` (exported when it is concrete).
 */
function validatedType(file: SourceFile): string | undefined {
  const literal = (node: Node | undefined) => (node && Node.isStringLiteral(node) ? node.getLiteralValue() : undefined);
  const named = literal(file.getVariableDeclaration("TYPE_NAME")?.getInitializer());
  if (named) return named;
  const odataType = file.getVariableDeclarations().find((variable) => variable.getName().startsWith("odataType"));
  const declared = literal(odataType?.getInitializer())?.replace(/^#/, "");
  if (declared || !file.isDeclarationFile()) return declared;
  // Emitted as JavaScript + declarations: the constants a module keeps to itself are in its .js alone.
  const code = file.getFilePath().replace(/\.d\.ts$/, ".js");
  const constant = existsSync(code) ? /^const (?:TYPE_NAME|odataType\w+) = "#?([\w.]+)";$/m.exec(readFileSync(code, "utf8")) : null;
  return constant?.[1];
}

function isFunctionConstant(declaration: VariableDeclaration): boolean {
  return Node.isArrowFunction(declaration.getInitializer()) || (declaration.getSourceFile().isDeclarationFile() && Node.isFunctionTypeNode(declaration.getTypeNode()));
}

/** Models name their metadata element: `@see microsoft.graph.federatedIdentityCredential`. */
function seeTag(node: Node & { getJsDocs(): { getText(): string }[] }): string | undefined {
  for (const doc of node.getJsDocs()) {
    const fullName = /@see\s+([\w.]+)/.exec(doc.getText())?.[1];
    if (fullName) return fullName;
  }
  return undefined;
}

/** Request builder members document their path first: `` `GET /users/{user-id}` `` or `` `/users/{user-id}/messages` ``. */
function documentedPath(member: Node & { getJsDocs(): { getInnerText(): string }[] }): string | undefined {
  const text = member.getJsDocs().map((doc) => doc.getInnerText()).join("\n");
  return /`(?:[A-Z]+ )?(\/[^`\s]*)`/.exec(text)?.[1];
}

function changeOf(changes: BreakingChanges, element: Element, access: Access): ElementChange | undefined {
  if (element.kind === "type") return changes.types.get(element.fullName);
  if (element.kind === "request") return changes.removedPaths.has(element.template) ? { change: "path removed", detail: element.template } : undefined;
  const change = changes.members.get(`${element.type}.${element.member}`);
  if (change?.change === "now nullable" && access !== "read") return undefined;
  if (change?.change === "no longer nullable" && access !== "write") return undefined;
  return change;
}

/** `reads \`a.b\``, `sets \`a.b\``, `uses type \`t\``, `calls \`validateT\` (validates \`t\`)`, `calls \`client.a.b\``. */
function subject(access: Access, element: Element, symbol: string, typeName: string): string {
  if (element.kind === "request") return `calls \`${symbol}\``;
  if (access === "call") return `calls \`${symbol}\` (validates \`${typeName}\`)`;
  if (element.kind === "type") return `uses type \`${symbol}\``;
  return `${access === "write" ? "sets" : "reads"} \`${symbol}\``;
}

function describe(what: string, change: ElementChange): string {
  if (change.change === "path removed") return `${what}, whose path ${change.detail} was removed`;
  if (change.change.endsWith("removed")) return `${what}, which was removed`;
  if (change.change === "now nullable") return `${what}, which became nullable`;
  if (change.change === "no longer nullable") return `${what}, which is no longer nullable`;
  return `${what}: ${change.change}${change.detail ? ` (${change.detail})` : ""}`;
}

/** `client.groups.byId(id).members` -> `client.groups.byId().members`: the chain, without arguments. */
function chainText(node: Node): string {
  let text = node.getText().replace(/\s+/g, "");
  for (let previous = ""; previous !== text; ) [previous, text] = [text, text.replace(/\([^()]*\)/g, "()")];
  return text;
}

/** One report per call chain: `a.b.c()` under a removed `/a/b` is reported at `b`, not again at `c`. */
function outermostRequests(usages: FoundUsage[]): FoundUsage[] {
  const within = (usage: FoundUsage, other: FoundUsage) =>
    other.file === usage.file && other.line === usage.line && other.template !== undefined && usage.template?.startsWith(`${other.template}/`) === true;
  return usages.filter((usage) => !usage.template || !usages.some((other) => within(usage, other)));
}
