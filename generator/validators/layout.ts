// Lays out the few validator lines whose length varies with the metadata (signatures,
// module constants) exactly as prettier would, so validator modules skip prettier unless a line
// still comes out too long. test/validators/layout.test.ts compares the output with prettier.
import { PRINT_WIDTH } from "../emit/layout.js";

/**
 * `export function name(params): returns {` (or `{}`), or with `head` `export const name = ` and `body`
 * `=> {` (or `=> {};`) an arrow function, on one line when it fits, else one parameter per line.
 */
export function layoutSignature(head: string, params: ParameterList, returns: string, body: "{" | "{}" | "=> {" | "=> {};" = "{"): string {
  const inline = `${head}(${params.inline}): ${returns} ${body}`;
  if (inline.length <= PRINT_WIDTH) return inline;
  return `${head}(\n${params.broken}): ${returns} ${body}`;
}

/** A signature's parameters on one line and one per line, laid out once for the signatures of every module. */
export interface ParameterList {
  readonly inline: string;
  readonly broken: string;
}

export function parameterList(params: readonly string[]): ParameterList {
  return { inline: params.join(", "), broken: params.map((p) => `  ${p},\n`).join("") };
}

/** `export const name = `: the head of an exported arrow function, for `layoutSignature`. */
export function arrowHead(name: string): string {
  return `export const ${name} = `;
}

/**
 * `const allowedTypes = (): string[] => [a, b];` (one name per line when that does not fit): the
 * `@odata.type` constants a value may name. A function, so the imported constants are read when a check
 * calls it, never while modules that import each other in a circle are still being evaluated.
 */
export function layoutAllowedTypes(names: readonly string[]): string {
  const head = "const allowedTypes = (): string[] => [";
  const inline = `${head}${names.join(", ")}];`;
  return inline.length <= PRINT_WIDTH ? inline : `${head}
${names.map((name) => `  ${name},
`).join("")}];`;
}

/** `const NAME = "text";` (or `export const`), or with the string on the next line when that is how prettier fits it. */
export function layoutStringConstant(name: string, text: string, keyword: "const" | "export const" = "const"): string {
  const literal = JSON.stringify(text);
  const inline = `${keyword} ${name} = ${literal};`;
  return inline.length <= PRINT_WIDTH ? inline : `${keyword} ${name} =\n  ${literal};`;
}

/** `if (test) callee(args);` at `indent`: one line, else the call on the next line, else one argument per line. */
export function layoutIfCall(indent: string, test: string, callee: string, args: readonly string[]): string {
  const call = `${callee}(${args.join(", ")});`;
  const inline = `${indent}if (${test}) ${call}`;
  if (inline.length <= PRINT_WIDTH) return inline;
  const inner = `${indent}  `;
  if (inner.length + call.length <= PRINT_WIDTH) return `${indent}if (${test})\n${inner}${call}`;
  return `${indent}if (${test})\n${inner}${callee}(\n${args.map((a) => `${inner}  ${a},\n`).join("")}${inner});`;
}

/** `callee(args);` as a statement at `indent`: one line, else one argument per line with a trailing comma. */
export function layoutCallStatement(indent: string, callee: string, args: readonly string[]): string {
  const inline = `${indent}${callee}(${args.join(", ")});`;
  if (inline.length <= PRINT_WIDTH) return inline;
  return `${indent}${callee}(\n${args.map((a) => `${indent}  ${a},\n`).join("")}${indent});`;
}

/**
 * A statement of the generated checks: a call, `if (test)` with a statement and maybe an `else`, or a
 * loop head (`for (const key in value)`) with its one statement.
 */
export type Statement =
  | { readonly callee: string; readonly args: readonly string[] }
  | { readonly test: string | ListCall; readonly then: Statement; readonly else?: Statement }
  | { readonly loop: string; readonly body: Statement };

/**
 * A test that calls `callee` with an array literal of strings last (`derivedAllowed(walk, x, "key",
 * ["#microsoft.graph.x"])`): written as `JSON.stringify` writes the array, and when it does not fit on
 * its own line, with the array "hugged" as prettier lays out a last argument that is an array literal.
 */
export interface ListCall {
  readonly callee: string;
  readonly args: readonly string[];
  readonly list: readonly string[];
}

