// A description map: an overlay that only fills in descriptions, as JSON (`target -> text`) rather
// than CSDL, because it is large: graphgen's shipped metadata/descriptions.json (5,000 descriptions)
// reads in milliseconds where the same as CSDL annotations takes most of a second to parse on every
// generation. It becomes a gap-filling overlay document (graphgen.OverlayFillsGaps): the base wins.
import { parseCsdl } from "../csdl/parse.js";
import type { RawAnnotationBlock, RawDocument } from "../csdl/raw.js";
import { GraphgenError } from "../errors.js";
import { TERMS } from "./annotate.js";
import { FILLS_GAPS_TERM } from "./overlay.js";

/** The file's shape; `descriptions` and `longDescriptions` map annotation targets to text. */
export interface DescriptionMap {
  readonly $comment?: string;
  readonly descriptions: Readonly<Record<string, string>>;
  readonly longDescriptions?: Readonly<Record<string, string>>;
}

/** An overlay file: CSDL, or a description map when its name ends in `.json`. */
export function parseOverlay(bytes: Buffer, name: string): RawDocument {
  return name.endsWith(".json") ? parseDescriptionMap(bytes, name) : parseCsdl(bytes, name);
}

export function parseDescriptionMap(bytes: Buffer, name: string): RawDocument {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch (error) {
    throw new GraphgenError(`${name} is not valid JSON: ${(error as Error).message}`, { hint: "a .json overlay is a description map: { \"descriptions\": { \"microsoft.graph.user/displayName\": \"...\" } }" });
  }
  const lines = keyLines(text);
  const blocks: RawAnnotationBlock[] = [];
  const section = (key: "descriptions" | "longDescriptions", term: string) => {
    const entries = (map as Record<string, unknown> | null)?.[key];
    if (entries === undefined && key === "longDescriptions") return;
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
      throw new GraphgenError(`${name}: $.${key} must be an object mapping annotation targets to text`, { hint: "e.g. { \"descriptions\": { \"microsoft.graph.user/displayName\": \"...\" } }" });
    }
    for (const [target, value] of Object.entries(entries)) {
      const location = { file: name, line: lines.get(`${key}\0${target}`) ?? 1, column: 5 };
      if (typeof value !== "string") throw new GraphgenError(`$.${key}["${target}"] must be a string, not ${JSON.stringify(value)}`, { location, hint: "give the text of the description" });
      blocks.push({ target, annotations: [{ term, value: { kind: "string", value }, location }], location });
    }
  };
  section("descriptions", TERMS.description);
  section("longDescriptions", TERMS.longDescription);
  const location = { file: name, line: 1, column: 1 };
  const marker: RawAnnotationBlock = { target: "microsoft.graph", annotations: [{ term: FILLS_GAPS_TERM, value: { kind: "bool", value: true }, location }], location };
  const schema = { namespace: "microsoft.graph", entityTypes: [], complexTypes: [], enumTypes: [], typeDefinitions: [], operations: [], entityContainers: [], annotationBlocks: [marker, ...blocks], location };
  return { file: name, version: "4.0", schemas: [schema] };
}

/** The line of each `"target": ...` entry, by section, so errors can point at it. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let section = "";
  text.split("\n").forEach((line, i) => {
    const top = /^ {2}"(\w+)": \{/.exec(line);
    if (top) section = top[1] ?? "";
    const entry = /^ {4}"((?:[^"\\]|\\.)*)":/.exec(line);
    if (entry) lines.set(`${section}\0${JSON.parse(`"${entry[1]}"`) as string}`, i + 1);
  });
  return lines;
}
