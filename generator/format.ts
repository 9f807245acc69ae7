// The format stage: prettier over the generated TypeScript, once, at the end. Modules whose
// templates already write prettier's layout skip it, unless a code line came out too long.
import type { Options } from "prettier";
import { PRINT_WIDTH } from "./emit/layout.js";
import type { OutputFile } from "./write.js";

/** `quoteProps: "preserve"`: a reserved word used as a property key stays quoted, as emitted. */
export const PRETTIER_OPTIONS: Options = { parser: "typescript", printWidth: PRINT_WIDTH, quoteProps: "preserve" };

/** `stable` files skip prettier unless a code line is too long; `verbatim` ones (the copied runtime) always do. */
export async function formatFiles(files: readonly OutputFile[], stable: ReadonlySet<string> = new Set(), verbatim: ReadonlySet<string> = new Set()): Promise<OutputFile[]> {
  const needsPrettier = (file: OutputFile) =>
    file.path.endsWith(".ts") && !verbatim.has(file.path) && (!stable.has(file.path) || hasLongCodeLine(file.content));
  if (!files.some(needsPrettier)) return [...files];
  // Loading prettier costs a few hundred milliseconds: only when some module is not already in its layout.
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => (needsPrettier(file) ? { ...file, content: await prettier.format(file.content, PRETTIER_OPTIONS) } : file)),
  );
}

/**
 * Long lines prettier leaves as they are: comments, single-name imports and exports, a template
 * literal type, a string or a regular expression alone on its line, an interface member of one
 * named type. Any other long line means prettier has work to do (test/emit/prettier-stable.test.ts
 * checks the result).
 */
const UNBREAKABLE_LINE = new RegExp(
  [
    /^\s*(\/\/|\/\*\*|\*)/.source, // comments
    /^(import|export)( type)? \{ [^,]+ \} from "[^"]+";$/.source, // one-name imports and exports
    /^\s*\| `[^`]*`;?$/.source, // a template literal type
    /^\s*(const|let) [\w$]+ = `[^`]*`;$/.source, // a template literal assigned (prettier never breaks after `=` for one)
    /^\s*"(?:[^"\\]|\\.)*"[;,]?$/.source, // a string literal alone
    /^\s*[\w$]{1,4}: "(?:[^"\\]|\\.)*",?$/.source, // a string after a key shorter than prettier moves strings for
    /^\s*"(?:[^"\\]|\\.)*":( [{[])?$/.source, // a quoted key opening an object or array, or before it on the next line
    /^\s*\/(?:[^/\\\n]|\\.)+\/[dgimsuvy]*[;,]?$/.source, // a regular expression literal alone
    /^\s*(readonly )?([\w$-]+|"(?:[^"\\]|\\.)*")\??: [\w$.]+(?:\[\]|(?: \| null))?;$/.source, // an interface member of one named type: `key?: Type[];`, `"/path": Type | null;`
    /^\s*[\w$]+: `[^`]*`$/.source, // an index signature's template literal key, alone: `path: \`/users/${string}\``
    /^export const [\w$]+ =$/.source, // a long name before an arrow function moved to the next line
    /^\s*\): [\w$.]+( => \{|;)$/.source, // a broken signature's end, naming one return type
    /^export interface [\w$]+( extends [\w$.]+)? \{$/.source, // an interface, extending at most one base
    /^(export function |\s*(return )?)[\w$.]+\($/.source, // a long name opening a broken signature or call
    /^\s*[\w$]+ as [\w$]+,$/.source, // one renamed name in a broken import or export list
  ].join("|"),
);

/** A line longer than prettier's width that prettier would still break. */
export function breaksFurther(line: string): boolean {
  return line.length > PRINT_WIDTH && !UNBREAKABLE_LINE.test(line);
}

export function hasLongCodeLine(content: string): boolean {
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf("\n", start);
    if (end < 0) end = content.length;
    if (end - start > PRINT_WIDTH && breaksFurther(content.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}
