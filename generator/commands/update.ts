// `graphgen update`: bring the project's metadata up to Graph's newest, showing the API diff and the
// lines of the user's code a breaking change touches. `--check` makes it a CI job.
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_CONFIG_FILE } from "../config.js";
import { ageNote, DIFF_FORMATS, formatDiff, type DiffFormat } from "../diff/index.js";
import { GraphgenError } from "../errors.js";
import { EMBEDDED_METADATA } from "../options.js";
import { progressWanted } from "../progress.js";
import { GRAPH_V1_METADATA_URL, update, type BreakingUsage, type UpdateResult } from "../update/index.js";
import { EXIT_INPUT_ERROR, reportErrors, type CliIo } from "./io.js";

interface UpdateFlags {
  format: DiffFormat;
  from?: string;
  mirror?: string;
  config?: string;
  project?: string;
  check?: boolean;
  all?: boolean;
  failOn?: "breaking";
  timeout: number;
  debug?: boolean;
}

export function registerUpdateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("update")
    .description("fetch Graph's newest metadata, show the API diff and the places in your code it breaks, then write it and regenerate")
    .option("--from <url|file|name>", `where the new metadata comes from: a URL, a file, or v1.0, beta, v1.0-fairfax, v1.0-mooncake, ... (default: v1.0, ${GRAPH_V1_METADATA_URL})`)
    .option("--mirror <url>", "a mirror of microsoftgraph/msgraph-metadata that short --from names are read from")
    .option("-c, --config <file>", `config file (default: ${DEFAULT_CONFIG_FILE})`)
    .option("-p, --project <tsconfig>", "your TypeScript project, type-checked against the regeneration: every compile error it adds is reported (default: ./tsconfig.json if it exists)")
    .option("-f, --format <format>", `report format: ${DIFF_FORMATS.join(", ")} (markdown for a pull-request comment)`, diffFormat, "text")
    .option("--check", "write nothing; exit 1 when the generated API would change (with --fail-on breaking: only when a breaking change touches your code)")
    .option("--all", "show the diff of all of the metadata, not only your selection (include/includePaths)")
    .option("--fail-on <severity>", "exit 1 when a breaking change touches your code: breaking", breakingOnly)
    .option("--timeout <seconds>", "give up on the download after this long", seconds, 60)
    .option("--debug", "print stack traces for errors")
    .action(async (flags: UpdateFlags) => {
      setExitCode(await reportErrors(io, flags.debug, () => runUpdate(flags, io)));
    });
}

async function runUpdate(flags: UpdateFlags, io: CliIo): Promise<number> {
  const project = tsconfigPath(flags.project, io);
  const progress = progressWanted(process.stderr, process.env) ? downloadProgress(io) : undefined;
  const result = await update({
    config: resolve(io.cwd, flags.config ?? DEFAULT_CONFIG_FILE),
    from: flags.from,
    mirror: flags.mirror,
    project,
    check: flags.check,
    all: flags.all,
    timeoutMs: flags.timeout * 1000,
    onProgress: progress?.show,
    cwd: io.cwd,
  }).finally(() => progress?.end());
  const current = result.current === EMBEDDED_METADATA ? "graphgen's shipped v1.0 metadata" : relative(io.cwd, result.current);
  if (result.upToDate) {
    io.stdout(`graphgen: ${current} is up to date with ${result.source}\n`);
    return 0;
  }
  io.stdout(report(result, current, flags.format, project !== undefined, flags.all ? "all of the metadata" : "your selection (--all for everything)"));
  const older = ageNote(result.age, current, result.source);
  const touched = result.usages.length > 0 && flags.failOn === "breaking";
  if (flags.check && result.diff.changes.length === 0) {
    // Descriptions or annotations only (e.g. the shipped file has none, the published one has them): nothing to fix.
    io.stderr(`graphgen: ${current} differs from ${result.source} outside the generated API only; graphgen update takes it (new doc comments)\n`);
    return 0;
  }
  if (flags.check && result.age.older === "new") {
    // A mirror or a pinned URL serving an older file: the project is not behind, so a CI job passes.
    io.stderr(`graphgen: ${older}; nothing to update (graphgen update --from it would go back to it)\n`);
    return flags.failOn === "breaking" && touched ? EXIT_INPUT_ERROR : 0;
  }
  if (flags.check) {
    const breaks = touched ? `, and ${result.usages.length} place(s) in your code break` : "";
    // Only the dates can say which file is newer (a national cloud's file differs without being newer).
    const state = result.age.older === "old" ? "is out of date" : `differs from ${result.source} (their deprecation notices do not tell which is newer)`;
    io.stderr(`graphgen: ${current} ${state}${breaks}; run graphgen update${result.age.older === "old" ? "" : " to take it"}\n`);
    return flags.failOn === "breaking" ? (touched ? EXIT_INPUT_ERROR : 0) : EXIT_INPUT_ERROR;
  }
  if (result.age.older === "new") io.stdout(`\nnote: ${older}; updated to it as asked\n`);
  const gen = result.generated;
  io.stdout(`\nwrote ${result.written.map((path) => relative(io.cwd, path)).join(", ")}${gen ? `; regenerated ${relative(io.cwd, gen.outDir) || "."} (${gen.write.written.length} written, ${gen.write.removed.length} removed)` : ""}\n`);
  return touched ? EXIT_INPUT_ERROR : 0;
}

