// What an interrupted write leaves behind, and how the next run finds it. The write stage records
// its intent in a journal inside the output folder before it moves the first file into place, and
// deletes it last, after the lock; staging folders carry a fixed prefix. While either is on disk the
// output is not trusted ("up to date" is never said over it) and the next write repairs it.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const JOURNAL_FILE = ".graphgen-journal.json";
export const STAGING_PREFIX = ".graphgen-staging-";

/** The journal: every file the interrupted run may have put in place or taken away. */
export interface Journal {
  readonly writing: readonly string[];
  readonly removing: readonly string[];
}

/** Leftovers of an interrupted write: the journal (when readable) and stray staging folders. */
export interface Leftovers {
  /** True when a journal exists: files may be half-moved, whatever the lock says. */
  readonly interrupted: boolean;
  /** Files the interrupted run may have written or not yet removed. */
  readonly touched: readonly string[];
  /** Staging folders and the journal itself, as absolute paths. */
  readonly paths: readonly string[];
}

/** A first generation is built next to the output folder, in a folder named after it. */
export function siblingStagingPrefix(outDir: string): string {
  return `.${basename(outDir)}${STAGING_PREFIX}`;
}

export function findLeftovers(outDir: string): Leftovers {
  const paths: string[] = [];
  const inside = existsSync(outDir) ? readdirSync(outDir) : [];
  paths.push(...inside.filter((name) => name.startsWith(STAGING_PREFIX)).sort().map((name) => join(outDir, name)));
  const parent = dirname(outDir);
  const sibling = siblingStagingPrefix(outDir);
  if (existsSync(parent)) paths.push(...readdirSync(parent).filter((name) => name.startsWith(sibling)).sort().map((name) => join(parent, name)));
  if (!inside.includes(JOURNAL_FILE)) return { interrupted: false, touched: [], paths };
  const journal = readJournal(join(outDir, JOURNAL_FILE));
  return { interrupted: true, touched: [...journal.writing, ...journal.removing], paths: [...paths, join(outDir, JOURNAL_FILE)] };
}

/** The journal is moved into place whole (rename), so it is complete or absent; anything else is someone's edit. */
function readJournal(path: string): Journal {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Journal>;
    return { writing: parsed.writing ?? [], removing: parsed.removing ?? [] };
  } catch {
    return { writing: [], removing: [] };
  }
}

export function journalContent(journal: Journal): string {
  return `${JSON.stringify(journal)}\n`;
}

/** Staging folders first; the journal, if listed, last: it is what marks the output as untrusted. */
export function removeLeftovers(paths: readonly string[]): void {
  const journalLast = [...paths].sort((a, b) => Number(basename(a) === JOURNAL_FILE) - Number(basename(b) === JOURNAL_FILE));
  for (const path of journalLast) rmSync(path, { recursive: true, force: true });
}
