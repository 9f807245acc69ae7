#!/usr/bin/env node
// The graphgen command: a thin shell over the compiled programmatic API in dist/.
import { tuneV8ForBatchRun } from "../dist/batch-flags.js";

// `generate` is a short batch run: V8 optimizes less eagerly (dist/batch-flags.js), set before the rest
// of graphgen loads, hence the dynamic import below.
if (process.argv[2] === "generate") tuneV8ForBatchRun();
const { runCli } = await import("../dist/cli.js");

// Ctrl-C and kill: the write stage moves files into place synchronously, so a signal caught here
// waits for it to end and never leaves the output half-written; graphgen then stops with 128+n.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.on(signal, () => process.exit(code));
// `graphgen paths | head`: a reader that stops early closes the pipe; the command goes on (a generation
// still ends its writes) and says nothing more, instead of dying on EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
// Two more turns of the event loop: a signal that arrived during the last synchronous write is
// handled (exit 130/143) instead of lost when nothing else keeps the loop alive. Signals are read in
// libuv's poll phase; when the command ends in a poll callback, a first immediate runs in the check
// phase right after it, before any poll, so only the second one comes after a poll that reads the signal.
await new Promise((resolve) => setImmediate(resolve));
await new Promise((resolve) => setImmediate(resolve));
