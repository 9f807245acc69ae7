// A strict reader of the plain XML that CSDL files are written in (elements, quoted attributes, text, the
// five XML entities and character references, comments, an XML declaration): one pass, element tree and
// source positions at once. Whatever it accepts is well-formed, and it reads it as fast-xml-parser does;
// on anything else (CDATA, other entities, a malformed tag, ...) it gives up and xml.ts takes the slower
// way, fast-xml-parser and its validator, which also says where the XML is malformed.
import type { SourceLocation } from "../errors.js";
import type { XmlElement } from "./xml.js";

/** Gave up: the document is outside the subset read here (which includes every malformed one). */
const OUTSIDE = undefined;

interface Open {
  readonly tag: string;
  readonly element: XmlElement;
  /** Raw text since the last child tag, comments left out; trimmed and decoded when a tag ends it. */
  pending: string;
}

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const XML_DECLARATION = /<\?xml(?:[ \t\r\n]+[A-Za-z_:][\w.:-]*="[^"<&]*")*[ \t\r\n]*\?>/y;

/** The document element, or undefined when the text is outside the subset this reader takes. */
export function scanXml(text: string, file: string): XmlElement | undefined {
  const lines = new LineCounter(text, file);
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  XML_DECLARATION.lastIndex = 0;
  if (XML_DECLARATION.test(text)) i = XML_DECLARATION.lastIndex;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? text.length : lt;
    const top = stack[stack.length - 1];
    if (top) top.pending += text.slice(i, end);
    else if (!isWhitespace(text, i, end)) return OUTSIDE;
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (!text.startsWith("<!--", lt)) return OUTSIDE;
      const close = text.indexOf("--", lt + 4);
      if (close < 0 || text.charCodeAt(close + 2) !== 0x3e /* > */) return OUTSIDE;
      i = close + 3;
    } else if (next === 0x2f /* / */) {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(text)?.[0];
      let gt = NAME.lastIndex;
      while (isSpace(text.charCodeAt(gt))) gt++;
      if (!top || name !== top.tag || text.charCodeAt(gt) !== 0x3e) return OUTSIDE;
      if (!flushText(top)) return OUTSIDE;
      stack.pop();
      i = gt + 1;
    } else {
      if (top && !flushText(top)) return OUTSIDE;
      if (!top && root) return OUTSIDE; // a second document element
      const tag = readStartTag(text, lt, lines);
      if (!tag) return OUTSIDE;
      if (top) top.element.children.push(tag.element);
      else root = tag.element;
      if (!tag.selfClosing) stack.push({ tag: tag.name, element: tag.element, pending: "" });
      i = tag.end;
    }
  }
  return stack.length === 0 ? root : OUTSIDE;
}

function readStartTag(text: string, lt: number, lines: LineCounter): { name: string; element: XmlElement; selfClosing: boolean; end: number } | undefined {
  NAME.lastIndex = lt + 1;
  const name = NAME.exec(text)?.[0];
  if (name === undefined || name in Object.prototype) return OUTSIDE;
  let at = NAME.lastIndex;
  const attributes: Record<string, string> = {};
  for (;;) {
    const spaced = at;
    while (isSpace(text.charCodeAt(at))) at++;
    const c = text.charCodeAt(at);
    if (c === 0x3e /* > */ || (c === 0x2f /* / */ && text.charCodeAt(at + 1) === 0x3e)) {
      const colon = name.indexOf(":");
      const element: XmlElement = { name: colon >= 0 ? name.slice(colon + 1) : name, attributes, children: [], text: "", location: lines.locate(lt) };
      return { name, element, selfClosing: c === 0x2f, end: at + (c === 0x2f ? 2 : 1) };
    }
    if (at === spaced) return OUTSIDE;
    NAME.lastIndex = at;
    const attribute = NAME.exec(text)?.[0];
    if (attribute === undefined || attribute in Object.prototype || attribute in attributes) return OUTSIDE;
    at = NAME.lastIndex;
    const quote = text.charCodeAt(at + 1);
    if (text.charCodeAt(at) !== 0x3d /* = */ || (quote !== 0x22 /* " */ && quote !== 0x27) /* ' */) return OUTSIDE;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", at + 2);
    if (close < 0) return OUTSIDE;
    const raw = text.slice(at + 2, close);
    if (raw.includes("<")) return OUTSIDE;
    const value = decode(normaliseNewlines(raw).trim());
    if (value === undefined) return OUTSIDE;
    attributes[attribute] = value;
    at = close + 1;
  }
}

/** Text before a tag, as fast-xml-parser keeps it: trimmed, entities decoded, appended when not empty. */
function flushText(open: Open): boolean {
  if (open.pending === "") return true;
  const trimmed = normaliseNewlines(open.pending).trim();
  open.pending = "";
  if (trimmed === "") return true;
  const value = decode(trimmed);
  if (value === undefined) return false;
  open.element.text += value;
  return true;
}

function normaliseNewlines(raw: string): string {
  return raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five XML entities and character references decoded, in one pass; undefined for any other `&`. */
function decode(raw: string): string | undefined {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semicolon = raw.indexOf(";", amp);
    if (semicolon < 0) return OUTSIDE;
    const char = entityText(raw.slice(amp + 1, semicolon));
    if (char === undefined) return OUTSIDE;
    out += raw.slice(from, amp) + char;
    from = semicolon + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

function entityText(name: string): string | undefined {
  if (Object.hasOwn(ENTITIES, name)) return ENTITIES[name];
  const code = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (!code) return OUTSIDE;
  const point = code[1] !== undefined ? parseInt(code[1], 16) : Number(code[2]);
  const allowed = point === 0x9 || point === 0xa || point === 0xd || (point >= 0x20 && point <= 0xd7ff) || (point >= 0xe000 && point <= 0xfffd) || (point >= 0x10000 && point <= 0x10ffff);
  return allowed ? String.fromCodePoint(point) : OUTSIDE;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** 1-based line and column of offsets met in increasing order, counted as the reader goes. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private nextBreak: number;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.nextBreak = text.indexOf("\n");
  }

  locate(offset: number): SourceLocation {
    while (this.nextBreak >= 0 && this.nextBreak < offset) {
      this.line += 1;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.text.indexOf("\n", this.lineStart);
    }
    return { file: this.file, line: this.line, column: offset - this.lineStart + 1 };
  }
}
