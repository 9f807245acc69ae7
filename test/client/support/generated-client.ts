// Generates the default config's package into a temp folder and imports its client, so the client
// tests exercise what `graphgen generate` emits today rather than the committed generated/.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../../../generator/config.js";
import { generate } from "../../../generator/generate.js";

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

export async function generateDefaultClient(extra: { includePaths?: string[] } = {}): Promise<GeneratedClient> {
  const dir = mkdtempSync(join(tmpdir(), "graphgen-client-"));
  await generate({ ...loadConfig(join(REPO, "graphgen.config.json")), ...extra, out: dir, format: false }, { force: true });
  const client = (await import(pathToFileURL(join(dir, "src/client/index.ts")).href)) as ClientModule;
  const validation = await import(pathToFileURL(join(dir, "src/runtime/validation.ts")).href);
  return { dir, client, validation, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export { SEED_BODY } from "../../support/seed.js";

/** An unsigned JWT carrying the given claims: enough for `checkPermissions`, which decodes but never verifies. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.signature`;
}
