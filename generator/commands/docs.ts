// `graphgen docs`: write the reference docs site (HTML with offline search, and Markdown) for the
// configured generation: a page per permission the client uses, per type and per request path.
import type { Command } from "commander";
import { generateDocs } from "../docs/generate-docs.js";
import { resolveCliOptions } from "./generate.js";
import { reportErrors, type CliIo } from "./io.js";

interface DocsFlags {
  config?: string;
  metadata?: string;
  overlay?: string[];
  include?: string;
  includePath?: string[];
  all?: boolean;
  out?: string;
  force?: boolean;
  debug?: boolean;
}

export function registerDocsCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("docs")
    .description("write the reference docs site (HTML + Markdown) for the generation the config describes")
    .option("-c, --config <file>", "config file (default: graphgen.config.json if it exists)")
    .option("-m, --metadata <file>", "CSDL metadata file")
    .option("--overlay <file...>", "overlay CSDL file(s) merged into the metadata")
    .option("-i, --include <types>", "comma-separated type names (short or full) to document with their closure")
    .option("--include-path <pattern...>", 'request paths to document, e.g. "/identity/apiConnectors/**"')
    .option("-a, --all", "document every type of every schema")
    .option("-o, --out <dir>", "docs folder (default: the config's docsOut, else docs-site)")
    .option("--force", "rewrite even when the docs folder's lock says it is current")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: DocsFlags) => {
      setExitCode(await reportErrors(io, flags.debug, () => runDocs(flags, io)));
    });
}

async function runDocs(flags: DocsFlags, io: CliIo): Promise<number> {
  const { out, force, ...selection } = flags;
  const options = resolveCliOptions(selection, io.cwd);
  const result = await generateDocs({ ...options, ...(out === undefined ? {} : { docsOut: out }) }, { force });
  if (result.upToDate) {
    io.stdout(`graphgen: docs in ${result.outDir} are up to date (--force rewrites them)\n  open ${result.index}\n`);
    return 0;
  }
  const { permissions, types, paths } = result.pages;
  const total = Math.round(result.timings.load + result.timings.render + result.timings.write);
  io.stdout(
    `graphgen: docs for ${permissions} permissions, ${types} types, ${paths} request paths -> ${result.outDir}\n` +
      `  ${result.write.written.length} written, ${result.write.unchanged.length} unchanged, ${result.write.removed.length} removed in ${total} ms\n` +
      `  open ${result.index}\n`,
  );
  return 0;
}
