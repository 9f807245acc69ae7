// `graphgen diff <old> <new>`: the generated API's changes between two metadata files, classified,
// with the semver bump they imply. `--fail-on breaking` makes it a CI gate.
import { resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DIFF_FORMATS, diffMetadata, formatDiff, type DiffFormat } from "../diff/index.js";
import { EXIT_INPUT_ERROR, reportErrors, type CliIo } from "./io.js";

interface DiffFlags {
  include?: string;
  format: DiffFormat;
  failOn?: "breaking";
  debug?: boolean;
}

export function registerDiffCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("diff")
    .description("compare the generated API of two metadata files; classify changes and print the semver bump")
    .argument("<old-metadata>", "the previous CSDL metadata file")
    .argument("<new-metadata>", "the new CSDL metadata file")
    .option("-i, --include <types>", "comma-separated type names: compare only their closure (default: everything)")
    .option("-f, --format <format>", `report format: ${DIFF_FORMATS.join(", ")}`, choice(DIFF_FORMATS), "text")
    .option("--fail-on <severity>", "exit 1 when there are changes of this severity: breaking", choice(["breaking"] as const))
    .option("--debug", "print stack traces for errors")
    .action(async (oldPath: string, newPath: string, flags: DiffFlags) => {
      setExitCode(await reportErrors(io, flags.debug, async () => runDiff(oldPath, newPath, flags, io)));
    });
}

function runDiff(oldPath: string, newPath: string, flags: DiffFlags, io: CliIo): number {
  const include = flags.include?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const diff = diffMetadata(resolve(io.cwd, oldPath), resolve(io.cwd, newPath), { include, cwd: io.cwd });
  io.stdout(formatDiff({ oldName: oldPath, newName: newPath, diff }, flags.format));
  return flags.failOn === "breaking" && diff.bump === "major" ? EXIT_INPUT_ERROR : 0;
}

function choice<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`expected one of ${allowed.join(", ")}`);
  };
}
