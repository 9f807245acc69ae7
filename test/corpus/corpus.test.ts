// The documented bodies of Graph's v1.0 API reference against one --all generation: every body is
// accepted by its validator and every request body compiles as its type, except the docs' own
// errors listed (with a reason) in docs-errors.json; a misspelt key never compiles.
// `npm run corpus` prints the same figures.
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_V1, sharedPackage } from "../support/shared-package.js";
import { docsErrors, runCorpus, type Check, type CorpusReport, type Outcome } from "./run.js";

let report: CorpusReport;
const listed = docsErrors();

beforeAll(async () => {
  // The --all package with the shipped overlay, shared with test/emit/full-metadata.test.ts.
  report = await runCorpus(await sharedPackage("all", ALL_V1));
}, 180_000);

/** The cases.jsonl line a failure belongs to (a collection response's items share it). */
const lineOf = (o: Outcome) => o.id.replace(/\/value\/\d+$/, "");
const failing = (check: Check): Set<string> =>
  new Set((check === "validator" ? report.rejected : report.tscCanonical).map(lineOf));

describe("Graph docs corpus", () => {
  it("checks most of the corpus: each request's type comes from its page's response", () => {
    expect(report.cases.length).toBeGreaterThan(200);
    expect(report.cases.filter((c) => c.kind === "request").length).toBeGreaterThan(60);
  });

  it("accepts every documented body in its validator's mode, except the listed docs errors", () => {
    const allowed = new Set(listed.filter((e) => e.checks.includes("validator")).map((e) => e.case));
    expect(report.rejected.filter((o) => !allowed.has(lineOf(o)))).toEqual([]);
  });

  it("compiles every documented request body as its type, Graph's any-case spellings made canonical", () => {
    const allowed = new Set(listed.filter((e) => e.checks.includes("tsc")).map((e) => e.case));
    expect(report.tscCanonical.filter((o) => !allowed.has(o.id))).toEqual([]);
  });

  it("still fails every listed docs error where the list says (no stale entry), placeholders in the validators", () => {
    const stale = listed.flatMap((e) => e.checks.filter((check) => !failing(check).has(e.case)).map((check) => `${e.case} ${check}`));
    expect(stale).toEqual([]);
    const placeholders = listed.filter((e) => e.placeholder);
    expect(placeholders.length).toBeGreaterThan(5);
    expect(placeholders.filter((e) => !failing("validator").has(e.case))).toEqual([]);
  });

  it("lists each docs error once, with a reason", () => {
    expect(new Set(listed.map((e) => e.case)).size).toBe(listed.length);
    expect(listed.filter((e) => e.reason.length < 20 || e.checks.length === 0)).toEqual([]);
  });

  it("fails to compile every request body that compiles, once one of its keys is misspelt", () => {
    expect(report.misspelt.tried).toBeGreaterThan(40);
    expect(report.misspelt.missed).toEqual([]);
  });
});
