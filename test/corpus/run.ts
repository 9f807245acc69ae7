// Runs the docs corpus against one `--all` generation (with the project's overlay): every body
// through its validator, every request body through tsc as an object literal of its type (as
// written, with Graph's spellings made canonical, and with one known key misspelt), in one tsc run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { validatorModulePath, validatorNames } from "../../generator/validators/names.js";
import { generate } from "../../generator/generate.js";
import { loadModel } from "../../generator/load.js";
import { allProperties, dynamicPropertyNames, structuredType } from "../../generator/model/queries.js";
import type { Model } from "../../generator/model/types.js";
import { buildNames, type Names } from "../../generator/naming.js";
import { runTsc } from "../support/output.js";
import { canonicalSpelling } from "./canonical.js";
import { corpusCases, type CorpusCase } from "./cases.js";

export type Check = "validator" | "tsc" | "misspelt";

export interface Outcome {
  readonly id: string;
  readonly check: Check;
  readonly detail: string;
}

export interface CorpusReport {
  readonly cases: CorpusCase[];
  readonly skipped: number;
  /** Bodies each validator rejected, with the first issue. */
  readonly rejected: Outcome[];
  /** Request bodies tsc rejects as written. */
  readonly tscAsWritten: Outcome[];
  /** Request bodies tsc rejects even with canonical enum members and type names. */
  readonly tscCanonical: Outcome[];
  /** Request bodies that compile canonically and got a misspelt key; those tsc accepted anyway. */
  readonly misspelt: { readonly tried: number; readonly missed: Outcome[] };
}

export type Validate = (value: unknown, options: { mode: string }) => { ok: boolean; errors?: { path: string; message: string }[] };

/**
 * The validators of an `--all` generation (with the project's overlay) in `out`, and the cases they check;
 * `generated`: `out` already holds that generation (a test run's shared package).
 */
export async function generateCorpus(out: string, generated = false) {
  const overlays = ["metadata/overlay.xml"];
  if (!generated) await generate({ all: true, overlays, out, format: false });
  const { model } = loadModel("metadata/v1.0-cleanMetadata.xml", overlays, process.cwd());
  const names = buildNames(model, [...model.types.keys()], "microsoft.graph");
  const validator = async (c: CorpusCase): Promise<Validate> => {
    const naming = names.type(c.type);
    const module = (await import(pathToFileURL(join(out, "src", `${validatorModulePath(naming.modulePath)}.ts`)).href)) as Record<string, Validate>;
    return module[validatorNames(naming.typeName).validate]!;
  };
  return { model, names, validator, ...corpusCases(model) };
}

/** The corpus against a fresh `--all` generation, or against `generated`, a folder that holds one (left as it was, but for corpus files beside src/). */
export async function runCorpus(generated?: string): Promise<CorpusReport> {
  const out = generated ?? mkdtempSync(join(tmpdir(), "graphgen-corpus-"));
  try {
    const { model, names, validator, cases, skipped } = await generateCorpus(out, generated !== undefined);
    const rejected = await validateAll(validator, cases);
    const tsc = compileAll(out, model, names, cases.filter((c) => c.kind === "request"));
    return { cases, skipped: skipped.length, rejected, ...tsc };
  } finally {
    if (generated === undefined) rmSync(out, { recursive: true, force: true });
  }
}

async function validateAll(validator: (c: CorpusCase) => Promise<Validate>, cases: readonly CorpusCase[]): Promise<Outcome[]> {
  const rejected: Outcome[] = [];
  for (const c of cases) {
    const result = (await validator(c))(c.body, { mode: c.mode });
    const first = result.errors?.[0];
    if (!result.ok) rejected.push({ id: c.id, check: "validator", detail: `${first?.path || "/"}: ${first?.message}${result.errors!.length > 1 ? ` (+${result.errors!.length - 1})` : ""}` });
  }
  return rejected;
}

type Variant = "written" | "canonical" | "misspelt";

