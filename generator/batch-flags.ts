// V8's tiering tuned for `graphgen generate` as a command: a run of a few seconds in which thousands of
// functions turn hot once, so V8's default budget has TurboFan compile (on other threads) about a third of
// the CPU the run spends, mostly code that is then used for a fraction of a second. Set by bin/graphgen.js
// for `generate` only, before graphgen's code loads; never by the programmatic API, which does not
// change the flags of the process it runs in.
import { setFlagsFromString } from "node:v8";

/**
 * Eight times the default interrupt budget of Node 20's V8 (67584; newer V8s default to twice that): a function
 * is optimized after that much more bytecode has run in it. The flag is read each time a budget is set, so setting it at run time
 * applies to all code loaded afterwards, and it only changes when code is optimized, never what it does.
 */
export const BATCH_V8_FLAGS = "--interrupt-budget=540672";

export function tuneV8ForBatchRun(): void {
  setFlagsFromString(BATCH_V8_FLAGS);
}
