#!/usr/bin/env node
// The graphgen command: a thin shell over the compiled programmatic API in dist/.
import { runCli } from "../dist/cli.js";

process.exitCode = await runCli(process.argv.slice(2));
