// The default generation (graphgen.config.json) is the reviewed whole-file snapshot: every file a
// fresh generation writes must equal the committed generated/ byte for byte, and nothing else is there.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveCliOptions } from "../../generator/commands/generate.js";
import { generate } from "../../generator/generate.js";
import { forgetLoadedModels } from "../../generator/load.js";
import { listFiles, readText, repoRoot, tempDir } from "../support/output.js";

const out = tempDir("default");
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Build artefacts and installed packages are not generated output. */
const notGenerated = (path: string) => /^(dist|node_modules)(\/|$)|\.tgz$/.test(path);

describe("default generation", async () => {
  const options = resolveCliOptions({}, repoRoot);
  await generate({ ...options, out });
  const files = listFiles(out, notGenerated);

  it("writes the same set of files as the committed generated/", () => {
    expect(listFiles(join(repoRoot, "generated"), notGenerated)).toEqual(files);
  });

  it.each(files)("%s equals the committed file", async (path) => {
    await expect(readText(out, path)).toMatchFileSnapshot(join(repoRoot, "generated", path));
  });

  it("is deterministic: a second generation is byte-identical", async () => {
    const again = tempDir("default-again");
    try {
      forgetLoadedModels(); // a second parse and model too, not the first one's remembered model
      await generate({ ...options, out: again });
      for (const path of files) expect(readText(again, path), path).toBe(readText(out, path));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
