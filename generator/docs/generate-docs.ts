// The docs site as a product of a generation: `generateDocs(options)` (the `graphgen docs` command) and
// `docsFiles`, which `generate()` calls when the `docs` option is on. Same model, selection, overlay and
// permission tables as the code, so the docs describe exactly what was generated.
import { isAbsolute, relative } from "node:path";
import { loadGraphPermissions } from "../client/permissions.js";
import { planClient } from "../client/plan.js";
import type { RequestNode } from "../client/request-tree.js";
import { GraphgenError } from "../errors.js";
import { loadModel } from "../load.js";
import { hashInputs, isUpToDate, lockFile, lockHeader, type LockHeader, type TypeCounts } from "../lock.js";
import type { Model } from "../model/types.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "../options.js";
import { createDocsRenderer } from "../render.js";
import { selectTypes } from "../select.js";
import { writeOutput, type OutputFile, type WriteResult } from "../write.js";
import { INDEX_PAGE } from "./links.js";
import { planDocs } from "./plan.js";
import { renderDocsSite } from "./site.js";
import { importSpecifiers } from "../package/imports.js";

export interface DocsResult {
  readonly outDir: string;
  readonly write: WriteResult;
  /** The lock in the docs folder matched: nothing was rendered or written. */
  readonly upToDate: boolean;
  readonly pages: { readonly permissions: number; readonly types: number; readonly paths: number };
  /** Milliseconds: loading the model, planning and rendering the site, writing it. */
  readonly timings: { readonly load: number; readonly render: number; readonly write: number };
  /** The site's entry page. */
  readonly index: string;
}

export interface DocsRun {
  /** Regenerate even when the docs folder's lock says it is current. */
  readonly force?: boolean;
}

/** What the docs are made from: the model, the generated types and the client's request tree. */
export interface DocsSource {
  readonly model: Model;
  readonly types: readonly string[];
  readonly roots: readonly RequestNode[];
}

/** Writes the docs site for the options' generation into `options.docsOut`. */
export async function generateDocs(options: GenerateOptions = {}, run: DocsRun = {}): Promise<DocsResult> {
  const resolved = resolveOptions(options);
  if (!resolved.all && resolved.include.length === 0 && resolved.includePaths.length === 0) {
    throw new GraphgenError("nothing to document: no types or request paths included", {
      hint: "pass --include <type,...>, --include-path <pattern> or --all, or set them in graphgen.config.json",
    });
  }
  checkDocsFolder(resolved);
  const header = lockHeader(resolved, hashInputs(resolved));
  const index = `${resolved.docsOut}/${INDEX_PAGE}.html`;
  if (!run.force && isUpToDate(resolved.docsOut, header)) {
    const write: WriteResult = { written: [], added: [], changed: [], unchanged: [], removed: [], leftovers: [] };
    return { outDir: resolved.docsOut, write, upToDate: true, pages: { permissions: 0, types: 0, paths: 0 }, timings: { load: 0, render: 0, write: 0 }, index };
  }
  let started = performance.now();
  const { model } = loadModel(resolved.metadata, resolved.overlays, resolved.cwd);
  const client = planClient(model, resolved);
  const selection = selectTypes(model, { ...resolved, pathTypes: client.types });
  const load = performance.now() - started;
  started = performance.now();
  const { files, pages } = docsFiles({ model: selection.model, types: selection.types, roots: client.roots }, resolved, header);
  const render = performance.now() - started;
  started = performance.now();
  const write = writeOutput(resolved.docsOut, files);
  return { outDir: resolved.docsOut, write, upToDate: false, pages, timings: { load, render, write: performance.now() - started }, index };
}

/**
 * The site and the package each own their folder and its lock (stale files are removed by it), so
 * neither may hold the other.
 */
export function checkDocsFolder(options: Pick<ResolvedOptions, "out" | "docsOut">): void {
  const inside = (folder: string, parent: string) => {
    const path = relative(parent, folder);
    return path === "" || (!path.startsWith("..") && !isAbsolute(path));
  };
  if (inside(options.docsOut, options.out) || inside(options.out, options.docsOut)) {
    throw new GraphgenError(`the docs folder ${options.docsOut} overlaps the output folder ${options.out}`, {
      hint: 'give the docs a folder of their own: --out for graphgen docs, or "docsOut" in graphgen.config.json (default docs-site)',
    });
  }
}

/** The site's files, its lock last: the lock lets the next run skip an unchanged site and remove stale pages. */
export function docsFiles(source: DocsSource, options: ResolvedOptions, header: LockHeader): { files: OutputFile[]; pages: DocsResult["pages"] } {
  const plan = planDocs({
    model: source.model,
    types: source.types,
    roots: source.roots,
    permissions: loadGraphPermissions(),
    rootNamespace: options.rootNamespace,
    packageName: options.packageName,
    clientModule: importSpecifiers(options).client,
  });
  const files = renderDocsSite(createDocsRenderer(), plan);
  const counts: Record<keyof TypeCounts, number> = { entity: 0, complex: 0, enum: 0, typeDefinition: 0 };
  for (const name of source.types) {
    const kind = source.model.types.get(name)?.kind;
    if (kind) counts[kind] += 1;
  }
  files.push(lockFile(header, counts, files));
  return { files, pages: { permissions: plan.permissions.length, types: plan.types.length, paths: plan.paths.length } };
}
