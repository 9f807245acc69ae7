// `graphgen paths`: the request tree the client would have, with methods and least-privileged permissions,
// for finding the path to put in `includePaths`. Every path unless --include-path narrows it; --json for scripts.
import type { Command } from "commander";
import { loadModel } from "../load.js";
import { resolveOptions } from "../options.js";
import { listRequestPaths, renderPathListing } from "../client/paths.js";
import { checkPatternsMatch } from "../client/unmatched.js";
import { parsePathPatterns } from "../client/include-paths.js";
import { buildRequestTree } from "../client/tree-walk.js";
import { resolveCliOptions } from "./generate.js";
import { reportErrors, type CliIo } from "./io.js";

interface PathsFlags {
  config?: string;
  metadata?: string;
  includePath?: string[];
  json?: boolean;
  debug?: boolean;
}

export function registerPathsCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("paths")
    .description("print the request paths a client can have, with their methods and least-privileged permissions")
    .option("-c, --config <file>", "config file, for the metadata and overlays (default: graphgen.config.json if it exists)")
    .option("-m, --metadata <file>", "CSDL metadata file")
    .option("--include-path <pattern...>", 'only these request paths, e.g. "/groups/*/members/**" (default: all)')
    .option("--json", "print JSON: one entry per path with its requests")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: PathsFlags) => {
      setExitCode(await reportErrors(io, flags.debug, async () => runPaths(flags, io)));
    });
}

function runPaths(flags: PathsFlags, io: CliIo): number {
  const options = resolveOptions({ ...resolveCliOptions({ config: flags.config, metadata: flags.metadata }, io.cwd), includePaths: [] });
  const { model } = loadModel(options.metadata, options.overlays, options.cwd);
  const includePaths = flags.includePath ?? [];
  if (includePaths.length > 0) {
    const patterns = parsePathPatterns(includePaths);
    checkPatternsMatch(model, patterns, buildRequestTree(model, patterns, options.rootNamespace), options.rootNamespace);
  }
  const listing = listRequestPaths(model, { includePaths, rootNamespace: options.rootNamespace });
  io.stdout(flags.json ? `${JSON.stringify(listing, null, 2)}\n` : renderPathListing(listing));
  return 0;
}
