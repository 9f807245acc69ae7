// Generates validators into a temp folder (no prettier) and imports them, so each test runs the
// code graphgen emits for the metadata it shows.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../../generator/generate.js";
import type { GenerateOptions } from "../../../generator/options.js";
import { csdl } from "../../support/csdl-builder.js";

export interface ValidationIssue {
  path: string;
  expected: string;
  received: string;
  message: string;
}
export type ValidationResult = { ok: true; value: unknown } | { ok: false; errors: ValidationIssue[] };
export type Mode = "create" | "update" | "read";
export interface ValidateOptions {
  mode?: Mode;
  maxErrors?: number;
  maxDepth?: number;
}
export type Validate = (value: unknown, options?: ValidateOptions) => ValidationResult;

export interface GeneratedPackage {
  readonly out: string;
  /** The module at `src/<modulePath>.ts`. */
  load(modulePath: string): Promise<Record<string, unknown>>;
  validator(modulePath: string, typeName: string): Promise<Validate>;
}

export async function generateInto(options: GenerateOptions): Promise<GeneratedPackage> {
  const out = options.out ?? mkdtempSync(join(tmpdir(), "graphgen-validators-"));
  await generate({ format: false, ...options, out });
  return generatedPackage(out);
}

/** The package already generated in `out` (a run's shared package, say), its modules imported as tests ask. */
export function generatedPackage(out: string): GeneratedPackage {
  const load = (modulePath: string) => import(pathToFileURL(join(out, "src", `${modulePath}.ts`)).href) as Promise<Record<string, unknown>>;
  return {
    out,
    load,
    async validator(modulePath, typeName) {
      return (await load(modulePath))[`validate${typeName}`] as Validate;
    },
  };
}

/** Writes a CSDL document (the schema bodies given) to a temp file and generates every type in it. */
export async function generateFromCsdl(body: string): Promise<GeneratedPackage> {
  const dir = mkdtempSync(join(tmpdir(), "graphgen-csdl-"));
  const metadata = join(dir, "metadata.xml");
  writeFileSync(metadata, csdl({ namespace: "microsoft.graph", alias: "graph", body }));
  return generateInto({ metadata, all: true, out: join(dir, "out") });
}

/** The seed's default generation: identityApiConnector, identity, thumbnailSet with the overlay. */
export function generateDefault(): Promise<GeneratedPackage> {
  return generateInto({ metadata: "metadata/v1.0-cleanMetadata.xml", overlays: ["metadata/overlay.xml"], include: ["identityApiConnector", "identity", "thumbnailSet"] });
}
