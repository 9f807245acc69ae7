// The nearest spellings of a mistyped name, for error hints ("did you mean includePaths?"): the config's
// keys, type names for --include, request paths for includePaths, HTTP methods.

/** Levenshtein distance, case as given. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

export interface ClosestOptions {
  /** How many to return at most. Default 3. */
  count?: number;
  /** The largest distance still worth suggesting. Default: a quarter of the word's length, at least 2. */
  within?: number;
  /** Ties go to candidates this says are preferred (e.g. the root namespace's types). */
  prefer?: (candidate: string) => boolean;
}

/** The candidates closest to `word` (ignoring case), nearest first, ties by preference then alphabetically. */
export function closest(word: string, candidates: Iterable<string>, options: ClosestOptions = {}): string[] {
  const wanted = word.toLowerCase();
  const within = options.within ?? Math.max(2, Math.floor(wanted.length / 4));
  const prefer = options.prefer ?? (() => false);
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate.toLowerCase()) }))
    .filter((c) => c.distance <= within)
    .sort((a, b) => a.distance - b.distance || Number(prefer(b.candidate)) - Number(prefer(a.candidate)) || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, options.count ?? 3)
    .map((c) => c.candidate);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function orList(words: readonly string[], quote = "`"): string {
  const q = words.map((w) => `${quote}${w}${quote}`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} or ${q.at(-1)}`;
}