/** The diff as `graphgen diff` prints it, then the places in the user's code. */
function report(result: UpdateResult, current: string, format: DiffFormat, analysed: boolean, scope: string): string {
  const input = { oldName: current, newName: result.source, diff: result.diff, scope, age: result.age };
  if (format === "json") return `${JSON.stringify({ ...JSON.parse(formatDiff(input, "json")), checked: analysed, usages: result.usages }, null, 2)}\n`;
  const diff = formatDiff(input, format);
  if (!analysed) return `${diff}\nyour code was not checked: no tsconfig.json here (pass --project <tsconfig>)\n`;
  if (result.usages.length === 0 && result.unbuildable) return `${diff}\nno breaking change touches your code (searched: the new metadata cannot be generated with this config: ${result.unbuildable})\n`;
  if (result.usages.length === 0) return `${diff}\nyour code compiles as before: the update adds no tsc error to it\n`;
  const place = (u: BreakingUsage) => (format === "markdown" ? `- \`${u.file}:${u.line}:${u.column}\` ${u.message}` : `  ${u.file}:${u.line}:${u.column}  ${u.message}`);
  const searched = result.unbuildable ? ` (found by searching your code: the new metadata cannot be generated with this config: ${result.unbuildable})` : "";
  const heading = result.unbuildable
    ? `${format === "markdown" ? "#### " : ""}Your code uses ${result.usages.length} thing(s) this update breaks${searched}${format === "markdown" ? "" : ":"}`
    : format === "markdown"
      ? `#### Your code: ${result.usages.length} place(s) stop compiling`
      : `Your code: ${result.usages.length} place(s) stop compiling with this update (tsc errors it adds):`;
  return `${diff}\n${heading}\n${format === "markdown" ? "\n" : ""}${result.usages.map(place).join("\n")}\n`;
}

function tsconfigPath(flag: string | undefined, io: CliIo): string | undefined {
  const path = resolve(io.cwd, flag ?? "tsconfig.json");
  if (existsSync(path)) return path;
  if (flag === undefined) return undefined;
  throw new GraphgenError(`TypeScript project ${flag} not found`, { hint: "pass --project the tsconfig.json of the code that uses the generated package" });
}

/** One line, rewritten in place: `  downloading 1.2 / 3.4 MB`, ended before anything else is printed. */
function downloadProgress(io: CliIo): { show: (received: number, total: number | undefined) => void; end: () => void } {
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  let shown = false;
  return {
    show: (received, total) => {
      shown = true;
      io.stderr(`\r  downloading ${mb(received)}${total === undefined ? "" : ` / ${mb(total)}`} MB`);
    },
    end: () => {
      if (shown) io.stderr("\n");
    },
  };
}

function diffFormat(value: string): DiffFormat {
  if (!(DIFF_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${DIFF_FORMATS.join(", ")}`);
  return value as DiffFormat;
}

function breakingOnly(value: string): "breaking" {
  if (value !== "breaking") throw new InvalidArgumentError("expected: breaking");
  return value;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a number of seconds, e.g. 60");
  return n;
}
