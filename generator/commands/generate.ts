// `graphgen generate`: regenerate the output folder from the metadata and config.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_CONFIG_FILE, loadConfig } from "../config.js";
import { generate } from "../generate.js";
import { resolveOptions, type GenerateOptions } from "../options.js";
import { progressWanted, stageProgress } from "../progress.js";
import { watchFiles } from "../watch.js";
import { nextSteps } from "./next-steps.js";
import { LOCK_FILE } from "../write.js";
import { EXIT_INPUT_ERROR, reportErrors, type CliIo } from "./io.js";

interface GenerateFlags {
  config?: string;
  metadata?: string;
  overlay?: string[];
  include?: string;
  includePath?: string[];
  all?: boolean;
  out?: string;
  format: boolean;
  mock?: boolean;
  emit?: string;
  debug?: boolean;
  check?: boolean;
  force?: boolean;
  watch?: boolean;
}

export function registerGenerateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("generate")
    .description("regenerate the output folder from the metadata (defaults from graphgen.config.json when present)")
    .option("-c, --config <file>", `config file (default: ${DEFAULT_CONFIG_FILE} if it exists)`)
    .option("-m, --metadata <file>", "CSDL metadata file")
    .option("--overlay <file...>", "overlay CSDL file(s) merged into the metadata")
    .option("-i, --include <types>", "comma-separated type names (short or full) to emit with their closure")
    .option("--include-path <pattern...>", 'request paths to generate a client for, e.g. "/identity/apiConnectors/**" (* one segment, ** any)')
    .option("-a, --all", "emit every type of every schema")
    .option("-o, --out <dir>", "output folder")
    .option("--no-format", "skip prettier")
    .option("--no-mock", "leave out the fake Graph for tests (<package>/mock)")
    .option("--emit <kind>", "js: JavaScript + .d.ts imported in place; ts: TypeScript sources (default: js when --out is inside a src/ folder, else ts)")
    .option("--check", "write nothing; exit 1 listing the files that would change when the output is stale (for CI)")
    .option("--force", "regenerate even when the lock file says the output is current")
    .option("-w, --watch", "regenerate whenever the metadata, an overlay or the config file changes")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: GenerateFlags) => {
      if (flags.watch) setExitCode(await runWatch(flags, io));
      else setExitCode(await reportErrors(io, flags.debug, () => runGenerate(flags, io)));
    });
}

async function runGenerate(flags: GenerateFlags, io: CliIo): Promise<number> {
  const onStage = progressWanted(process.stderr, process.env) ? stageProgress(io.stderr) : undefined;
  const options = resolveCliOptions(flags, io.cwd);
  const result = await generate(options, { check: flags.check, force: flags.force, onStage });
  const { written, added, changed, unchanged, removed, leftovers } = result.write;
  const c = result.counts;
  const summary = `graphgen: ${c.entity} entity, ${c.complex} complex, ${c.enum} enum types -> ${result.outDir}\n`;
  if (result.upToDate) {
    io.stdout(`${summary}  up to date: inputs, options and generator match ${LOCK_FILE}; nothing to do (--force regenerates)\n`);
    io.stdout(nextSteps(resolveOptions(options)));
    return 0;
  }
  if (flags.check) {
    const stale = [...added.map((f) => `  added    ${f}`), ...changed.map((f) => `  changed  ${f}`), ...removed.map((f) => `  removed  ${f}`), ...leftovers.map((f) => `  leftover ${f} (an interrupted run's)`)];
    if (stale.length === 0) {
      io.stdout(`${summary}  up to date: ${unchanged.length} files match\n`);
      return 0;
    }
    io.stderr(`graphgen: ${result.outDir} is stale; ${stale.length} file(s) would change:\n${stale.join("\n")}\n  fix: run graphgen generate and commit the result\n`);
    return EXIT_INPUT_ERROR;
  }
  const total = (Object.values(result.timings) as number[]).reduce((a, b) => a + b, 0);
  io.stdout(`${summary}  ${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed in ${Math.round(total)} ms${leftovers.length > 0 ? "; repaired an interrupted run" : ""}\n`);
  if (result.docs) io.stdout(`  docs -> ${result.docs.outDir}: ${result.docs.write.written.length} written, ${result.docs.write.removed.length} removed\n`);
  io.stdout(nextSteps(resolveOptions(options)));
  return 0;
}

/** Generates once, then again on every change to the inputs or config, until interrupted. */
async function runWatch(flags: GenerateFlags, io: CliIo): Promise<number> {
  const once = () => reportErrors(io, flags.debug, () => runGenerate(flags, io));
  await once();
  const options = resolveOptions(resolveCliOptions(flags, io.cwd));
  const config = configPath(flags.config, io.cwd);
  const files = [options.metadata, ...options.overlays, ...(config ? [resolve(io.cwd, config)] : [])];
  io.stderr(`graphgen: watching ${files.length} file(s); Ctrl+C stops\n`);
  const watcher = watchFiles(files, async () => {
    await once();
  });
  await new Promise<void>((done) => process.once("SIGINT", () => done()));
  watcher.close();
  return 0;
}

/** Config file (explicit, or graphgen.config.json when present) overlaid by command-line flags. */
export function resolveCliOptions(flags: Omit<GenerateFlags, "format" | "debug"> & { format?: boolean }, cwd: string): GenerateOptions {
  const config = configPath(flags.config, cwd);
  const fromConfig: GenerateOptions = config ? loadConfig(resolve(cwd, config)) : { cwd };
  // Paths given on the command line are relative to where the command runs, not to the config file.
  const here = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  return {
    ...fromConfig,
    metadata: here(flags.metadata) ?? fromConfig.metadata,
    overlays: flags.overlay?.map((o) => resolve(cwd, o)) ?? fromConfig.overlays,
    include: flags.include ? flags.include.split(",").map((s) => s.trim()).filter(Boolean) : fromConfig.include,
    includePaths: flags.includePath ?? fromConfig.includePaths,
    all: flags.all ?? fromConfig.all,
    out: here(flags.out) ?? fromConfig.out,
    format: flags.format === false ? false : fromConfig.format,
    mock: flags.mock === false ? false : fromConfig.mock,
    emit: (flags.emit as GenerateOptions["emit"]) ?? fromConfig.emit,
  };
}

function configPath(explicit: string | undefined, cwd: string): string | undefined {
  return explicit ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
}
