// What every command shares: where output goes, and how errors become messages and exit codes.
import { GraphgenError } from "../errors.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** Runs a command body; a GraphgenError becomes its message (no stack unless --debug), exit 1. */
export async function reportErrors(io: CliIo, debug: boolean | undefined, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof GraphgenError) {
      io.stderr(`graphgen: error: ${error.format()}\n`);
      if (debug) io.stderr(`${error.stack}\n`);
      return EXIT_INPUT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`graphgen: internal error: ${message}\n  this is a graphgen bug; rerun with --debug for the stack trace and report it\n`);
    if (debug && error instanceof Error) io.stderr(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}
