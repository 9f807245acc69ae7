// One measured generation in a fresh process, using the built graphgen (dist/): prints JSON with
// the wall time and peak RSS at the end of each stage, counted from process start, and the user CPU.
import { generate } from "../dist/generate.js";

const options = JSON.parse(process.argv[2] ?? "{}");
const stages = [];
const mark = (stage) => stages.push({ stage, atMs: performance.now(), peakRssMb: process.resourceUsage().maxRSS / 1024 });
mark("start");
const result = await generate(options, { onStage: (stage) => mark(stage) });
mark("end");
// User CPU of the whole process (all threads), start-up and module loading included.
const userMs = process.resourceUsage().userCPUTime / 1000;
// What the run wrote: files and bytes (UTF-8) of the package, lock file included.
const bytes = result.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
const systemMs = process.resourceUsage().systemCPUTime / 1000;
process.stdout.write(JSON.stringify({ stages, upToDate: result.upToDate, files: result.files.length, bytes, timings: result.timings, userMs, systemMs }));
