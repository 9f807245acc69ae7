// Client modules skip prettier unless a line is too long (generator/client/layout.ts), so every client
// module without a long code line must already be exactly what prettier prints, and the fixed modules always.
// Here the default config's client, whole; test/emit/prettier-stable.test.ts checks every kind of module,
// request builders of the whole v1.0 tree among them, for --all --include-path '/**'.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS, hasLongCodeLine } from "../../generator/format.js";
import { generate, type GenerateOptions } from "../../generator/index.js";

const WORKFLOW_MODULES = ["src/client/batch.ts", "src/client/delta.ts", "src/client/upload.ts"];
const FIXED_MODULES = ["src/client/runtime.ts", "src/client/retry.ts", "src/client/errors.ts", "src/client/token-permissions.ts", "src/client/permission-types.ts", "src/client/exports.ts", "src/client/accepted-permissions.ts", "src/client/permissions.ts", "src/client/index.ts", "src/client/auth.ts", "src/client/middleware.ts", ...WORKFLOW_MODULES];

async function unformattedClient(options: GenerateOptions) {
  const result = await generate({ ...options, format: false, out: mkdtempSync(join(tmpdir(), "graphgen-client-layout-")) });
  return result.files.filter((f) => f.path.startsWith("src/client/"));
}

async function unstable(files: readonly { path: string; content: string }[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) if ((await prettier.format(file.content, PRETTIER_OPTIONS)) !== file.content) changed.push(file.path);
  return changed;
}

describe("client modules come out of the templates formatted", () => {
  it("for the default config, every client module equals prettier's output", async () => {
    const files = await unformattedClient({ include: ["identityApiConnector", "identity", "thumbnailSet"], includePaths: ["/identity/apiConnectors/**"], overlays: ["metadata/overlay.xml"] });
    expect(files.map((f) => f.path).sort()).toEqual(
      [...FIXED_MODULES, "src/client/paths/identity.ts"].sort(),
    );
    // No code line is longer than prettier's width: the format stage never loads prettier for the default config.
    expect(files.filter((f) => hasLongCodeLine(f.content)).map((f) => f.path)).toEqual([]);
    expect(await unstable(files)).toEqual([]);
  }, 60_000);
});
