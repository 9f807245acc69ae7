// The first thing `graphgen update` does with downloaded bytes: make sure they are a complete CSDL
// document (not an HTML page, an error text or a cut-off file); `update` parses them with it when it
// builds their model (`loadModelFrom`).
import { parseCsdl } from "../csdl/parse.js";
import type { RawDocument } from "../csdl/raw.js";
import { GraphgenError } from "../errors.js";

const NOTHING_CHANGED = "nothing was changed; check --from (it must be a CSDL $metadata XML file)";

/** Parses `bytes` as CSDL; anything else is a GraphgenError naming `name` and what was found. */
export function checkCsdl(bytes: Buffer, name: string): RawDocument {
  const head = bytes.subarray(0, 512).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (/^<(!doctype\s+html|html)\b/i.test(head)) {
    throw new GraphgenError(`${name} is an HTML page, not CSDL metadata`, { hint: NOTHING_CHANGED });
  }
  if (!head.startsWith("<")) {
    throw new GraphgenError(`${name} is not XML (it starts with ${JSON.stringify(head.slice(0, 40))})`, { hint: NOTHING_CHANGED });
  }
  try {
    return parseCsdl(bytes, name);
  } catch (error) {
    if (!(error instanceof GraphgenError)) throw error;
    throw new GraphgenError(`${error.location ? "the download" : name} is not complete CSDL metadata: ${error.message}`, {
      location: error.location,
      hint: `the file may be cut off or not Graph metadata; ${NOTHING_CHANGED}`,
    });
  }
}
