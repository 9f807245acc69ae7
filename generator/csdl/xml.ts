// Reads a CSDL file's bytes into a plain element tree with source positions.
// Every XML-level quirk (encoding, BOM, DOCTYPE, malformed markup) is settled here.
import { XMLParser } from "fast-xml-parser";
import { GraphgenError, type SourceLocation } from "../errors.js";
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

/** Input larger than this is refused before parsing, so a hostile file cannot exhaust memory. */
export const MAX_CSDL_BYTES = 64 * 1024 * 1024;

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string>; "#text"?: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: false,
  captureMetaData: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // No callback reads a node's path, so the parser need not join it into a string at every element and attribute.
  jPath: false,
});
const metaData = XMLParser.getMetaDataSymbol() as unknown as symbol;

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
  const lines = new LineIndex(text);
  rejectDoctype(text, file, lines);
  // The parser is lenient with malformed XML, so the validator's verdict decides; it runs alongside.
  const check = startWellFormedCheck(text, bytes);
  let nodes: OrderedNode[] | undefined;
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch {
    // Reported below from the validator's verdict, which says where.
  }
  const verdict = check.result();
  if (verdict !== true) throw malformed(verdict, file);
  if (!nodes) throw malformed({ msg: "the XML parser could not read the document", line: 1, col: 1 }, file);
  const roots = nodes.map((node) => toElement(node, file, lines)).filter((e): e is XmlElement => e !== undefined);
  const root = roots[0];
  if (!root) {
    throw new GraphgenError("no XML element found; expected <edmx:Edmx>", { location: { file, line: 1, column: 1 } });
  }
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

function rejectDoctype(text: string, file: string, lines: LineIndex): void {
  const index = text.search(/<!DOCTYPE/i);
  if (index < 0) return;
  throw new GraphgenError("DOCTYPE declarations are not allowed in CSDL", {
    location: { file, ...lines.locate(index) },
    hint: "remove the <!DOCTYPE ...> block; graphgen never expands entities or fetches external ones",
  });
}

function toElement(node: OrderedNode, file: string, lines: LineIndex): XmlElement | undefined {
  const tag = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
  if (tag === undefined) return undefined;
  const childNodes = (node[tag] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of childNodes) {
    if (typeof child["#text"] === "string") text += child["#text"];
    else {
      const element = toElement(child, file, lines);
      if (element) children.push(element);
    }
  }
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[metaData];
  const colon = tag.indexOf(":");
  return {
    name: colon >= 0 ? tag.slice(colon + 1) : tag,
    attributes: node[":@"] ?? {},
    children,
    text,
    location: { file, ...lines.locate(meta?.startIndex ?? 0) },
  };
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
