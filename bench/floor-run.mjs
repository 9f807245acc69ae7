// The floor of `--all`, for npm run bench: what any generator of these files has to do at least. It parses
// the metadata with fast-xml-parser and writes the files graphgen wrote (read beforehand from graphgen's
// output, not counted) into a fresh folder. Prints JSON: user CPU and wall ms of that work, node's start-up
// and the parser's import included, as graphgen's figure includes its own.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const [metadata, source, target] = process.argv.slice(2);
const reading = process.cpuUsage();
const files = readdirSync(source, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return { path: relative(source, path), content: readFileSync(path, "utf8") };
  });
const notCounted = process.cpuUsage(reading).user;

const started = performance.now();
const { XMLParser } = await import("fast-xml-parser");
const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true });
parser.parse(readFileSync(metadata, "utf8"));
const folders = new Set();
for (const file of files) {
  const path = join(target, file.path);
  const folder = dirname(path);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  writeFileSync(path, file.content);
}
const wallMs = performance.now() - started;
process.stdout.write(JSON.stringify({ userMs: (process.resourceUsage().userCPUTime - notCounted) / 1000, wallMs, files: files.length }));
