// The write stage alone, on the real v1.0 metadata: plans one generation in memory, then times
// writeOutput for a first generation (empty folder), an unchanged rewrite, a rewrite with a few
// changed files and a switch to a smaller selection (mass removal). Prints JSON with milliseconds.
// Usage: npm run build && node bench/write-stage.mjs [--all]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../dist/generate.js";
import { writeOutput } from "../dist/write.js";

const all = process.argv.includes("--all");
const base = { metadata: "metadata/v1.0-cleanMetadata.xml", overlays: ["metadata/overlay.xml"], format: false };
const wide = all ? { ...base, all: true } : { ...base, include: ["user", "group", "message", "driveItem"] };
const narrow = { ...base, include: ["thumbnailSet"] };
const work = mkdtempSync(join(tmpdir(), "graphgen-bench-write-"));
const planned = async (options) => (await generate({ ...options, out: join(work, "unused") }, { check: true })).files;
const wideFiles = await planned(wide);
const narrowFiles = await planned(narrow);
const out = join(work, "out");
const time = (run) => {
  const started = performance.now();
  const result = run();
  return { ms: Math.round(performance.now() - started), written: result.written.length, removed: result.removed.length };
};
const edited = wideFiles.map((f, i) => (i % 100 === 0 ? { ...f, content: `${f.content}\n// edit\n` } : f));
const figures = {
  files: wideFiles.length,
  fresh: time(() => writeOutput(out, wideFiles)),
  unchanged: time(() => writeOutput(out, wideFiles)),
  onePercentChanged: time(() => writeOutput(out, edited)),
  restored: time(() => writeOutput(out, wideFiles)),
  shrink: time(() => writeOutput(out, narrowFiles)),
};
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
