// Generates the default config's package (once per run, shared) or another selection into a temp folder and
// imports its client, so the client tests exercise what `graphgen generate` emits today rather than the
// committed generated/.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../../../generator/config.js";
import { generate } from "../../../generator/generate.js";
import { sharedPackage } from "../../support/shared-package.js";

export const REPO = resolve(import.meta.dirname, "../../..");

/** The surface the tests use, typed loosely: the generated module's own types are checked by tsc in generation.test.ts. */
export interface ClientModule {
  createGraphClient(options: Record<string, unknown>): any;
  createTransport(options: Record<string, unknown>): { follow(spec: { method: string; template: string }, link: string): Promise<unknown> };
  GraphError: new (...args: never[]) => Error & { status: number; code: string; innerError: Record<string, string | undefined>; headers: Record<string, string> };
  GraphClientError: new (...args: never[]) => Error & { code: string };
  permissionCheck(mode: "warn" | "error", onWarning?: (message: string) => void): unknown;
  permissions: Record<string, { method: string; path: string; delegated: { name: string; id?: string }[]; application: { name: string; id?: string }[] }>;
}

export interface GeneratedClient {
  readonly dir: string;
  readonly client: ClientModule;
  readonly validation: { GraphValidationError: new (...args: never[]) => Error & { errors: { path: string }[] } };
  dispose(): void;
}

/**
 * The default config's package, or with `includePaths` instead of the config's. The default one is generated
 * once per run and shared by the files that use it (shared-package.ts): `dispose` leaves it to the run.
 */
export async function generateDefaultClient(extra: { includePaths?: string[] } = {}): Promise<GeneratedClient> {
  const config = loadConfig(join(REPO, "graphgen.config.json"));
  const own = extra.includePaths !== undefined;
  const dir = own ? mkdtempSync(join(tmpdir(), "graphgen-client-")) : await sharedPackage("default-config", config);
  if (own) await generate({ ...config, ...extra, out: dir, format: false }, { force: true });
  const client = (await import(pathToFileURL(join(dir, "src/client/index.ts")).href)) as ClientModule;
  const validation = await import(pathToFileURL(join(dir, "src/runtime/validation.ts")).href);
  return { dir, client, validation, dispose: () => (own ? rmSync(dir, { recursive: true, force: true }) : undefined) };
}

export { SEED_BODY } from "../../support/seed.js";

/** An unsigned JWT carrying the given claims: enough for `checkPermissions`, which decodes but never verifies. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.signature`;
}
