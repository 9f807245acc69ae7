// Prints how the generated validators and types fare on the documented bodies of Graph's v1.0 API
// reference (test/corpus/fixtures): `npm run corpus`. `--list` also prints every failing case.
import { docsErrors, runCorpus, type Outcome } from "../test/corpus/run.js";

const started = performance.now();
const report = await runCorpus();
const listed = new Set(docsErrors().map((e) => e.case));
const requests = report.cases.filter((c) => c.kind === "request").length;
const unlisted = (outcomes: readonly Outcome[]) => outcomes.filter((o) => !listed.has(o.id.replace(/\/value\/\d+$/, ""))).length;
const line = (label: string, outcomes: readonly Outcome[], of: number) =>
  console.log(`  ${label.padEnd(46)} ${String(outcomes.length).padStart(4)} of ${of}  (${unlisted(outcomes)} not in docs-errors.json)`);

console.log(`graphgen corpus: ${report.cases.length} bodies (${requests} requests), ${report.skipped} lines skipped`);
line("rejected by their validator", report.rejected, report.cases.length);
line("requests failing tsc as written", report.tscAsWritten, requests);
line("requests failing tsc with canonical spellings", report.tscCanonical, requests);
const caught = report.misspelt.tried - report.misspelt.missed.length;
console.log(`  ${"misspelt key caught by tsc".padEnd(46)} ${String(caught).padStart(4)} of ${report.misspelt.tried}`);
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (process.argv.includes("--list")) {
  for (const o of [...report.rejected, ...report.tscCanonical, ...report.misspelt.missed]) console.log(`${o.id}\t${o.check}\t${o.detail}`);
}
