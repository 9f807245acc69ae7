// Reads a CSDL file's bytes into a plain element tree with source positions.
// Every XML-level quirk (encoding, BOM, DOCTYPE, malformed markup) is settled here.
import { XMLParser, type MatcherView } from "fast-xml-parser";
import { GraphgenError, type SourceLocation } from "../errors.js";
import { withCharacterReferences } from "./one-byte.js";
import { startWellFormedCheck, type WellFormedVerdict } from "./well-formed.js";

export interface XmlElement {
  /** Local name, without any namespace prefix (`edmx:Edmx` -> `Edmx`). */
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** Concatenated text content, trimmed; empty when the element has none. */
  text: string;
  location: SourceLocation;
}

/** The children of an element without any: most are leaves, so they share one (frozen) array. */
const NO_CHILDREN = Object.freeze([]) as unknown as XmlElement[];

/** Input larger than this is refused before parsing, so a hostile file cannot exhaust memory. */
export const MAX_CSDL_BYTES = 64 * 1024 * 1024;

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The callbacks read the depth off the parser's path matcher; nothing reads a node's path as a joined string.
  jPath: false,
} as const;

/** Decodes, checks and parses CSDL bytes; returns the document element. */
export function parseXml(bytes: Uint8Array, file: string): XmlElement {
  if (bytes.length === 0) {
    throw new GraphgenError("the file is empty; expected a CSDL document (<edmx:Edmx Version=\"4.0\">)", {
      location: { file, line: 1, column: 1 },
      hint: "point --metadata at a Graph $metadata document",
    });
  }
  if (bytes.length > MAX_CSDL_BYTES) {
    throw new GraphgenError(`the file is ${bytes.length} bytes, more than the ${MAX_CSDL_BYTES} graphgen reads`, {
      location: { file, line: 1, column: 1 },
      hint: "check that this is a CSDL document; Graph's full v1.0 metadata is under 4 MB",
    });
  }
  const text = decodeUtf8(bytes, file);
  rejectDoctype(text, file);
  // The parser is lenient with malformed XML, so the validator's verdict decides; it runs alongside.
  const check = startWellFormedCheck(text, bytes);
  let root: XmlElement | undefined;
  let parsed = true;
  try {
    root = readElements(text, file);
  } catch {
    // Reported below from the validator's verdict, which says where.
    parsed = false;
  }
  const verdict = check.result();
  if (verdict !== true) throw malformed(verdict, file);
  if (!parsed) throw malformed({ msg: "the XML parser could not read the document", line: 1, col: 1 }, file);
  if (!root) {
    throw new GraphgenError("no XML element found; expected <edmx:Edmx>", { location: { file, line: 1, column: 1 } });
  }
  return root;
}

/**
 * The document's element tree, made while fast-xml-parser reads: it calls `updateTag` at each start tag, in document
 * order, with the element's depth on its path matcher, and `tagValueProcessor` with each piece of text (trimmed, entities
 * replaced) at the depth of the element it belongs to. `updateTag` returning false keeps the parser from linking the
 * node into a tree of its own, so its nodes die as soon as each element ends instead of living until the end of the
 * parse (and being copied by every collection meanwhile); and no second pass turns that tree into this one.
 */
function readElements(text: string, file: string): XmlElement | undefined {
  const starts = new ElementStarts(text, file);
  // open[d - 1]: the element at depth d whose end tag has not been read yet, for the depths down to the current one.
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  const parser = new XMLParser({
    ...PARSER_OPTIONS,
    updateTag(tag, matcher, attributes) {
      const depth = (matcher as MatcherView).getDepth();
      const colon = tag.indexOf(":");
      // Taken before the children's, in document order, as the parser meets the start tags.
      const element: XmlElement = { name: colon >= 0 ? tag.slice(colon + 1) : tag, attributes, children: NO_CHILDREN, text: "", location: starts.next() };
      const parent = depth === 1 ? undefined : open[depth - 2];
      if (depth === 1) root ??= element;
      else if (parent?.children === NO_CHILDREN) parent.children = [element];
      else parent?.children.push(element);
      open[depth - 1] = element;
      return false;
    },
    tagValueProcessor(_tag, value, matcher) {
      const owner = open[(matcher as MatcherView).getDepth() - 1];
      if (owner) owner.text += value;
      return undefined;
    },
  });
  // Places are read off the text as it is; the parser reads it with its wide characters as references (one-byte.ts).
  parser.parse(withCharacterReferences(text));
  return root;
}

