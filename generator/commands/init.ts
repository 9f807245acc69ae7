// `graphgen init`: a documented graphgen.config.json and a `generate` script, then the next command.
import { relative } from "node:path";
import type { Command } from "commander";
import { GENERATE_SCRIPT, init } from "../init.js";
import { reportErrors, type CliIo } from "./io.js";

export function registerInitCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("write graphgen.config.json (every option at its default, documented) and a generate script in package.json")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: { debug?: boolean }) => {
      setExitCode(
        await reportErrors(io, flags.debug, async () => {
          const result = init(io.cwd);
          const lines = [`graphgen: wrote ${relative(io.cwd, result.config)}`];
          if (result.scriptAdded) lines.push(`graphgen: added "generate": "${GENERATE_SCRIPT}" to package.json`);
          else if (result.packageJson) lines.push(`graphgen: package.json already has a "generate" script; left as is (graphgen's is "${GENERATE_SCRIPT}")`);
          else lines.push(`graphgen: no package.json here; run "npx ${GENERATE_SCRIPT}" directly`);
          lines.push("next: set \"include\" and/or \"includePaths\" in graphgen.config.json, then run:", `  ${result.scriptAdded ? "npm run generate" : `npx ${GENERATE_SCRIPT}`}`);
          io.stdout(`${lines.join("\n")}\n`);
          return 0;
        }),
      );
    });
}
