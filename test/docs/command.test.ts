// `graphgen docs` and the `docs` option of generate: where the site goes, what the command says, when
// it is skipped, and the error when there is nothing to document.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { generate } from "../../generator/generate.js";
import { forgetLoadedModels } from "../../generator/load.js";
import { repoRoot, tempDir } from "../support/output.js";
import { defaultConfig, renderSite } from "./support/site.js";

const work = tempDir("docs-command");
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout: stdout.replace(/ in \d+ ms/, " in N ms"), stderr };
}

describe("graphgen docs", () => {
  it("writes the default config's site into --out, then skips it while nothing changed", async () => {
    const out = join(work, "site");
    const first = await cli(["docs", "--out", out]);
    expect(first).toEqual({
      code: 0,
      stdout: `graphgen: docs for 1 permissions, 10 types, 4 request paths -> ${out}\n  40 written, 0 unchanged, 0 removed in N ms\n  open ${out}/index.html\n`,
      stderr: "",
    });
    expect(readFileSync(join(out, "permissions/APIConnectors.ReadWrite.All.html"), "utf8")).toContain("c67b52c5-7c69-48b6-9d48-7b3af3ded914");
    const second = await cli(["docs", "--out", out]);
    expect(second.stdout).toBe(`graphgen: docs in ${out} are up to date (--force rewrites them)\n  open ${out}/index.html\n`);
    const forced = await cli(["docs", "--out", out, "--force"]);
    expect(forced.stdout).toContain("0 written, 40 unchanged, 0 removed");
  });

  it("says what to pass when nothing is included", async () => {
    const empty = tempDir("docs-empty");
    expect(await cli(["docs"], empty)).toEqual({
      code: 1,
      stdout: "",
      stderr: "graphgen: error: nothing to document: no types or request paths included\n  fix: pass --include <type,...>, --include-path <pattern> or --all, or set them in graphgen.config.json\n",
    });
  });

  it("refuses a docs folder inside the package's output folder (each folder's lock removes what it did not write)", async () => {
    expect(await cli(["docs", "--out", "generated/docs"])).toEqual({
      code: 1,
      stdout: "",
      stderr: `graphgen: error: the docs folder ${repoRoot}/generated/docs overlaps the output folder ${repoRoot}/generated\n  fix: give the docs a folder of their own: --out for graphgen docs, or "docsOut" in graphgen.config.json (default docs-site)\n`,
    });
  });

  it("is deterministic: two renderings are byte-identical", () => {
    const once = renderSite(defaultConfig());
    forgetLoadedModels(); // a second parse and model too, not the first one's remembered model
    expect(renderSite(defaultConfig())).toEqual(once);
  });
});

describe("the docs option of generate", () => {
  it("writes the site beside the package, and regenerates when the site is gone though the package is current", async () => {
    const options = { ...defaultConfig(), out: join(work, "package"), docs: true, docsOut: join(work, "with-generate"), format: false };
    const first = await generate(options);
    expect(first.upToDate).toBe(false);
    expect(first.docs?.outDir).toBe(join(work, "with-generate"));
    expect(first.docs?.write.written).toContain("permissions/APIConnectors.ReadWrite.All.html");
    expect(existsSync(join(work, "with-generate/index.html"))).toBe(true);
    expect((await generate(options)).upToDate).toBe(true);
    rmSync(join(work, "with-generate"), { recursive: true });
    expect((await generate(options)).upToDate).toBe(false);
    expect(existsSync(join(work, "with-generate/types/microsoft.graph.identity.md"))).toBe(true);
  });
});

describe("graphgen generate with \"docs\": true in the config", () => {
  it("says where the docs went", async () => {
    const config = join(work, "docs.config.json");
    const docsOut = join(work, "from-config");
    writeFileSync(config, JSON.stringify({ ...defaultConfig(), cwd: undefined, metadata: join(repoRoot, "metadata/v1.0-cleanMetadata.xml"), overlays: [join(repoRoot, "metadata/overlay.xml")], out: join(work, "package-cli"), docs: true, docsOut }));
    const { code, stdout } = await cli(["generate", "-c", config, "--no-format"]);
    expect(code).toBe(0);
    // The summary's last line, before how to use the package.
    expect(stdout).toContain(`\n  docs -> ${docsOut}: 40 written, 0 removed\n  use it as the package `);
  });
});
