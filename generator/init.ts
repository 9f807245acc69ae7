// `init()`: set a project up for graphgen: a graphgen.config.json with every option at its default
// (each explained under "$comment"), and a `generate` script in package.json. Never overwrites.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONFIG_FILE } from "./config.js";
import { GraphgenError } from "./errors.js";
import { DEFAULT_OPTIONS, OPTION_DOCS } from "./options.js";
import { replaceFile } from "./update/files.js";

export interface InitResult {
  readonly config: string;
  /** package.json got the `generate` script (false: there was one already, or no package.json). */
  readonly scriptAdded: boolean;
  readonly packageJson?: string;
}

/**
 * Options whose default is a file inside the graphgen package, or follows another option (`emit` follows
 * `out`): documented, not written, so the default stays in force.
 */
const DOCUMENTED_ONLY = new Set(["metadata", "overlays", "emit"]);
export const GENERATE_SCRIPT = "graphgen generate";

export function init(cwd: string): InitResult {
  const config = join(cwd, DEFAULT_CONFIG_FILE);
  if (existsSync(config)) {
    throw new GraphgenError(`${DEFAULT_CONFIG_FILE} already exists in ${cwd}; nothing was written`, { hint: "edit it, or delete it and run graphgen init again" });
  }
  const packageJson = join(cwd, "package.json");
  const manifest = existsSync(packageJson) ? readManifest(packageJson) : undefined;
  replaceFile(config, configText());
  const scripts = (manifest?.value.scripts ?? {}) as Record<string, unknown>;
  if (!manifest || scripts.generate !== undefined) return { config, scriptAdded: false, packageJson: manifest && packageJson };
  const updated = { ...manifest.value, scripts: { ...scripts, generate: GENERATE_SCRIPT } };
  replaceFile(packageJson, `${JSON.stringify(updated, null, manifest.indent)}\n`);
  return { config, scriptAdded: true, packageJson };
}

export function configText(): string {
  const docs = Object.entries(OPTION_DOCS).map(([key, doc]) => `${key}: ${doc}`);
  const values = Object.fromEntries(Object.entries(DEFAULT_OPTIONS).filter(([key]) => !DOCUMENTED_ONLY.has(key)));
  const config = {
    $comment: ["graphgen options, each at its default. Paths are relative to this file. Fill in include and/or includePaths, then run `npm run generate`.", ...docs],
    ...values,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function readManifest(path: string): { value: Record<string, unknown>; indent: string } {
  const text = readFileSync(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GraphgenError(`${path}: not valid JSON (${(error as Error).message}); nothing was written`, { hint: "fix package.json, then run graphgen init again" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GraphgenError(`${path}: expected a JSON object at $; nothing was written`, { hint: "fix package.json, then run graphgen init again" });
  }
  return { value: value as Record<string, unknown>, indent: /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? "  " };
}
