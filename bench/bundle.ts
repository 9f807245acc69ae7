// `npm run bench:bundle`: what a consumer pays for the package generated with --all from the full
// v1.0 metadata. Prints (1) the esbuild-minified size of a bundle importing only the
// identityApiConnector validator and the client (goal < 10 KB), by subpath and from the package root,
// and (2) tsc's cost for a one-line file importing one type (goal well under 1 s). Figures, no asserts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { generate } from "../generator/generate.js";

const repoRoot = resolve(import.meta.dirname, "..");
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
const NAME = "graph-all";

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "graphgen-bench-"));
  try {
    const pkg = join(work, "node_modules", NAME);
    const started = performance.now();
    await generate({ metadata: join(repoRoot, "metadata/v1.0-cleanMetadata.xml"), all: true, includePaths: ["/identity/apiConnectors/**"], out: pkg, format: false, packageName: NAME });
    const generated = performance.now();
    // tsc emits despite type errors; a broken package is reported, and still measured.
    const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: pkg, encoding: "utf8" });
    const errors = (built.stdout.match(/error TS\d+/g) ?? []).length;
    console.log(`package: --all generated in ${seconds(generated - started)}, built (tsc) in ${seconds(performance.now() - generated)}${errors > 0 ? `; tsc reported ${errors} error(s):\n${built.stdout.split("\n").slice(0, 3).join("\n")}` : ""}`);
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "bench-consumer", private: true, type: "module" }));
    await bundleSizes(work, pkg);
    await workflowCosts(work);
    typeCheckCost(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The validator always; the client when this generation has one (it is added by a separate feature). */
function consumerSource(pkg: string, fromRoot: boolean): { source: string; what: string } {
  const imports: [name: string, module: string][] = [["validateIdentityApiConnector", "validators/IdentityApiConnector"]];
  if (existsSync(join(pkg, "dist/client/index.js"))) imports.push(["createGraphClient", "client/index"]);
  const names = imports.map(([name]) => name);
  const lines = fromRoot
    ? [`import { ${names.join(", ")} } from "${NAME}";`]
    : imports.map(([name, module]) => `import { ${name} } from "${NAME}/${module}";`);
  return { source: `${lines.join("\n")}\nexport { ${names.join(", ")} };\n`, what: names.join(" + ") };
}

async function bundleSizes(work: string, pkg: string): Promise<void> {
  for (const [label, fromRoot] of [["by subpath", false], ["from the package root", true]] as const) {
    const { source, what } = consumerSource(pkg, fromRoot);
    const entry = join(work, `entry-${fromRoot ? "root" : "subpath"}.js`);
    writeFileSync(entry, source);
    const started = performance.now();
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, absWorkingDir: work, logLevel: "error", metafile: true });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const bytes = `${code.length.toLocaleString("en-US")} bytes`;
    console.log(`bundle (${what}, ${label}): ${kb(code.length)} (${bytes}) minified, ${kb(gzipSync(code).length)} gzipped; esbuild ${seconds(performance.now() - started)}  [goal < 10 KB = 10,240 bytes minified]`);
    if (!fromRoot) console.log(`  largest modules: ${largestInputs(result.metafile)}`);
  }
}

/** What each workflow module adds to a createGraphClient consumer that imports it (and, by the first line, costs one that does not). */
async function workflowCosts(work: string): Promise<void> {
  const bundle = async (lines: string[], names: string[]) => {
    const entry = join(work, "entry-workflow.js");
    writeFileSync(entry, `${lines.join("\n")}\nexport { ${names.join(", ")} };\n`);
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, absWorkingDir: work, logLevel: "error", metafile: true });
    const inputs = Object.keys(Object.values(result.metafile.outputs)[0]?.inputs ?? {});
    return { size: result.outputFiles[0]?.contents.length ?? 0, workflows: inputs.filter((path) => /client\/(batch|delta|upload)\.js$/.test(path)).length };
  };
  const client = `import { createGraphClient } from "${NAME}/client/index";`;
  const base = await bundle([client], ["createGraphClient"]);
  console.log(`bundle (createGraphClient alone): ${kb(base.size)} minified; workflow modules in it: ${base.workflows}`);
  for (const [name, module] of [["batch", "batch"], ["deltaSync", "delta"], ["uploadLargeFile", "upload"]] as const) {
    const { size } = await bundle([client, `import { ${name} } from "${NAME}/client/${module}";`], ["createGraphClient", name]);
    console.log(`  + ${name} (client/${module}): +${kb(size - base.size)}`);
  }
}

/** Wall time of `tsc --noEmit` on a one-line consumer, beside an import-free baseline (tsc's start-up and lib files). */
function typeCheckCost(work: string): void {
  const consumer = join(work, "tsc-consumer");
  mkdirSync(consumer);
  symlinkSync(join(work, "node_modules"), join(consumer, "node_modules"), "dir");
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [], skipLibCheck: true }, files: ["main.ts"] }),
  );
  const variants = {
    "baseline, no import": "",
    "one type by subpath": `import type { IdentityApiConnector } from "${NAME}/models/IdentityApiConnector";\n`,
    "one type from the package root": `import type { IdentityApiConnector } from "${NAME}";\n`,
  };
  for (const [label, line] of Object.entries(variants)) {
    writeFileSync(join(consumer, "main.ts"), `${line}export const connector${line ? ": IdentityApiConnector" : ""} = { displayName: "x" };\n`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--extendedDiagnostics"], { cwd: consumer, encoding: "utf8" });
    const elapsed = performance.now() - started;
    const field = (name: string) => new RegExp(`^${name}:\\s+(\\S+)`, "m").exec(run.stdout)?.[1] ?? "?";
    const errors = (run.stdout.match(/error TS\d+/g) ?? []).length;
    console.log(
      `tsc --noEmit, ${label}: ${seconds(elapsed)} wall (tsc total ${field("Total time")}), ${field("Files")} files, ${field("Memory used")} memory${errors ? `, ${errors} error(s)` : ""}  [goal well under 1 s]`,
    );
  }
}

/** Where the bytes come from, so a bundle over the goal says which module to slim. */
function largestInputs(metafile: Metafile): string {
  const inputs = Object.values(metafile.outputs)[0]?.inputs ?? {};
  return Object.entries(inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 5)
    .map(([path, { bytesInOutput }]) => `${path.replace(/^.*node_modules\//, "")} ${kb(bytesInOutput)}`)
    .join(", ");
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

await main();