function flatTest(test: string | ListCall): string {
  return typeof test === "string" ? test : `${test.callee}(${[...test.args, JSON.stringify(test.list)].join(", ")})`;
}

function flatStatement(statement: Statement): string {
  if ("callee" in statement) return `${statement.callee}(${statement.args.join(", ")});`;
  if ("loop" in statement) return `${statement.loop} ${flatStatement(statement.body)}`;
  const opening = `if (${flatTest(statement.test)}) ${flatStatement(statement.then)}`;
  return statement.else ? `${opening} else ${flatStatement(statement.else)}` : opening;
}

/**
 * `if (` test `)` with the test on lines of its own, as prettier breaks a test too long for the `if` line: the
 * whole call when it fits, else with its last argument, an array, one item per line; undefined when neither
 * fits (the long line then sends the module to prettier).
 */
function brokenTest(test: ListCall, indent: string): string | undefined {
  const inner = `${indent}  `;
  const call = flatTest(test);
  if (inner.length + call.length <= PRINT_WIDTH) return `if (\n${inner}${call}\n${indent})`;
  const open = `${inner}${test.callee}(${[...test.args, "["].join(", ")}`;
  const items = test.list.map((item) => `${inner}  ${JSON.stringify(item)},`);
  if (open.length > PRINT_WIDTH || items.some((line) => line.length > PRINT_WIDTH)) return undefined;
  return `if (\n${open}\n${items.join("\n")}\n${inner}])\n${indent})`;
}

/**
 * A statement at `indent` as prettier lays it out, its first line starting at `column` (after
 * `} else `, say) and returned without indentation. A clause that does not fit moves to the next
 * line, indented; a call that still does not fit takes one argument per line. An `if (test)` that
 * alone does not fit stays on one long line, which sends the module to prettier.
 */
export function layoutStatement(statement: Statement, indent: string, column = indent.length): string {
  const inner = `${indent}  `;
  if ("callee" in statement) {
    const flat = flatStatement(statement);
    if (column + flat.length <= PRINT_WIDTH) return flat;
    return `${statement.callee}(\n${statement.args.map((a) => `${inner}${a},\n`).join("")}${indent});`;
  }
  if ("loop" in statement) {
    // Like an `if` clause: a body that does not fit moves to the next line, indented.
    const flat = flatStatement(statement);
    return column + flat.length <= PRINT_WIDTH ? flat : `${statement.loop}\n${inner}${layoutStatement(statement.body, inner)}`;
  }
  const head = `if (${flatTest(statement.test)})`;
  const opening = `${head} ${flatStatement(statement.then)}`;
  if (column + head.length > PRINT_WIDTH) {
    const broken = typeof statement.test === "string" || statement.else ? undefined : brokenTest(statement.test, indent);
    return broken ? `${broken}\n${inner}${layoutStatement(statement.then, inner)}` : flatStatement(statement);
  }
  const laidOut = column + opening.length <= PRINT_WIDTH ? opening : `${head}\n${inner}${layoutStatement(statement.then, inner)}`;
  if (!statement.else) return laidOut;
  // A clause that is not a block puts `else` on its own line; an `else if` continues on it.
  const alternate = statement.else;
  if ("test" in alternate) return `${laidOut}\n${indent}else ${layoutStatement(alternate, indent, indent.length + 5)}`;
  const flat = `else ${flatStatement(alternate)}`;
  const tail = indent.length + flat.length <= PRINT_WIDTH ? flat : `else\n${inner}${layoutStatement(alternate, inner)}`;
  return `${laidOut}\n${indent}${tail}`;
}

/** `if (callee(args)) {` at `indent`: one line, else the test on its own line, else one argument per line. */
export function layoutIfBlock(indent: string, callee: string, args: readonly string[]): string {
  const call = `${callee}(${args.join(", ")})`;
  const inline = `${indent}if (${call}) {`;
  if (inline.length <= PRINT_WIDTH) return inline;
  const inner = `${indent}  `;
  if (inner.length + call.length <= PRINT_WIDTH) return `${indent}if (\n${inner}${call}\n${indent}) {`;
  return `${indent}if (\n${inner}${callee}(\n${args.map((a) => `${inner}  ${a},\n`).join("")}${inner})\n${indent}) {`;
}
