// Generates a package with a client and its mock into a temp folder and imports both, so the mock tests
// exercise what `graphgen generate` emits today. Typed loosely: tsc checks the generated types elsewhere.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateDefaultClient, type GeneratedClient } from "../../client/support/generated-client.js";

export { fakeJwt, SEED_BODY } from "../../client/support/generated-client.js";

export interface GeneratedMock extends GeneratedClient {
  readonly createMockGraph: (options?: Record<string, unknown>) => any;
}

/** The default config's package (or the given include paths), with its mock module imported. */
export async function generateMock(includePaths?: string[]): Promise<GeneratedMock> {
  const generated = await generateDefaultClient(includePaths ? { includePaths } : {});
  const mock = await import(pathToFileURL(join(generated.dir, "src/mock/index.ts")).href);
  return { ...generated, createMockGraph: mock.createMockGraph };
}
