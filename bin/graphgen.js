#!/usr/bin/env node
// The graphgen command: a thin shell over the compiled programmatic API in dist/.
import { runCli } from "../dist/cli.js";

// Ctrl-C and kill: the write stage moves files into place synchronously, so a signal caught here
// waits for it to end and never leaves the output half-written; graphgen then stops with 128+n.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.on(signal, () => process.exit(code));

process.exitCode = await runCli(process.argv.slice(2));
// One more turn of the event loop: a signal that arrived during the last synchronous write is
// handled (exit 130/143) instead of lost when nothing else keeps the loop alive.
await new Promise((resolve) => setImmediate(resolve));