function malformed(verdict: Exclude<WellFormedVerdict, true>, file: string): GraphgenError {
  return new GraphgenError(`malformed XML: ${verdict.msg}`, {
    location: { file, line: verdict.line, column: verdict.col },
    hint: "fix the XML at that position (a truncated download is a common cause)",
  });
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    // TextDecoder drops a leading byte order mark itself (ignoreBOM is false by default).
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    const position = new LineIndex(before).locate(before.length);
    throw new GraphgenError(`invalid UTF-8 byte 0x${bytes[offset]?.toString(16).padStart(2, "0")} at byte offset ${offset}`, {
      location: { file, ...position },
      hint: "CSDL must be UTF-8; re-save or re-download the file as UTF-8",
    });
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest invalid prefix; truncation inside a valid sequence is tolerated by `stream`.
  while (low < high) {
    const mid = (low + high) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

function rejectDoctype(text: string, file: string): void {
  // What text.search(/<!DOCTYPE/i) finds, without a case-insensitive scan of every character: only at each "<!".
  let index = text.indexOf("<!");
  while (index >= 0 && !/^doctype$/i.test(text.slice(index + 2, index + 9))) index = text.indexOf("<!", index + 2);
  if (index < 0) return;
  throw new GraphgenError("DOCTYPE declarations are not allowed in CSDL", {
    location: { file, ...new LineIndex(text).locate(index) },
    hint: "remove the <!DOCTYPE ...> block; graphgen never expands entities or fetches external ones",
  });
}

/**
 * The places of a well-formed document's start tags, one after the other in document order: the order in which
 * the parser met them. Read off the text rather than asked of the parser (its `captureMetaData` records an object
 * per node and looks each offset up in a table): skipping comments, CDATA sections, processing instructions and end
 * tags, every other `<` starts an element. Lines and columns are counted on from the previous start tag.
 */
class ElementStarts {
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private nextNewline: number;
  /** The rest of a start tag after its "<": up to the first ">" outside quotes. */
  private readonly startTagRest = /[^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*>/y;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.nextNewline = text.indexOf("\n");
  }

  next(): SourceLocation {
    const text = this.text;
    let at = text.indexOf("<", this.offset);
    for (;;) {
      if (at < 0) return this.locate(this.offset);
      const after = text.charCodeAt(at + 1);
      const skipTo =
        after === 0x2f // "</": an end tag
          ? text.indexOf(">", at)
          : after === 0x3f // "<?": a processing instruction or the declaration
            ? text.indexOf("?>", at)
            : text.startsWith("<!--", at)
              ? text.indexOf("-->", at)
              : text.startsWith("<![CDATA[", at)
                ? text.indexOf("]]>", at)
                : -2;
      if (skipTo === -2) break;
      at = skipTo < 0 ? -1 : text.indexOf("<", skipTo);
    }
    // On past the start tag: an attribute value may hold a "<" (quoted, the parser reads it as text).
    this.startTagRest.lastIndex = at + 1;
    this.offset = this.startTagRest.test(text) ? this.startTagRest.lastIndex : at + 1;
    return this.locate(at);
  }

  /** Offsets only grow, so each newline is passed once. */
  private locate(offset: number): SourceLocation {
    while (this.nextNewline >= 0 && this.nextNewline < offset) {
      this.line += 1;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.text.indexOf("\n", this.lineStart);
    }
    return { file: this.file, line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** Maps string offsets to 1-based line and column numbers. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  locate(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}
