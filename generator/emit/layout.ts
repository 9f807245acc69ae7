// Lays out type unions exactly as prettier would (printWidth 120), so type modules come out of
// the templates already formatted and prettier can be skipped for them. test/emit/layout.test.ts
// checks the output against prettier itself.

export const PRINT_WIDTH = 120;

export interface TypeShape {
  /** Union members, each already a complete type expression. */
  readonly members: readonly string[];
  /** Written as `(members)[]`, or `member[]` for a single member. */
  readonly collection: boolean;
}

export function inlineType({ members, collection }: TypeShape): string {
  const union = members.join(" | ");
  if (!collection) return union;
  return members.length > 1 ? `(${union})[]` : `${union}[]`;
}

/**
 * The text after `head` (e.g. `  name?:`) up to the closing `;`, including the leading space or
 * line break: one line when `head type;` fits, else prettier's one-member-per-line union.
 */
export function layoutAnnotation(head: string, shape: TypeShape, indent: string): string {
  const inline = inlineType(shape);
  // Prettier never breaks one type with `| null` (it hugs the pair).
  const hugged = !shape.collection && shape.members.length === 2 && shape.members[1] === "null";
  if (shape.members.length < 2 || hugged || head.length + 1 + inline.length + 1 <= PRINT_WIDTH) return ` ${inline}`;
  const inner = `${indent}  `;
  const union = shape.members.join(" | ");
  const last = shape.members.length - 1;
  const pipes = shape.members.map((m, i) => `\n${inner}| ${layoutMember(m, inner, !shape.collection && i === last ? 1 : 0)}`).join("");
  // Prettier first tries the whole union on the next line, and only then one member per line.
  if (!shape.collection) return inner.length + union.length + 1 <= PRINT_WIDTH ? `\n${inner}${union}` : pipes;
  return inner.length + union.length <= PRINT_WIDTH ? ` (\n${inner}${union}\n${indent})[]` : ` (${pipes}\n${indent})[]`;
}

/** `(Base & { "@odata.type"?: "#..." })`, a base type pinned to its own literal (type-expressions.ts). */
const PINNED_MEMBER = /^\((.+) & \{ ("@odata\.type"\?: "[^"]+") \}\)$/;

/** One member after `| ` at `inner`: a pinned base that does not fit breaks its object type, as prettier does. */
function layoutMember(member: string, inner: string, trailing: number): string {
  if (inner.length + 2 + member.length + trailing <= PRINT_WIDTH) return member;
  const pinned = PINNED_MEMBER.exec(member);
  if (!pinned) return member;
  return `(${pinned[1]} & {\n${inner}    ${pinned[2]};\n${inner}  })`;
}

/** A type alias body after `export type Name =`, as prettier lays it out. */
export function layoutAlias(head: string, members: readonly string[]): string {
  const inline = members.join(" | ");
  if (members.length < 2 || head.length + 1 + inline.length + 1 <= PRINT_WIDTH) return ` ${inline}`;
  if (2 + inline.length + 1 <= PRINT_WIDTH) return `\n  ${inline}`;
  return members.map((m) => `\n  | ${m}`).join("");
}

/** `key: value,` in an object literal at `indent`; prettier moves a value that does not fit to the next line. */
export function layoutObjectEntry(indent: string, key: string, value: string): string {
  const inline = `${indent}${key}: ${value},`;
  return inline.length <= PRINT_WIDTH ? inline : `${indent}${key}:\n${indent}  ${value},`;
}