function compileAll(out: string, model: Model, names: Names, requests: readonly CorpusCase[]) {
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const lineOf: { id: string; variant: Variant; misspelt?: string }[] = [];
  const literal = (c: CorpusCase, variant: Variant, body: unknown, misspelt?: string) => {
    let alias = imports.get(c.type);
    if (!alias) {
      alias = `T${imports.size}`;
      imports.set(c.type, alias);
    }
    lineOf[lines.length] = { id: c.id, variant, misspelt };
    lines.push(`export const ${variant}_${c.id.replace(/\W/g, "_")}: ${alias} = ${JSON.stringify(body)};`);
  };
  let tried = 0;
  for (const c of requests) {
    const canonical = canonicalSpelling(model, c.type, c.body);
    literal(c, "written", c.body);
    literal(c, "canonical", canonical);
    const typo = misspell(model, c.type, canonical);
    if (typo) literal(c, "misspelt", typo.body, typo.key);
  }
  const header = [...imports].map(([type, alias]) => {
    const naming = names.type(type);
    return `import type { ${naming.typeName} as ${alias} } from "./src/${naming.modulePath}.js";`;
  });
  writeFileSync(join(out, "corpus.ts"), [...header, ...lines].join("\n"));
  const config = { extends: "./tsconfig.json", compilerOptions: { rootDir: ".", noEmit: true }, include: ["corpus.ts"] };
  writeFileSync(join(out, "tsconfig.corpus.json"), JSON.stringify(config));
  const errors = new Map<number, string>();
  for (const match of runTsc(["-p", "tsconfig.corpus.json"], out).matchAll(/^corpus\.ts\((\d+),\d+\): error (TS\d+: .*)$/gm)) {
    const line = Number(match[1]) - 1 - header.length;
    if (!errors.has(line)) errors.set(line, match[2]!);
  }
  const failing = (variant: Variant) =>
    lineOf.flatMap((entry, line) => (entry?.variant === variant && errors.has(line) ? [{ id: entry.id, check: "tsc" as const, detail: errors.get(line)! }] : []));
  const canonicalFails = new Set(failing("canonical").map((o) => o.id));
  const missed = lineOf.flatMap((entry, line) => {
    if (entry?.variant !== "misspelt" || canonicalFails.has(entry.id)) return [];
    tried += 1;
    return errors.has(line) ? [] : [{ id: entry.id, check: "misspelt" as const, detail: `"${entry.misspelt}" compiled` }];
  });
  return { tscAsWritten: failing("written"), tscCanonical: failing("canonical"), misspelt: { tried, missed } };
}


/**
 * The body with its first declared top-level key (plain letters, four or more) misspelt by swapping
 * two letters, as `displayName` -> `dsiplayName`; undefined when it has no such key.
 */
export function misspell(model: Model, typeName: string, body: unknown): { key: string; body: unknown } | undefined {
  const type = structuredType(model, typeName);
  // A dictionary-like open type (any key is data) cannot tell a misspelt key from its content.
  if (!type || typeof body !== "object" || body === null || dynamicPropertyNames(model, type) === "any") return undefined;
  const { properties, navigationProperties } = allProperties(model, type);
  const declared = new Set([...properties, ...navigationProperties].map((p) => p.name));
  for (const key of Object.keys(body)) {
    if (!declared.has(key) || !/^[A-Za-z]{4,}$/.test(key) || key[1] === key[2]) continue;
    const typo = `${key[0]}${key[2]}${key[1]}${key.slice(3)}`;
    if (declared.has(typo)) continue;
    return { key: typo, body: Object.fromEntries(Object.entries(body).map(([k, v]) => [k === key ? typo : k, v])) };
  }
  return undefined;
}

/** The reviewed list of the docs' own errors (docs-errors.json). */
export interface DocsError {
  readonly case: string;
  readonly checks: Check[];
  readonly placeholder?: boolean;
  readonly reason: string;
}

export function docsErrors(): DocsError[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, "docs-errors.json"), "utf8")) as DocsError[];
}
