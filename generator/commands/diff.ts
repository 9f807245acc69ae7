// `graphgen diff <old> <new>`: the generated API's changes between two metadata files, classified,
// with the semver bump they imply. Over the project's selection (graphgen.config.json's `include`
// and `includePaths`) when there is a config, over everything with `--all` or without one.
// `--fail-on breaking` makes it a CI gate.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_CONFIG_FILE, loadConfig } from "../config.js";
import { DIFF_FORMATS, diffMetadataFiles, formatDiff, type DiffFormat, type DiffOptions } from "../diff/index.js";
import { GraphgenError } from "../errors.js";
import { resolveOptions } from "../options.js";
import { EXIT_INPUT_ERROR, reportErrors, type CliIo } from "./io.js";

interface DiffFlags {
  include?: string;
  all?: boolean;
  config?: string;
  format: DiffFormat;
  failOn?: "breaking";
  debug?: boolean;
}

export function registerDiffCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("diff")
    .description("compare the generated API of two metadata files over your selection; classify changes and print the semver bump")
    .argument("<old-metadata>", "the previous CSDL metadata file")
    .argument("<new-metadata>", "the new CSDL metadata file")
    .option("-c, --config <file>", `config whose include/includePaths (and overlays) say what to compare (default: ${DEFAULT_CONFIG_FILE} if it exists)`)
    .option("-i, --include <types>", "comma-separated type names: compare only their closure, whatever the config says")
    .option("--all", "compare all of the metadata, not only your selection")
    .option("-f, --format <format>", `report format: ${DIFF_FORMATS.join(", ")}`, choice(DIFF_FORMATS), "text")
    .option("--fail-on <severity>", "exit 1 when there are changes of this severity: breaking", choice(["breaking"] as const))
    .option("--debug", "print stack traces for errors")
    .action(async (oldPath: string, newPath: string, flags: DiffFlags) => {
      setExitCode(await reportErrors(io, flags.debug, async () => runDiff(oldPath, newPath, flags, io)));
    });
}

function runDiff(oldPath: string, newPath: string, flags: DiffFlags, io: CliIo): number {
  const { options, scope } = diffScope(flags, io.cwd);
  const { diff, age } = diffMetadataFiles(resolve(io.cwd, oldPath), resolve(io.cwd, newPath), options);
  io.stdout(formatDiff({ oldName: oldPath, newName: newPath, diff, scope, age }, flags.format));
  return flags.failOn === "breaking" && diff.bump === "major" ? EXIT_INPUT_ERROR : 0;
}

/** What to compare, and how the report names it. */
function diffScope(flags: DiffFlags, cwd: string): { options: DiffOptions; scope: string } {
  const include = flags.include?.split(",").map((s) => s.trim()).filter(Boolean);
  if (flags.all) return { options: { cwd, all: true }, scope: "all of the metadata" };
  if (include) return { options: { cwd, include }, scope: `the closure of ${include.join(", ")}` };
  const config = flags.config ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (!config) return { options: { cwd }, scope: `all of the metadata (no ${DEFAULT_CONFIG_FILE} here to take a selection from)` };
  if (!existsSync(resolve(cwd, config))) throw new GraphgenError(`config file ${config} not found`, { hint: "pass --config an existing file, or --all" });
  const resolved = resolveOptions(loadConfig(resolve(cwd, config)));
  if (resolved.all) return { options: { cwd, all: true, overlays: resolved.overlays }, scope: `all of the metadata (${config} says "all")` };
  const parts = [
    ...(resolved.include.length > 0 ? [`include ${resolved.include.join(", ")}`] : []),
    ...(resolved.includePaths.length > 0 ? [`includePaths ${resolved.includePaths.join(", ")}`] : []),
  ];
  return {
    options: { cwd, include: resolved.include, includePaths: resolved.includePaths, overlays: resolved.overlays, rootNamespace: resolved.rootNamespace },
    scope: `your selection (${config}: ${parts.join("; ")}; --all for everything)`,
  };
}

function choice<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`expected one of ${allowed.join(", ")}`);
  };
}
