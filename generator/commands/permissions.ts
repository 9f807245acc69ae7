// `graphgen permissions`: the least-privileged Graph permissions for the requests the config's
// `includePaths` generate, as a summary and as the app manifest's `requiredResourceAccess`, ready to paste.
// Each operation asks for its own least permission; which methods count (`--read-only`, `--method`, the
// config's `permissionMethods`) and a smaller manifest (`--fewer-permissions`) are explicit choices.
import type { Command } from "commander";
import { loadModel } from "../load.js";
import { resolveOptions } from "../options.js";
import { planClient } from "../client/plan.js";
import { clientRequests, loadGraphPermissions } from "../client/permissions.js";
import { planPermissions, renderPermissionSummary, requiredResourceAccess } from "../permissions/manifest.js";
import { GraphgenError } from "../errors.js";
import { closest } from "../suggest.js";
import { resolveCliOptions } from "./generate.js";
import { reportErrors, type CliIo } from "./io.js";

interface PermissionsFlags {
  config?: string;
  includePath?: string[];
  delegated?: boolean;
  application?: boolean;
  readOnly?: boolean;
  method?: string[];
  resourceSpecific?: boolean;
  fewerPermissions?: boolean;
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
    .option("--read-only", "count only GET requests (an app that only reads); same as --method GET")
    .option("--method <method...>", "count only requests with these methods, e.g. --method GET POST (default: the config's permissionMethods, else all)")
    .option("--resource-specific", "let resource-specific (Teams RSC) permissions be least, e.g. Channel.Create.Group")
    .option("--fewer-permissions", "a smaller manifest: reuse a permission another operation needs where it also covers an operation (more privileged than that operation needs; each trade is listed)")
    .option("--debug", "print stack traces for errors")
    .action(async (flags: PermissionsFlags) => {
      setExitCode(await reportErrors(io, flags.debug, async () => runPermissions(flags, io)));
    });
}

function runPermissions(flags: PermissionsFlags, io: CliIo): number {
  if (flags.delegated && flags.application) {
    throw new GraphgenError("--delegated and --application exclude each other", { hint: "leave both out for both kinds" });
  }
  if (flags.readOnly && flags.method) {
    throw new GraphgenError("--read-only and --method exclude each other", { hint: "--read-only is --method GET" });
  }
  const options = resolveOptions(resolveCliOptions({ config: flags.config, includePath: flags.includePath }, io.cwd));
  if (options.includePaths.length === 0) {
    throw new GraphgenError("no request paths to report on", { hint: 'set "includePaths" in graphgen.config.json or pass --include-path "/identity/apiConnectors/**"' });
  }
  const methods = flags.readOnly ? ["GET"] : flags.method ? checkMethods(flags.method, "--method") : checkMethods(options.permissionMethods, "permissionMethods (config)");
  const { model } = loadModel(options.metadata, options.overlays, options.cwd);
  const { roots } = planClient(model, options);
  const plan = planPermissions(loadGraphPermissions(), clientRequests(roots), {
    include: flags.delegated ? "delegated" : flags.application ? "application" : "both",
    methods,
    resourceSpecific: flags.resourceSpecific === true,
    fewerPermissions: flags.fewerPermissions === true,
  });
  const manifest = { requiredResourceAccess: requiredResourceAccess(plan) };
  io.stdout(`${renderHeader(options.includePaths)}${renderPermissionSummary(plan)}\nApp manifest (paste into the app registration's manifest):\n${JSON.stringify(manifest, null, 2)}\n`);
  return 0;
}

export const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** Upper-cased methods; an unknown one is an error naming where it came from. */
export function checkMethods(methods: readonly string[], where: string): string[] {
  return methods.map((m) => {
    const method = m.trim().toUpperCase();
    if (!(HTTP_METHODS as readonly string[]).includes(method)) {
      const near = closest(method, HTTP_METHODS, { within: 2, count: 1 });
      throw new GraphgenError(`${where}: "${m}" is not an HTTP method Graph's requests use`, {
        hint: `${near.length > 0 ? `did you mean ${near[0]}? ` : ""}use one of ${HTTP_METHODS.join(", ")}`,
      });
    }
    return method;
  });
}

function renderHeader(includePaths: readonly string[]): string {
  return `Request paths: ${includePaths.join(", ")}\n`;
}
