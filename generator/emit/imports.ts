// Collects what one generated module imports, and writes relative `.js` specifiers for nodenext and import
// lines as prettier lays them out.
import { PRINT_WIDTH } from "./layout.js";

export interface ImportView {
  readonly names: string;
  readonly from: string;
  readonly typeOnly: boolean;
  /** The import statement, laid out as prettier would. */
  readonly line: string;
}

export class ImportSet {
  private readonly modules = new Map<string, { names: Set<string>; typeOnly: boolean }>();
  /**
   * Local names in use in this module, and where each comes from: the module imported under its own name, an
   * aliased import as `module#name` (so it never reads as its module's export of that name), or this module.
   */
  private readonly locals = new Map<string, string>();

  /**
   * `ownNames` are declared by the module itself, so imports must not reuse them; nor `reserved`, the names
   * every module of its kind declares or imports itself (one set shared by all of them, not copied per module).
   */
  constructor(
    private readonly fromModule: string,
    private readonly ownNames: readonly string[] = [],
    private readonly reserved: ReadonlySet<string> = NONE,
  ) {}

  /**
   * Imports `name` from the module at `modulePath` (below src/, no extension) and returns the local
   * name to use: `name`, or `alias` when `name` is already taken by another module's export.
   */
  add(modulePath: string, name: string, typeOnly = true, alias = name): string {
    if (modulePath === this.fromModule) return name;
    // A module declares a few names (a validator module six): a scan costs less than a map entry for each.
    const holder = this.locals.get(name) ?? (this.ownNames.includes(name) || this.reserved.has(name) ? this.fromModule : undefined);
    const local = holder === undefined || holder === modulePath ? name : alias;
    this.locals.set(local, local === name ? modulePath : `${modulePath}#${name}`);
    let entry = this.modules.get(modulePath);
    if (!entry) {
      entry = { names: new Set<string>(), typeOnly };
      this.modules.set(modulePath, entry);
    }
    entry.names.add(local === name ? name : `${name} as ${local}`);
    entry.typeOnly &&= typeOnly;
    return local;
  }

  views(): ImportView[] {
    // `forEach`, not `for...of`: this runs once per module, mostly unoptimized, where each step of an iterator
    // allocates; and most modules import one name from a module, which needs no sorting.
    const views: ImportView[] = [];
    this.modules.forEach(({ names, typeOnly }, modulePath) => {
      const sorted = names.size === 1 ? [...names] : [...names].sort();
      const from = moduleSpecifier(this.fromModule, modulePath);
      const joined = sorted.join(", ");
      views.push({ names: joined, from, typeOnly, line: importLine(typeOnly ? "import type" : "import", sorted, joined, from) });
    });
    return views.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
}

const NONE: ReadonlySet<string> = new Set();

/** `import { a, b } from "x";` on one line when it fits, else one name per line. */
export function layoutImport(names: readonly string[], from: string, keyword: "import" | "import type" | "export" = "import"): string {
  return importLine(keyword, names, names.join(", "), from);
}

function importLine(keyword: string, names: readonly string[], joined: string, from: string): string {
  const inline = `${keyword} { ${joined} } from "${from}";`;
  if (inline.length <= PRINT_WIDTH || names.length < 2) return inline;
  return `${keyword} {\n${names.map((n) => `  ${n},\n`).join("")}} from "${from}";`;
}

/**
 * The relative specifier from one module to another, both paths below src/ without extension
 * (`models/callRecords/CallRecord`): their common folders dropped, `../` for each folder left to climb.
 * Every module of a generation asks this for each import (about 40,000 times for `--all`), so it reads the
 * two paths in place with `indexOf` and `startsWith` rather than splitting them into arrays.
 */
export function moduleSpecifier(fromModule: string, toModule: string): string {
  // `common`: the length of the folders both paths start with, their last `/` included.
  let common = 0;
  for (;;) {
    const slash = fromModule.indexOf("/", common);
    if (slash < 0 || toModule.indexOf("/", common) !== slash || !toModule.startsWith(fromModule.slice(common, slash + 1), common)) break;
    common = slash + 1;
  }
  let up = 0;
  for (let slash = fromModule.indexOf("/", common); slash >= 0; slash = fromModule.indexOf("/", slash + 1)) up += 1;
  return `${up === 0 ? "./" : "../".repeat(up)}${toModule.slice(common)}.js`;
}
