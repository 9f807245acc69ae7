// `npm run bench:corpus-speed`: validations per second over the documented bodies of Graph's v1.0 API
// reference (test/corpus/fixtures), with the validators generated with --all: request bodies in their
// mode (create, update), responses in read mode, each split by the size of the body's type (its declared
// properties, inherited ones included). bench:validate measures one type against ajv and zod; this one
// measures the mix real payloads make. Figures, no asserts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allProperties, structuredType } from "../generator/model/queries.js";
import type { Model } from "../generator/model/types.js";
import type { CorpusCase } from "../test/corpus/cases.js";
import { generateCorpus } from "../test/corpus/run.js";

/** The size that splits the figures: a type with more declared properties than this is "large". */
const SMALL = 8;

const out = mkdtempSync(join(tmpdir(), "graphgen-corpus-speed-"));
try {
  const { model, validator, cases } = await generateCorpus(out);
  const runs: { label: string; calls: (() => boolean)[] }[] = [];
  const group = (label: string) => runs.find((r) => r.label === label) ?? runs[runs.push({ label, calls: [] }) - 1]!;
  for (const c of cases) {
    const validate = await validator(c);
    const options = { mode: c.mode };
    group(label(model, c)).calls.push(() => validate(c.body, options).ok);
  }
  console.log(`node ${process.version}; ${cases.length} documented bodies; a type is large with more than ${SMALL} properties\n`);
  for (const { label, calls } of runs.sort((a, b) => a.label.localeCompare(b.label))) {
    console.log(`${label.padEnd(34)} ${String(calls.length).padStart(4)} bodies  ${Math.round(bodiesPerSecond(calls)).toLocaleString("en-US").padStart(12)} validations/s`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

function label(model: Model, c: CorpusCase): string {
  const { properties, navigationProperties } = allProperties(model, structuredType(model, c.type)!);
  const size = properties.length + navigationProperties.length > SMALL ? "large" : "small";
  return `${c.kind === "request" ? "requests (create/update)" : "responses (read)"}, ${size}`;
}

/** Best of 5 rounds of ~300 ms, each validating every body of the group in turn, after a warm-up. */
function bodiesPerSecond(calls: readonly (() => boolean)[]): number {
  let sink = 0;
  for (let i = 0; i < 2000; i++) for (const call of calls) sink += call() ? 1 : 0;
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let done = 0;
    const started = performance.now();
    while (performance.now() - started < 300) {
      for (const call of calls) sink += call() ? 1 : 0;
      done += calls.length;
    }
    best = Math.max(best, (done / (performance.now() - started)) * 1000);
  }
  if (sink < 0) console.log(sink);
  return best;
}
