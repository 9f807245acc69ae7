// The impact report of `graphgen update`, found by construction rather than by pattern: the user's
// TypeScript project is type-checked (ts-morph, in memory) against the generated code on disk, then
// against the regeneration put in its place in memory (ts-morph queues edits for a save that never
// comes, so nothing is written). Every compile error the regeneration adds is reported, named after
// the metadata change that caused it where the symbol search (usages.ts) or the error's words find one.
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { Project, ts, type SourceFile } from "ts-morph";
import type { ApiChange } from "../diff/index.js";
import type { OutputFile } from "../write.js";
import { findBreakingUsages, type BreakingUsage, type UsageQuery } from "./usages.js";

export interface ImpactQuery extends UsageQuery {
  /** The generated package's folder, whose files the regeneration replaces. */
  readonly outDir: string;
  /** Its files now (the lock's list), relative to `outDir`. */
  readonly previous: readonly string[];
  /** The regeneration. */
  readonly next: readonly OutputFile[];
}

interface Found {
  readonly file: string;
  readonly start: number;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly text: string;
}

/** The compile errors in the user's code that the regeneration adds, in file order. */
export function compileImpact(query: ImpactQuery): BreakingUsage[] {
  const project = new Project({ tsConfigFilePath: query.tsconfig });
  const generated = (path: string) => query.generatedRoots.some((root) => path.startsWith(`${root}/`));
  const userFiles = project.getSourceFiles().filter((file) => !file.isDeclarationFile() && !file.isInNodeModules() && !generated(file.getFilePath()));
  const key = (d: Found) => `${d.file}|${d.start}|${d.code}|${d.text}`;
  const before = new Set(compileErrors(project, userFiles).map(key));
  const usages = findBreakingUsages(query, project);
  regenerateInMemory(project, query);
  const added = compileErrors(project, userFiles).filter((d) => !before.has(key(d)));
  return added.map((d) => describeError(d, usages, query));
}

function compileErrors(project: Project, files: readonly SourceFile[]): Found[] {
  const program = project.getProgram().compilerObject;
  const found: Found[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file.getFilePath());
    if (!source) continue;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      if (d.category !== ts.DiagnosticCategory.Error || d.start === undefined) continue;
      const { line, character } = source.getLineAndCharacterOfPosition(d.start);
      found.push({ file: source.fileName, start: d.start, line: line + 1, column: character + 1, code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, " ") });
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

/** The regeneration's TypeScript files over the output folder's, removed ones gone, all in memory. */
function regenerateInMemory(project: Project, { outDir, previous, next }: ImpactQuery): void {
  const nextFiles = new Map(next.filter((f) => f.path.endsWith(".ts")).map((f) => [resolve(outDir, f.path), f.content]));
  for (const path of previous) {
    const absolute = resolve(outDir, path);
    if (absolute.endsWith(".ts") && !nextFiles.has(absolute)) project.addSourceFileAtPathIfExists(absolute)?.delete();
  }
  for (const [path, content] of nextFiles) {
    const current = project.getSourceFile(path)?.getFullText() ?? (existsSync(path) ? readFileSync(path, "utf8") : undefined);
    if (current !== content) project.createSourceFile(path, content, { overwrite: true });
  }
}

/**
 * The error, in the words of the symbol search when it found a breaking change on that line
 * (`reads \`user.x\`, which was removed`), else tsc's own, with the change its quoted names point to.
 */
function describeError(error: Found, usages: readonly BreakingUsage[], query: ImpactQuery): BreakingUsage {
  const file = relative(query.cwd, error.file);
  const tsc = `TS${error.code}: ${error.text}`;
  const usage = usages.filter((u) => u.file === file && u.line === error.line).sort((a, b) => Math.abs(a.column - error.column) - Math.abs(b.column - error.column))[0];
  const place = { file, line: error.line, column: error.column, tsc };
  if (usage) return { ...place, symbol: usage.symbol, message: `${usage.message} (TS${error.code})` };
  const causes = causesNamedIn(error.text, query.changes.all);
  const cause = causes.map((c) => `${c.change}: ${c.target}`).join(" or ");
  return { ...place, symbol: causes[0]?.target ?? "", message: `${tsc} (${cause ? `caused by ${cause}` : "no single metadata change found for it"})` };
}

/**
 * Breaking changes whose element tsc names in quotes: `Property 'x' does not exist on type 'User'`,
 * `Type '"x"' is not assignable to type ...`, `has no exported member 'isX'`. A change whose owner type
 * is named too ranks first.
 */
function causesNamedIn(text: string, changes: readonly ApiChange[]): ApiChange[] {
  // Validators are named after their type: `isUser`, `assertUser`, `validateUser`.
  const names = [...text.matchAll(/['"]([A-Za-z_$][\w$]*)['"]/g)].flatMap((m) => [m[1] ?? "", (m[1] ?? "").replace(/^(is|assert|validate)(?=[A-Z])/, "")]);
  const quoted = new Set(names.map((name) => name.toLowerCase()));
  // Generated type names are PascalCase: `'OnPremisesSyncBehavior'` is the type, not a property of that name.
  const typeLike = new Set(names.filter((name) => /^[A-Z]/.test(name)).map((name) => name.toLowerCase()));
  const last = (name: string) => name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const scored = changes
    .map((change) => {
      const target = change.target.split(" ")[0] ?? change.target;
      const owner = target.slice(0, target.lastIndexOf("."));
      if (!quoted.has(last(target))) return undefined;
      const typeChange = / type removed$|^kind changed$|^base type changed$/.test(change.change);
      return { change, score: quoted.has(last(owner)) || (typeChange && typeLike.has(last(target))) ? 2 : 1 };
    })
    .filter((s) => s !== undefined);
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored.filter((s) => s.score === best).slice(0, 3).map((s) => s.change);
}
