// `--watch`: regenerate when the metadata, an overlay or the config file changes. Folders are
// watched rather than files, because editors save by replacing a file, which ends a file watch.
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";

export interface Watcher {
  /** Stops watching; a regeneration already running is left to finish. */
  close(): void;
}

export interface WatchOptions {
  /** Changes closer together than this make one regeneration. Default: 150 ms. */
  readonly debounceMs?: number;
}

/**
 * Calls `regenerate` after changes to any of `files`, never twice at once: changes made while it
 * runs cause one more run afterwards. `regenerate` reports its own errors; watching goes on.
 */
export function watchFiles(files: readonly string[], regenerate: () => Promise<void>, options: WatchOptions = {}): Watcher {
  const debounceMs = options.debounceMs ?? 150;
  const byFolder = new Map<string, Set<string>>();
  for (const file of files.map((f) => resolve(f))) {
    const names = byFolder.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byFolder.set(dirname(file), names);
  }
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await regenerate();
      } while (again && !closed);
    } finally {
      running = false;
    }
  };
  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };
  const watchers: FSWatcher[] = [...byFolder].map(([folder, names]) =>
    watch(folder, (_event, name) => {
      if (name === null || names.has(basename(name.toString()))) changed();
    }),
  );
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
