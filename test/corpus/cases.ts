// The documented bodies of Graph's v1.0 API reference (fixtures/cases.jsonl) and the type and
// validator mode each one is checked with. A response's type is its annotation's; a request's is
// the type of the response documented right after it, as the fixtures' README describes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isStructured } from "../../generator/model/queries.js";
import type { Model } from "../../generator/model/types.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

interface RawCase {
  page: string;
  kind: "request" | "response";
  method: string;
  url: string;
  annotation?: Record<string, unknown>;
  status?: number;
  body: string;
}

export type Mode = "create" | "update" | "read";

/** A body the corpus checks: one JSON value (a response collection gives one case per item). */
export interface CorpusCase {
  /** `L<line>` of cases.jsonl, with `/value/<i>` for an item of a collection response. */
  readonly id: string;
  readonly page: string;
  readonly kind: "request" | "response";
  readonly type: string;
  readonly mode: Mode;
  readonly body: unknown;
}

export interface CorpusCases {
  readonly cases: CorpusCase[];
  /** Lines skipped, with why: no JSON, no type the metadata knows, an action's parameters, ... */
  readonly skipped: { line: number; why: string }[];
}

export function readRawCases(): RawCase[] {
  return readFileSync(join(FIXTURES, "cases.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RawCase);
}

export function corpusCases(model: Model): CorpusCases {
  const raw = readRawCases();
  const typeByLowerName = new Map<string, string>();
  for (const type of model.types.values()) if (isStructured(type)) typeByLowerName.set(type.fullName.toLowerCase(), type.fullName);
  const operationNames = new Set(model.operations.map((o) => o.name.toLowerCase()));
  const cases: CorpusCase[] = [];
  const skipped: { line: number; why: string }[] = [];
  raw.forEach((entry, index) => {
    const line = index + 1;
    const skip = (why: string) => skipped.push({ line, why });
    let body: unknown;
    try {
      body = JSON.parse(entry.body);
    } catch {
      return skip("not JSON as written");
    }
    const described = entry.kind === "response" ? entry : nextResponse(raw, index);
    const annotated = typeof described?.annotation?.["@odata.type"] === "string" ? (described.annotation["@odata.type"] as string) : "";
    const collection = /^Collection\((.*)\)$/.exec(annotated);
    const type = typeByLowerName.get((collection?.[1] ?? annotated).toLowerCase());
    if (!type) return skip(annotated ? `type ${annotated} is not an entity or complex type` : "no documented type");
    const listed = Boolean(collection) || described?.annotation?.isCollection === true;
    if (entry.kind === "request") {
      const last = lastSegment(entry.url);
      if (last === "$ref" || operationNames.has(last.replace(/^microsoft\.graph\./i, "").toLowerCase())) return skip("an action's parameters or a reference, not an entity body");
      if (listed) return skip("the response is a collection: the request is not one entity");
      cases.push({ id: `L${line}`, page: entry.page, kind: "request", type, mode: entry.method === "PATCH" ? "update" : "create", body });
      return;
    }
    const value = (body as { value?: unknown } | null)?.value;
    if (listed && Array.isArray(value)) {
      value.forEach((item, i) => cases.push({ id: `L${line}/value/${i}`, page: entry.page, kind: "response", type, mode: "read", body: item }));
    } else cases.push({ id: `L${line}`, page: entry.page, kind: "response", type, mode: "read", body });
  });
  return { cases, skipped };
}

/** The response documented right after a request on the same page, for the same request line. */
function nextResponse(raw: readonly RawCase[], index: number): RawCase | undefined {
  const request = raw[index];
  const next = raw[index + 1];
  return request && next?.kind === "response" && next.page === request.page && next.url === request.url ? next : undefined;
}

function lastSegment(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.split("/").filter(Boolean).at(-1) ?? "";
}
