// Builds docs sites for the docs tests: the default config's, written to a temp folder, and any
// config's in memory (for checks over every page without the write).
import { join } from "node:path";
import { planClient } from "../../../generator/client/plan.js";
import { loadConfig } from "../../../generator/config.js";
import { docsFiles, generateDocs, type DocsResult } from "../../../generator/docs/generate-docs.js";
import { loadModel } from "../../../generator/load.js";
import { hashInputs, lockHeader } from "../../../generator/lock.js";
import { resolveOptions, type GenerateOptions } from "../../../generator/options.js";
import { selectTypes } from "../../../generator/select.js";
import type { OutputFile } from "../../../generator/write.js";
import { repoRoot, tempDir } from "../../support/output.js";

export const defaultConfig = (): GenerateOptions => loadConfig(join(repoRoot, "graphgen.config.json"));

/** The default config's docs, written into a fresh temp folder. */
export async function writeDefaultDocs(): Promise<DocsResult> {
  return generateDocs({ ...defaultConfig(), docsOut: join(tempDir("docs"), "site") });
}

/** Every file of a site, rendered but not written. */
export function renderSite(options: GenerateOptions): OutputFile[] {
  const resolved = resolveOptions(options);
  const { model } = loadModel(resolved.metadata, resolved.overlays, resolved.cwd);
  const client = planClient(model, resolved);
  const selection = selectTypes(model, { ...resolved, pathTypes: client.types });
  return docsFiles({ model: selection.model, types: selection.types, roots: client.roots }, resolved, lockHeader(resolved, hashInputs(resolved))).files;
}

