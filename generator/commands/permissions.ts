// `graphgen permissions`: the least-privileged Graph permissions for the requests the config's
// `includePaths` generate, as a summary and as the app manifest's `requiredResourceAccess`, ready to paste.
import type { Command } from "commander";
import { loadModel } from "../load.js";
import { resolveOptions } from "../options.js";
import { planClient } from "../client/plan.js";
import { loadGraphPermissions, planClientPermissions } from "../client/permissions.js";
import { renderPermissionSummary, requiredResourceAccess } from "../permissions/manifest.js";
import { GraphgenError } from "../errors.js";
import { resolveCliOptions } from "./generate.js";
import { reportErrors, type CliIo } from "./io.js";

interface PermissionsFlags {
  config?: string;
  includePath?: string[];
  delegated?: boolean;
  application?: boolean;
  debug?: boolean;
}

export function registerPermissionsCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("permissions")
    .description("print the least-privileged Graph permissions for the client's request paths, and the manifest's requiredResourceAccess")
    .option("-c, --config <file>", "config file (default: graphgen.config.json if it exists)")
    .option("--include-path <pattern...>", "request paths instead of the config's includePaths")
    .option("--delegated", "delegated permissions (Scope) only")
    .option("--application", "application permissions (Role) only")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: PermissionsFlags) => {
      setExitCode(await reportErrors(io, flags.debug, async () => runPermissions(flags, io)));
    });
}

function runPermissions(flags: PermissionsFlags, io: CliIo): number {
  if (flags.delegated && flags.application) {
    throw new GraphgenError("--delegated and --application exclude each other", { hint: "leave both out for both kinds" });
  }
  const options = resolveOptions(resolveCliOptions({ config: flags.config, includePath: flags.includePath }, io.cwd));
  if (options.includePaths.length === 0) {
    throw new GraphgenError("no request paths to report on", { hint: 'set "includePaths" in graphgen.config.json or pass --include-path "/identity/apiConnectors/**"' });
  }
  const { model } = loadModel(options.metadata, options.overlays, options.cwd);
  const { roots } = planClient(model, options);
  const plan = planClientPermissions(loadGraphPermissions(), roots, flags.delegated ? "delegated" : flags.application ? "application" : "both");
  const manifest = { requiredResourceAccess: requiredResourceAccess(plan) };
  io.stdout(`${renderHeader(options.includePaths)}${renderPermissionSummary(plan)}\nApp manifest (paste into the app registration's manifest):\n${JSON.stringify(manifest, null, 2)}\n`);
  return 0;
}

function renderHeader(includePaths: readonly string[]): string {
  return `Request paths: ${includePaths.join(", ")}\n`;
}
