// Generates a package with a client and its mock into a temp folder and imports both, so the mock tests
// exercise what `graphgen generate` emits today. Typed loosely: tsc checks the generated types elsewhere.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../../generator/generate.js";
import { generateDefaultClient, type GeneratedClient } from "../../client/support/generated-client.js";
import { DIRECTORY_CSDL, DIRECTORY_PATHS } from "./directory-csdl.js";

export { fakeJwt, SEED_BODY } from "../../client/support/generated-client.js";

export interface GeneratedMock extends GeneratedClient {
  readonly createMockGraph: (options?: Record<string, unknown>) => any;
  /** Imports another module of the generated package, e.g. `client/batch`. */
  module(path: string): Promise<any>;
}

/** The default config's package (identity API connectors on the real metadata, or `includePaths`), with its mock. */
export async function generateMock(extra: { includePaths?: string[] } = {}): Promise<GeneratedMock> {
  return withMock(await generateDefaultClient(extra));
}

/** The package for the trimmed directory metadata (users, groups, members, drives), with its mock. */
export async function generateDirectoryMock(): Promise<GeneratedMock> {
  const dir = mkdtempSync(join(tmpdir(), "graphgen-mock-"));
  const metadata = join(dir, "directory.xml");
  writeFileSync(metadata, DIRECTORY_CSDL);
  await generate({ metadata, includePaths: DIRECTORY_PATHS, out: join(dir, "out"), format: false }, { force: true });
  const out = join(dir, "out/src");
  const client = await import(pathToFileURL(join(out, "client/index.ts")).href);
  const validation = await import(pathToFileURL(join(out, "runtime/validation.ts")).href);
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  return withMock({ dir: join(dir, "out"), client, validation, dispose });
}

async function withMock(generated: GeneratedClient): Promise<GeneratedMock> {
  const mock = await import(pathToFileURL(join(generated.dir, "src/mock/index.ts")).href);
  const module = (path: string) => import(pathToFileURL(join(generated.dir, `src/${path}.ts`)).href);
  return { ...generated, createMockGraph: mock.createMockGraph, module };
}
