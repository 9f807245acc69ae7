// Lays out the few validator lines whose length varies with the metadata (imports, signatures,
// module constants) exactly as prettier would, so validator modules skip prettier unless a line
// still comes out too long. test/validators/layout.test.ts compares the output with prettier.
import { PRINT_WIDTH } from "./layout.js";

/** `import { a, b } from "x";` on one line when it fits, else one name per line. */
export function layoutImport(names: readonly string[], from: string, keyword: "import" | "export" = "import"): string {
  const inline = `${keyword} { ${names.join(", ")} } from "${from}";`;
  if (inline.length <= PRINT_WIDTH || names.length < 2) return inline;
  return `${keyword} {\n${names.map((n) => `  ${n},\n`).join("")}} from "${from}";`;
}

/** `export function name(params): returns {` on one line when it fits, else one parameter per line. */
export function layoutSignature(head: string, params: readonly string[], returns: string): string {
  const inline = `${head}(${params.join(", ")}): ${returns} {`;
  if (inline.length <= PRINT_WIDTH) return inline;
  return `${head}(\n${params.map((p) => `  ${p},\n`).join("")}): ${returns} {`;
}

/** `const NAME = "text";`, or with the string on the next line when that is how prettier fits it. */
export function layoutStringConstant(name: string, text: string): string {
  const literal = JSON.stringify(text);
  const inline = `const ${name} = ${literal};`;
  return inline.length <= PRINT_WIDTH ? inline : `const ${name} =\n  ${literal};`;
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
