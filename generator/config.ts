// Reads a graphgen config file (JSON). Every key is a `GenerateOptions` field; paths in it are
// relative to the config file's folder. Mistakes are reported with the file and JSON path.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { GraphgenError } from "./errors.js";
import type { GenerateOptions } from "./options.js";

export const DEFAULT_CONFIG_FILE = "graphgen.config.json";

type FieldKind = "string" | "string[]" | "boolean";
const FIELDS: Record<string, FieldKind> = {
  metadata: "string",
  overlays: "string[]",
  include: "string[]",
  includePaths: "string[]",
  all: "boolean",
  out: "string",
  rootNamespace: "string",
  format: "boolean",
  packageName: "string",
  packageVersion: "string",
  docs: "boolean",
  docsOut: "string",
  mock: "boolean",
  permissionMethods: "string[]",
};

export function loadConfig(path: string): GenerateOptions {
  if (!existsSync(path)) {
    throw new GraphgenError(`config file ${path} not found`, { hint: "create it, or leave --config out to use the defaults" });
  }
  const text = readFileSync(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GraphgenError(`${path}: not valid JSON (${(error as Error).message})`, { hint: "fix the JSON syntax" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GraphgenError(`${path}: expected a JSON object of options at $`, { hint: 'e.g. { "include": ["user"] }' });
  }
  const options: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "$schema" || key === "$comment") continue;
    const kind = FIELDS[key];
    if (!kind) {
      throw new GraphgenError(`${path}: unknown option at $.${key}`, { hint: `known options: ${Object.keys(FIELDS).join(", ")}` });
    }
    checkField(path, key, kind, field);
    options[key] = field;
  }
  return { ...(options as GenerateOptions), cwd: dirname(resolve(path)) };
}

function checkField(path: string, key: string, kind: FieldKind, value: unknown): void {
  const ok =
    kind === "string[]"
      ? Array.isArray(value) && value.every((v) => typeof v === "string")
      : typeof value === kind;
  if (!ok) {
    throw new GraphgenError(`${path}: expected ${kind === "string[]" ? "an array of strings" : `a ${kind}`} at $.${key}, found ${JSON.stringify(value)}`, {
      hint: `set "${key}" to ${kind === "string[]" ? '["..."]' : kind === "boolean" ? "true or false" : '"..."'}`,
    });
  }
}
