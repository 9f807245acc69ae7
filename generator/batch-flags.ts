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
 *
 * And no inlining by TurboFan: each optimized function is compiled alone, a smaller graph that is compiled in a
 * fraction of the time, for code that runs a little slower; in a run this short, compiling was the larger cost (about
 * 0.09 s less user CPU for `--all` and 0.65 s for `--all --include-path '/**'`, side by side, docs/performance.md). The flag is read when an optimization job
 * is created, so functions optimized from then on are compiled without inlining; V8's own tests switch it off at run time.
 *
 * Other flags measured and left out: a GC flag that V8 reads when it sets the heap up, or that both starts and ends
 * a collection (`--single-threaded-gc`, `--no-parallel-marking`), aborts the process when changed at run time;
 * `--no-parallel-scavenge` moved the helpers' copying onto the main thread and saved nothing measurable.
 */
export const BATCH_V8_FLAGS = "--interrupt-budget=540672 --no-turbo-inlining";

export function tuneV8ForBatchRun(): void {
  setFlagsFromString(BATCH_V8_FLAGS);
}
