// One measured docs generation in a fresh process, using the built graphgen (dist/): prints JSON with
// generateDocs' own timings, the wall time from process start and the peak RSS.
import { generateDocs } from "../dist/docs/generate-docs.js";

const options = JSON.parse(process.argv[2] ?? "{}");
const started = performance.now();
const result = await generateDocs(options, { force: true });
process.stdout.write(
  JSON.stringify({
    timings: result.timings,
    wallMs: performance.now() - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    files: result.write.written.length + result.write.unchanged.length,
    pages: result.pages,
  }),
);
