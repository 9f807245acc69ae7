// The `graphgen` command: registers the subcommands (one file each in commands/) and runs them.
// It returns an exit code instead of exiting, so tests can drive it in-process.
import { Command, CommanderError } from "commander";
import { registerDiffCommand } from "./commands/diff.js";
import { registerDocsCommand } from "./commands/docs.js";
import { registerGenerateCommand } from "./commands/generate.js";
import { registerInitCommand } from "./commands/init.js";
import { registerPathsCommand } from "./commands/paths.js";
import { registerPermissionsCommand } from "./commands/permissions.js";
import { registerUpdateCommand } from "./commands/update.js";
import { EXIT_USAGE, reportErrors, type CliIo } from "./commands/io.js";
import { checkRunningBuild } from "./code-hash.js";
import { GENERATOR_VERSION } from "./version.js";

export type { CliIo } from "./commands/io.js";

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command("graphgen")
    .description("TypeScript types, validators and client stubs from Microsoft Graph CSDL metadata")
    .version(GENERATOR_VERSION, "-v, --version")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  registerGenerateCommand(program, io, setExitCode);
  registerPermissionsCommand(program, io, setExitCode);
  registerPathsCommand(program, io, setExitCode);
  registerDiffCommand(program, io, setExitCode);
  registerInitCommand(program, io, setExitCode);
  registerUpdateCommand(program, io, setExitCode);
  registerDocsCommand(program, io, setExitCode);

  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return 0;
  }
  // Every command (not `--help` or `--version`), not only those that write a lock, refuses to answer from
  // a stale build of a checkout.
  if (!argv[0]?.startsWith("-")) {
    const fresh = await reportErrors(io, argv.includes("--debug"), async () => {
      checkRunningBuild();
      return 0;
    });
    if (fresh !== 0) return fresh;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    throw error;
  }
  return exitCode;
}
