// Reads a graphgen config file (JSON). Every key is a `GenerateOptions` field; paths in it are
// relative to the config file's folder. Mistakes are reported with the file, line and column and JSON
// path, and a misspelt key with the option it most likely meant.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { GraphgenError } from "./errors.js";
import type { GenerateOptions } from "./options.js";
import { closest, orList } from "./suggest.js";

export const DEFAULT_CONFIG_FILE = "graphgen.config.json";

type FieldKind = "string" | "string[]" | "boolean";
const FIELDS: Record<string, FieldKind> = {
  metadata: "string",
  overlays: "string[]",
  include: "string[]",
  includePaths: "string[]",
  all: "boolean",
  out: "string",
  rootNamespace: "string",
  format: "boolean",
  packageName: "string",
  packageVersion: "string",
  docs: "boolean",
  docsOut: "string",
  mock: "boolean",
  permissionMethods: "string[]",
  emit: "string",
};
/** Keys a config may carry for people, not for graphgen. */
const COMMENT_KEYS = ["$schema", "$comment"];

/** What jsonc-parser's error codes mean, in the words of the fix. */
const SYNTAX: Readonly<Record<string, string>> = {
  InvalidSymbol: "an unexpected character",
  InvalidNumberFormat: "a malformed number",
  PropertyNameExpected: "expected a property name in double quotes (a trailing comma?)",
  ValueExpected: "expected a value (a trailing comma?)",
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between members",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the file after the object",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number is cut off",
  InvalidUnicode: "a malformed \\u escape",
  InvalidEscapeCharacter: "a malformed escape",
  InvalidCharacter: "a control character in a string",
};

/** `file:line:column` (1-based) of an offset into the text. */
function at(path: string, text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `${path}:${line}:${column}`;
}

function parseConfig(path: string, text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) {
    const offset = first?.offset ?? text.length;
    const code = first ? printParseErrorCode(first.error) : "ValueExpected";
    throw new GraphgenError(`${at(path, text, offset)}: not valid JSON: ${SYNTAX[code] ?? code}`, { hint: "fix the JSON syntax at that line and column" });
  }
  return root;
}

export function loadConfig(path: string): GenerateOptions {
  if (!existsSync(path)) {
    throw new GraphgenError(`config file ${path} not found`, { hint: "create it, or leave --config out to use the defaults" });
  }
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const root = parseConfig(path, text);
  if (root.type !== "object") {
    throw new GraphgenError(`${at(path, text, root.offset)}: expected a JSON object of options at $`, { hint: 'e.g. { "include": ["user"] }' });
  }
  const value = JSON.parse(text) as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const member of root.children ?? []) {
    const [keyNode, valueNode] = member.children ?? [];
    const key = keyNode?.value as string;
    if (COMMENT_KEYS.includes(key)) continue;
    const kind = FIELDS[key];
    if (!kind) {
      const near = closest(key, Object.keys(FIELDS));
      throw new GraphgenError(`${at(path, text, keyNode!.offset)}: unknown option "${key}" at $.${key}`, {
        hint: near.length > 0 ? `did you mean ${orList(near)}?` : `known options: ${Object.keys(FIELDS).join(", ")}`,
      });
    }
    checkField(at(path, text, valueNode?.offset ?? keyNode!.offset), key, kind, value[key]);
    options[key] = value[key];
  }
  return { ...(options as GenerateOptions), cwd: dirname(resolve(path)) };
}

function checkField(where: string, key: string, kind: FieldKind, value: unknown): void {
  const ok =
    kind === "string[]"
      ? Array.isArray(value) && value.every((v) => typeof v === "string")
      : typeof value === kind;
  if (!ok) {
    throw new GraphgenError(`${where}: expected ${kind === "string[]" ? "an array of strings" : `a ${kind}`} at $.${key}, found ${JSON.stringify(value)}`, {
      hint: `set "${key}" to ${kind === "string[]" ? '["..."]' : kind === "boolean" ? "true or false" : '"..."'}`,
    });
  }
}
