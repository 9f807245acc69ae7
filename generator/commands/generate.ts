// `graphgen generate`: regenerate the output folder from the metadata and config.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_CONFIG_FILE, loadConfig } from "../config.js";
import { generate } from "../generate.js";
import type { GenerateOptions } from "../options.js";
import { reportErrors, type CliIo } from "./io.js";

interface GenerateFlags {
  config?: string;
  metadata?: string;
  overlay?: string[];
  include?: string;
  all?: boolean;
  out?: string;
  format: boolean;
  debug?: boolean;
}

export function registerGenerateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("generate")
    .description("regenerate the output folder from the metadata (defaults from graphgen.config.json when present)")
    .option("-c, --config <file>", `config file (default: ${DEFAULT_CONFIG_FILE} if it exists)`)
    .option("-m, --metadata <file>", "CSDL metadata file")
    .option("--overlay <file...>", "overlay CSDL file(s) merged into the metadata")
    .option("-i, --include <types>", "comma-separated type names (short or full) to emit with their closure")
    .option("-a, --all", "emit every type of every schema")
    .option("-o, --out <dir>", "output folder")
    .option("--no-format", "skip prettier")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: GenerateFlags) => {
      setExitCode(await reportErrors(io, flags.debug, () => runGenerate(flags, io)));
    });
}

async function runGenerate(flags: GenerateFlags, io: CliIo): Promise<number> {
  const result = await generate(resolveCliOptions(flags, io.cwd));
  const { written, unchanged, removed } = result.write;
  const total = (Object.values(result.timings) as number[]).reduce((a, b) => a + b, 0);
  const c = result.counts;
  io.stdout(
    `graphgen: ${c.entity} entity, ${c.complex} complex, ${c.enum} enum types -> ${result.outDir}\n` +
      `  ${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed in ${Math.round(total)} ms\n`,
  );
  return 0;
}

/** Config file (explicit, or graphgen.config.json when present) overlaid by command-line flags. */
export function resolveCliOptions(flags: Omit<GenerateFlags, "format" | "debug"> & { format?: boolean }, cwd: string): GenerateOptions {
  const configPath = flags.config ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  const fromConfig: GenerateOptions = configPath ? loadConfig(resolve(cwd, configPath)) : { cwd };
  // Paths given on the command line are relative to where the command runs, not to the config file.
  const here = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  return {
    ...fromConfig,
    metadata: here(flags.metadata) ?? fromConfig.metadata,
    overlays: flags.overlay?.map((o) => resolve(cwd, o)) ?? fromConfig.overlays,
    include: flags.include ? flags.include.split(",").map((s) => s.trim()).filter(Boolean) : fromConfig.include,
    all: flags.all ?? fromConfig.all,
    out: here(flags.out) ?? fromConfig.out,
    format: flags.format === false ? false : fromConfig.format,
  };
}
