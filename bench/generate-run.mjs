// One measured generation in a fresh process, using the built graphgen (dist/): prints JSON with
// the wall time, peak RSS and user CPU (every thread) at the end of each stage, counted from process start.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
// The built graphgen to run: this checkout's, or another's (argv[3], for a before/after in one bench run).
const generateModule = process.argv[3] ? pathToFileURL(process.argv[3]) : new URL("../dist/generate.js", import.meta.url);
// Measured as `graphgen generate` runs: with the V8 flags its bin/graphgen.js sets, where that checkout has them.
const batchFlags = new URL("batch-flags.js", generateModule);
if (existsSync(batchFlags)) (await import(batchFlags.href)).tuneV8ForBatchRun();
const { generate } = await import(generateModule.href);

const options = JSON.parse(process.argv[2] ?? "{}");
const stages = [];
const mark = (stage) => {
  const usage = process.resourceUsage();
  stages.push({ stage, atMs: performance.now(), peakRssMb: usage.maxRSS / 1024, userMs: usage.userCPUTime / 1000 });
};
mark("start");
const result = await generate(options, { onStage: (stage) => mark(stage) });
mark("end");
// User CPU of the whole process (all threads), start-up and module loading included.
const userMs = process.resourceUsage().userCPUTime / 1000;
// What the run wrote: files and bytes (UTF-8) of the package, lock file included.
const bytes = result.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
const systemMs = process.resourceUsage().systemCPUTime / 1000;
process.stdout.write(JSON.stringify({ stages, upToDate: result.upToDate, files: result.files.length, bytes, timings: result.timings, userMs, systemMs }));
