// V8 stores a string in one byte per character when every character is at most U+00FF, and in two otherwise; a
// part cut out of a string is stored as the whole is. Graph's v1.0 metadata holds 26 characters above U+00FF (curly
// quotes, an en dash and a zero-width space in 22 descriptions), so the decoded document, and every name, description and
// module text made from it, would take two bytes per character: twice the bytes to hash, write, search and copy at
// each garbage collection. The parser is given instead the same document with those characters written as
// character references (`&#8217;`), which it replaces as it reads: each value that holds one is a two-byte string
// of its own, and the rest are one-byte.

/** More such characters than this and the document is read as it is: the gain is for a few in a large document. */
const MAX_REFERENCES = 1000;

/** A UTF-16 code unit above U+00FF (a surrogate pair is two: the second is skipped). Without the `u` flag, ten times faster. */
const WIDE = /[^\x00-\xff]/g;

/**
 * `text` with each character above U+00FF written as a character reference, where the result means the same to
 * graphgen's parser: every such character is in an attribute value or in text between elements (the parser replaces
 * the reference), or in a comment (which it skips); never in a name, a CDATA section (where a reference is text as it
 * stands) or a processing instruction. Otherwise, or with more than a thousand such characters, or with a CDATA
 * section anywhere, `text` itself. Offsets change: places are taken from `text`.
 */
export function withCharacterReferences(text: string): string {
  WIDE.lastIndex = 0;
  const first = WIDE.exec(text);
  // In a CDATA section a reference is text as it stands; such a document is read as it is.
  if (first === null || text.includes("<![CDATA[")) return text;
  const places: number[] = [];
  for (let found: RegExpExecArray | null = first; found !== null; found = WIDE.exec(text)) {
    if (places.length === MAX_REFERENCES || !referenceMeansTheSame(text, found.index)) return text;
    places.push(found.index);
    if (text.codePointAt(found.index)! > 0xffff) WIDE.lastIndex = found.index + 2;
  }
  // Written into a buffer as Latin-1 and read back: a string made by concatenating two-byte parts would stay two-byte.
  const bytes = Buffer.allocUnsafe(text.length + places.length * "&#1114111;".length);
  let length = 0;
  let from = 0;
  for (const at of places) {
    const codePoint = text.codePointAt(at)!;
    length += bytes.write(text.slice(from, at), length, "latin1");
    length += bytes.write(`&#${codePoint};`, length, "latin1");
    from = at + (codePoint > 0xffff ? 2 : 1);
  }
  length += bytes.write(text.slice(from), length, "latin1");
  return bytes.toString("latin1", 0, length);
}

/**
 * Whether the character at `at` is in an attribute value of a start tag or in text between markup. In a well-formed
 * document "<" only opens markup, or sits in a comment, CDATA section or processing instruction; so the construct
 * that holds `at` opens at the last "<" before it, unless that "<" is itself inside one of those three: this answers
 * no whenever the markup before `at` is not a plain start or end tag, which keeps the rare case on the safe side.
 */
function referenceMeansTheSame(text: string, at: number): boolean {
  const open = text.lastIndexOf("<", at);
  if (open < 0) return false;
  const kind = text.charCodeAt(open + 1);
  if (kind === 0x21 /* ! */ || kind === 0x3f /* ? */) return false;
  // Past the opening name, up to `at`: outside quotes a ">" ends the tag (then `at` is in text); inside, `at` is in a value.
  let quote = 0;
  for (let i = open + 1; i < at; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      if (kind === 0x2f /* / */) return false;
      quote = c;
    } else if (c === 0x3e /* > */) {
      return true;
    }
  }
  return quote !== 0;
}
