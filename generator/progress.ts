// Progress for long runs: one line per finished stage with its counts and time on a terminal;
// nothing in CI (`CI` set) or when output is piped, where only the summary line is printed.

export function progressWanted(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  return stream.isTTY === true && !ci;
}

/** A stage listener for `generate()` that prints `  parse     2 input file(s)   812 ms`. */
export function stageProgress(write: (text: string) => void): (stage: string, detail: string) => void {
  let last = performance.now();
  return (stage, detail) => {
    const now = performance.now();
    write(`  ${stage.padEnd(7)} ${detail.padEnd(40)} ${String(Math.round(now - last)).padStart(6)} ms\n`);
    last = now;
  };
}
