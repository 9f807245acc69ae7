// Every bad input: exit code 1, the pinned message (where and what), no stack trace, and the
// previous output left exactly as it was.
import { readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { MAX_CSDL_BYTES } from "../../generator/csdl/xml.js";
import { csdl } from "../support/csdl-builder.js";
import { listFiles, tempDir } from "../support/output.js";
import { BAD_INPUTS } from "./corpus.js";

const work = tempDir("bad-input");
const out = join(work, "out");

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: work });
  return { code, stdout, stderr };
}

/** Every file of the output with its content and modification time. */
function snapshotOutput(): Record<string, string> {
  return Object.fromEntries(
    listFiles(out).map((path) => [path, `${statSync(join(out, path)).mtimeMs} ${readFileSync(join(out, path), "utf8")}`]),
  );
}

let before: Record<string, string>;

beforeAll(async () => {
  writeFileSync(join(work, "good.xml"), csdl({ namespace: "contoso", alias: "c", body: `<ComplexType Name="a" />` }));
  const good = await run(["generate", "--metadata", "good.xml", "--all", "--out", "out", "--no-format"]);
  expect(good.code).toBe(0);
  before = snapshotOutput();
});

describe("bad input", () => {
  it.each(BAD_INPUTS)("$name", async (input) => {
    writeFileSync(join(work, "metadata.xml"), input.metadata);
    const args = ["generate", "--metadata", "metadata.xml", "--out", "out"];
    args.push(...(input.include ? ["--include", input.include] : ["--all"]));
    if (input.overlay) {
      writeFileSync(join(work, "overlay.xml"), input.overlay);
      args.push("--overlay", "overlay.xml");
    }
    const result = await run(args);
    expect(result.stderr).toBe(input.message);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(snapshotOutput()).toEqual(before);
  });

  it("a file larger than graphgen reads is refused before parsing", async () => {
    const huge = join(work, "huge.xml");
    writeFileSync(huge, "");
    truncateSync(huge, MAX_CSDL_BYTES + 1);
    const result = await run(["generate", "--metadata", "huge.xml", "--all", "--out", "out"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `graphgen: error: huge.xml:1:1: the file is ${MAX_CSDL_BYTES + 1} bytes, more than the ${MAX_CSDL_BYTES} graphgen reads\n` +
        "  fix: check that this is a CSDL document; Graph's full v1.0 metadata is under 4 MB\n",
    );
    expect(snapshotOutput()).toEqual(before);
  });

  it("prints the stack trace only with --debug", async () => {
    writeFileSync(join(work, "metadata.xml"), "");
    const plain = await run(["generate", "--metadata", "metadata.xml", "--all", "--out", "out"]);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(["generate", "--metadata", "metadata.xml", "--all", "--out", "out", "--debug"]);
    expect(debug.stderr).toMatch(/\n\s+at .*parseXml/);
  });
});
