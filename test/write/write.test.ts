// Regeneration made safe: determinism, incremental and atomic writes, the lock file's fast path,
// `--check`, `--watch` and progress, on the real v1.0 metadata.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { generate } from "../../generator/generate.js";
import { forgetLoadedModels } from "../../generator/load.js";
import type { GenerateOptions } from "../../generator/options.js";
import { progressWanted } from "../../generator/progress.js";
import { watchFiles } from "../../generator/watch.js";
import { writeOutput } from "../../generator/write.js";
import { listFiles, realMetadata, repoRoot, tempDir } from "../support/output.js";

const work = tempDir("write");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const options = (out: string, extra: GenerateOptions = {}): GenerateOptions => ({
  metadata: realMetadata,
  overlays: [join(repoRoot, "metadata/overlay.xml")],
  include: ["identityApiConnector", "thumbnailSet"],
  out: join(work, out),
  cwd: work,
  ...extra,
});

/** Every file's bytes, by path: what "the output" is when comparing two generations. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), "utf8")]));
}

function mtimes(dir: string): Record<string, number> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, statSync(join(dir, path)).mtimeMs]));
}

/** Sets every file's mtime into the past, so a rewrite is visible even on coarse clocks. */
function age(dir: string): void {
  for (const path of listFiles(dir)) utimesSync(join(dir, path), 1_000_000, 1_000_000);
}

describe("regeneration", () => {
  it("is deterministic: two generations are byte-identical", async () => {
    await generate(options("a"));
    forgetLoadedModels(); // a second parse and model too, not the first one's remembered model
    await generate(options("b"));
    expect(snapshot(join(work, "b"))).toEqual(snapshot(join(work, "a")));
  });

  it("skips an unchanged regeneration by the lock, and says so", async () => {
    await generate(options("lock", { format: false }));
    const again = await generate(options("lock", { format: false }));
    expect(again.upToDate).toBe(true);
    expect(again.write.written).toEqual([]);
    let stdout = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: () => {}, cwd: work };
    const args = ["generate", "--metadata", realMetadata, "--overlay", join(repoRoot, "metadata/overlay.xml"), "--include", "identityApiConnector,thumbnailSet", "--no-format", "--out", "lock"];
    expect(await runCli(args, io)).toBe(0);
    expect(stdout).toContain("up to date: inputs, options and generator match graphgen.lock.json; nothing to do (--force regenerates)");
  });

  it("rewrites only changed files and removes stale ones", async () => {
    const out = join(work, "incremental");
    await generate(options("incremental", { format: false }));
    age(out);
    const before = mtimes(out);
    writeFileSync(join(out, "src/models/Thumbnail.ts"), "// edited by hand\n");
    const repaired = await generate(options("incremental", { format: false }));
    expect(repaired.upToDate).toBe(false);
    expect(repaired.write.written).toEqual(["src/models/Thumbnail.ts"]);
    const after = mtimes(out);
    for (const [path, mtime] of Object.entries(before)) if (path !== "src/models/Thumbnail.ts") expect(after[path], path).toBe(mtime);

    const narrowed = await generate(options("incremental", { format: false, include: ["identityApiConnector"] }));
    expect(narrowed.write.removed.filter((p) => p.startsWith("src/models/"))).toEqual(["src/models/Thumbnail.ts", "src/models/ThumbnailSet.ts"]);
    expect(listFiles(out)).not.toContain("src/models/ThumbnailSet.ts");
  });

  it("leaves the previous output intact when a run fails", async () => {
    const out = join(work, "intact");
    await generate(options("intact", { format: false }));
    const before = snapshot(out);
    const broken = join(work, "broken-overlay.xml");
    writeFileSync(broken, "<edmx:Edmx><not-closed>");
    await expect(generate(options("intact", { format: false, overlays: [broken] }))).rejects.toThrow();
    expect(snapshot(out)).toEqual(before);
  });

  it("refuses two files with one path rather than let one overwrite the other", () => {
    const files = [{ path: "src/a.ts", content: "1" }, { path: "src/a.ts", content: "2" }];
    expect(() => writeOutput(join(work, "twice"), files)).toThrow('two generated files share the path "src/a.ts"');
  });

  it("never writes outside the output folder", () => {
    const out = join(work, "guarded");
    expect(() => writeOutput(out, [{ path: "ok.ts", content: "" }, { path: "../escaped.ts", content: "" }])).toThrow(
      `refusing to write "../escaped.ts": it is outside the output folder ${out}`,
    );
    expect(listFiles(work).filter((p) => p.startsWith("guarded") || p === "escaped.ts")).toEqual([]);
  });
});

describe("generate --check", () => {
  it("exits 0 when up to date and 1 listing added, changed and removed files when stale", async () => {
    const out = join(work, "check");
    const args = ["generate", "--metadata", realMetadata, "--include", "thumbnailSet", "--no-format", "--out", "check", "--check"];
    let stdout = "";
    let stderr = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: work };
    expect(await runCli(args, io)).toBe(1);
    expect(listFiles(work).some((p) => p.startsWith("check/"))).toBe(false);

    await generate({ metadata: realMetadata, include: ["thumbnailSet"], format: false, out, cwd: work });
    stdout = "";
    expect(await runCli([...args, "--force"], io)).toBe(0);
    expect(stdout).toMatch(/up to date: \d+ files match/);

    writeFileSync(join(out, "src/models/Thumbnail.ts"), "// edited\n");
    rmSync(join(out, "src/models/ThumbnailSet.ts"));
    writeFileSync(join(out, "graphgen.lock.json"), readFileSync(join(out, "graphgen.lock.json"), "utf8").replace('"files": {', '"files": {\n    "src/models/Old.ts": "x",'));
    writeFileSync(join(out, "src/models/Old.ts"), "");
    stderr = "";
    expect(await runCli(args, io)).toBe(1);
    expect(stderr).toBe(
      [
        `graphgen: ${out} is stale; 4 file(s) would change:`,
        "  added    src/models/ThumbnailSet.ts",
        "  changed  src/models/Thumbnail.ts",
        "  changed  graphgen.lock.json",
        "  removed  src/models/Old.ts",
        "  fix: run graphgen generate and commit the result",
        "",
      ].join("\n"),
    );
  });
});

describe("watch and progress", () => {
  it("calls back once per burst of changes to a watched file, and stops", async () => {
    const file = join(work, "watched.xml");
    writeFileSync(file, "one");
    let runs = 0;
    let changed!: () => void;
    const ran = new Promise<void>((resolve) => (changed = resolve));
    const watcher = watchFiles([file], async () => {
      runs += 1;
      changed();
    }, { debounceMs: 50 });
    try {
      writeFileSync(file, "two");
      writeFileSync(file, "three");
      writeFileSync(join(work, "unwatched.xml"), "ignored");
      await ran;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(runs).toBe(1);
    } finally {
      watcher.close();
    }
  });

  it("shows stage progress only on a terminal outside CI", () => {
    expect(progressWanted({ isTTY: true }, {})).toBe(true);
    expect(progressWanted({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(progressWanted({ isTTY: false }, {})).toBe(false);
  });
});
