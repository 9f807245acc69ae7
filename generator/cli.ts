// The `graphgen` command: parses arguments, calls the programmatic API, prints a summary.
// It returns an exit code instead of exiting, so tests can drive it in-process.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { DEFAULT_CONFIG_FILE, loadConfig } from "./config.js";
import { GraphgenError } from "./errors.js";
import { generate } from "./generate.js";
import type { GenerateOptions } from "./options.js";
import { GENERATOR_VERSION } from "./version.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

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

export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("graphgen")
    .description("TypeScript types, validators and client stubs from Microsoft Graph CSDL metadata")
    .version(GENERATOR_VERSION, "-v, --version")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

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
      exitCode = await runGenerate(flags, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  if (argv.length === 0) {
    io.stdout(program.helpInformation());
  }
  return exitCode;
}

async function runGenerate(flags: GenerateFlags, io: CliIo): Promise<number> {
  try {
    const options = resolveCliOptions(flags, io.cwd);
    const result = await generate(options);
    const { written, unchanged, removed } = result.write;
    const total = (Object.values(result.timings) as number[]).reduce((a, b) => a + b, 0);
    const c = result.counts;
    io.stdout(
      `graphgen: ${c.entity} entity, ${c.complex} complex, ${c.enum} enum types -> ${result.outDir}\n` +
        `  ${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed in ${Math.round(total)} ms\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof GraphgenError) {
      io.stderr(`graphgen: error: ${error.format()}\n`);
      if (flags.debug) io.stderr(`${error.stack}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`graphgen: internal error: ${message}\n  this is a graphgen bug; rerun with --debug for the stack trace and report it\n`);
    if (flags.debug && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 70;
  }
}

function resolveCliOptions(flags: GenerateFlags, cwd: string): GenerateOptions {
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
