// Lays out the client modules' variable parts (imports, signatures, arrow members, object literals) exactly as
// prettier would at printWidth 120, so the format stage can skip prettier for them. Where a layout is beyond
// these rules (a type that would have to break inside), it writes one line and marks the module unstable, and
// prettier formats that module as before. test/client/prettier-stable.test.ts checks both against prettier.
import { layoutAlias, PRINT_WIDTH } from "../emit/layout.js";
import type { ImportView } from "../emit/imports.js";

/** Collects whether every layout of one module followed prettier's rules. */
export class ClientLayout {
  stable = true;

  /**
   * Gives `text` if its longest line fits, else marks the module for prettier. A broken call's or signature's
   * head (`  return someLongName(`) cannot break further, nor can a signature's tail naming one return type
   * (`): SomeLongName => {`, `): SomeLongName;`), so prettier leaves them as they are.
   */
  private checked(text: string, headBreaks = true, tailBreaks = true): string {
    const lines = text.split("\n");
    const last = lines.length - 1;
    if (lines.some((line, i) => line.length > PRINT_WIDTH && (headBreaks || i > 0) && (tailBreaks || i < last))) this.stable = false;
    return text;
  }

  /** `import { a, b } from "x";`, or one name per line when that is too long. */
  imports(views: readonly ImportView[]): string {
    return views
      .map(({ names, from, typeOnly }) => {
        const head = `import ${typeOnly ? "type " : ""}{`;
        const tail = `} from "${from}";`;
        const line = `${head} ${names} ${tail}`;
        if (line.length <= PRINT_WIDTH) return line;
        const list = names.split(", ");
        // A single name never breaks: prettier keeps `import { name } from "..."` whole.
        if (list.length === 1) return line;
        return this.checked(`${head}\n${list.map((n) => `  ${n},\n`).join("")}${tail}`);
      })
      .join("\n");
  }

  /** `type Name = a | b;` with prettier's union breaking. */
  alias(head: string, members: readonly string[]): string {
    return this.checked(`${head}${layoutAlias(head, members)};`);
  }

  /**
   * `head(params)tail` on one line, or one parameter per line; a parameter written `name: { a; b }` (an object
   * type, given as members) expands to one member per line when its own line is too long.
   */
  signature(indent: string, head: string, params: readonly Parameter[], tail: string): string {
    const flat = params.map(flatParameter);
    const line = `${indent}${head}(${flat.join(", ")})${tail}`;
    if (line.length <= PRINT_WIDTH) return line;
    const inner = `${indent}  `;
    // Prettier hugs a lone object-type parameter: the parentheses stay, the object breaks.
    const [only] = params;
    if (params.length === 1 && only?.members) {
      return this.checked(`${indent}${head}(${only.name}: {\n${only.members.map((m) => `${inner}${m};\n`).join("")}${indent}})${tail}`, !/^[\w$ =]*$/.test(head), false);
    }
    const lines = params.map((p, i) => {
      const one = `${inner}${flat[i]},`;
      if (one.length <= PRINT_WIDTH || !p.members) return one;
      return `${inner}${p.name}: {\n${p.members.map((m) => `${inner}  ${m};\n`).join("")}${inner}},`;
    });
    return this.checked(`${indent}${head}(\n${lines.join("\n")}\n${indent})${tail}`, !/^[\w$ =]*$/.test(head), !/^: [\w$.]+( => \{|;)$/.test(tail));
  }

  /** A call `callee(args)` as the whole of what follows `lead` on a line (e.g. `return `), then `tail`. */
  call(indent: string, lead: string, callee: string, args: readonly string[], tail: string): string {
    const line = `${indent}${lead}${callee}(${args.join(", ")})${tail}`;
    if (line.length <= PRINT_WIDTH) return line;
    const inner = `${indent}  `;
    return this.checked(`${indent}${lead}${callee}(\n${args.map((a) => `${inner}${a},\n`).join("")}${indent})${tail}`, false);
  }

  /** An object member `name: (params) => callee(args),`: prettier breaks after `=>` first, then the arguments. */
  arrowMember(indent: string, name: string, params: readonly string[], callee: string, args: readonly string[]): string {
    const head = `${indent}${name}: (${params.join(", ")}) =>`;
    const body = `${callee}(${args.join(", ")}),`;
    if (head.length + 1 + body.length <= PRINT_WIDTH) return `${head} ${body}`;
    return `${head}\n${this.call(`${indent}  `, "", callee, args, ",")}`;
  }

  /**
   * A value (object, array or atom) after `lead` on a line at `indent`, followed by `tail`; `expanded` keeps an
   * object one member per line even when it would fit, as prettier does for an object written that way.
   * Long lines left here are prettier's too: string keys and strings cannot break.
   */
  literal(indent: string, lead: string, value: Literal, tail: string, expanded = false): string {
    return layoutMember(indent, lead, value, tail, expanded);
  }
}

export interface Parameter {
  name: string;
  /** Written after `name`: `?: Type` or `: Type`; ignored when `members` is given. */
  annotation?: string;
  /** An object type's members (`a?: string | null`), when the parameter is one. */
  members?: readonly string[];
}

function flatParameter(p: Parameter): string {
  return p.members ? `${p.name}: { ${p.members.join("; ")} }` : `${p.name}${p.annotation ?? ""}`;
}

/** A JavaScript value as written: an atom (`"GET"`, `true`, a name), an array, or an object of `key: value` entries. */
export type Literal = string | { readonly array: readonly Literal[] } | { readonly entries: readonly (readonly [string, Literal])[] };

function flatLiteral(value: Literal): string {
  if (typeof value === "string") return value;
  if ("array" in value) return `[${value.array.map(flatLiteral).join(", ")}]`;
  return value.entries.length === 0 ? "{}" : `{ ${value.entries.map(([k, v]) => `${k}: ${flatLiteral(v)}`).join(", ")} }`;
}

/** Prettier always breaks an array of two or more objects (or arrays) that each hold more than one member. */
function forcesBreak(value: Literal): boolean {
  if (typeof value === "string") return false;
  if ("entries" in value) return value.entries.some(([, v]) => forcesBreak(v));
  const all = value.array;
  const multi = (v: Literal) => typeof v !== "string" && ("array" in v ? v.array.length > 1 : v.entries.length > 1);
  const sameKind = all.every((v) => typeof v !== "string" && "entries" in v) || all.every((v) => typeof v !== "string" && "array" in v);
  return (all.length > 1 && sameKind && all.every(multi)) || all.some(forcesBreak);
}

/** Prettier keeps a string value after a key narrower than this (tabWidth + 3) even when the line is too long. */
const SHORT_KEY = 5;

/**
 * `lead` (a key and colon, or a declaration) then the value, at `indent`. Like prettier's assignment layouts, the
 * value moves to the next line when not even its opening fits after a long key; strings only after a long key.
 */
function layoutMember(indent: string, lead: string, value: Literal, tail: string, expanded = false): string {
  const inner = `${indent}  `;
  const isKey = lead.endsWith(": ");
  // Up to the string's end, or to an object's or array's opening bracket (what prettier measures).
  const overflows = indent.length + lead.length + (typeof value === "string" ? value.length + tail.length : 1) > PRINT_WIDTH;
  const movable = typeof value !== "string" || (value.startsWith('"') && lead.length - 2 >= SHORT_KEY);
  if (isKey && overflows && movable) return `${indent}${lead.trimEnd()}\n${layoutMember(inner, "", value, tail, expanded)}`;
  return `${indent}${lead}${layoutLiteral(value, indent, indent.length + lead.length, tail, expanded)}${tail}`;
}

/**
 * The length of `flatLiteral(value)`, counted only until it passes `limit`: deciding whether a value fits on its
 * line then costs at most a line's worth of its members, not the whole (the mock's route tree is 20 levels deep).
 */
function flatLength(value: Literal, limit: number): number {
  if (typeof value === "string") return value.length;
  const parts: readonly (readonly [string, Literal])[] = "array" in value ? value.array.map((v) => ["", v] as const) : value.entries;
  if (parts.length === 0) return 2;
  // `[a, b]`, `{ k: a, l: b }`
  let length = "array" in value ? 2 : 4;
  for (const [i, [key, v]] of parts.entries()) {
    length += (i > 0 ? 2 : 0) + (key ? key.length + 2 : 0) + flatLength(v, limit - length);
    if (length > limit) break;
  }
  return length;
}

function layoutLiteral(value: Literal, indent: string, column: number, tail: string, expanded = false): string {
  if (typeof value === "string") return value;
  const room = PRINT_WIDTH - column - tail.length;
  if (!expanded && flatLength(value, room) <= room && !forcesBreak(value)) return flatLiteral(value);
  const inner = `${indent}  `;
  if ("array" in value) {
    if (value.array.length === 0) return "[]";
    return `[\n${value.array.map((v) => `${layoutMember(inner, "", v, ",")}\n`).join("")}${indent}]`;
  }
  if (value.entries.length === 0) return "{}";
  return `{\n${value.entries.map(([k, v]) => `${layoutMember(inner, `${k}: `, v, ",")}\n`).join("")}${indent}}`;
}
