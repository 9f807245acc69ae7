// The code a lock's fingerprint names: the sources, the same from generator/ and from a fresh dist/ of them;
// a checkout's stale dist/ is refused rather than trusted, so no output is ever called "up to date" over
// output that other code made. End to end on a copy of this checkout, built with `npm run build`.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeHash, recordBuild } from "../generator/code-hash.js";
import { generate } from "../generator/generate.js";
import { csdl, errorText } from "./support/csdl-builder.js";
import { repoRoot, tempDir } from "./support/output.js";

const work = tempDir("code-hash");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function put(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe("codeHash on a package folder", () => {
  const root = join(work, "package");
  put(root, "generator/lock.ts", "export const a = 1;\n");
  put(root, "generator/emit/types.ts", "export const b = 2;\n");
  put(root, "templates/type.hbs", "{{name}}\n");
  put(root, "templates/runtime/client/retry.ts", "export const RETRIABLE = [429];\n");
  put(root, "dist/lock.js", "export const a = 1;\n");
  put(root, "dist/lock.d.ts", "export declare const a = 1;\n");

  it("is the same from the sources and from a build recorded from them, and follows the templates", () => {
    recordBuild(root);
    const fromSources = codeHash(root, "generator");
    expect(codeHash(root, "dist")).toBe(fromSources);
    put(root, "templates/type.hbs", "{{name}};\n");
    expect(codeHash(root, "generator")).not.toBe(fromSources);
    expect(codeHash(root, "dist")).toBe(codeHash(root, "generator"));
  });

  it("follows the runtime sources (templates/runtime/**/*.ts), copied into every package", () => {
    recordBuild(root);
    const before = codeHash(root, "generator");
    put(root, "templates/runtime/client/retry.ts", "export const RETRIABLE = [429, 503];\n");
    expect(codeHash(root, "generator")).not.toBe(before);
    expect(codeHash(root, "dist")).toBe(codeHash(root, "generator"));
  });

  it("refuses a build whose sources changed, were added or removed since, naming them", () => {
    recordBuild(root);
    const before = codeHash(root, "generator");
    put(root, "generator/emit/types.ts", "export const b = 3;\n");
    put(root, "generator/naming.ts", "export const c = 4;\n");
    expect(codeHash(root, "generator")).not.toBe(before);
    expect(errorText(() => codeHash(root, "dist"))).toBe(
      `graphgen's build in ${root}/dist is stale: generator/emit/types.ts, generator/naming.ts changed since it was built, and it would run the old code\n  fix: run npm run build in ${root}, then run graphgen again`,
    );
    for (const n of [1, 2, 3, 4, 5]) put(root, `generator/model/part${n}.ts`, "export {};\n");
    expect(errorText(() => codeHash(root, "dist"))).toContain(
      "is stale: generator/emit/types.ts, generator/model/part1.ts, generator/model/part2.ts, generator/model/part3.ts, generator/model/part4.ts and 2 more changed since it was built",
    );
    for (const n of [1, 2, 3, 4, 5]) rmSync(join(root, `generator/model/part${n}.ts`));
    recordBuild(root);
    rmSync(join(root, "generator/naming.ts"));
    expect(errorText(() => codeHash(root, "dist"))).toContain("is stale: generator/naming.ts changed since it was built");
    const missing = `graphgen's build in ${root}/dist is stale: it has no readable dist/built-from.json naming the sources it was built from\n  fix: run npm run build in ${root}, then run graphgen again`;
    writeFileSync(join(root, "dist/built-from.json"), "{ cut short");
    expect(errorText(() => codeHash(root, "dist"))).toBe(missing);
    rmSync(join(root, "dist/built-from.json"));
    expect(errorText(() => codeHash(root, "dist"))).toBe(missing);
  });

  it("is the build itself in an installed package, which has no sources", () => {
    const installed = join(work, "installed");
    cpSync(join(root, "dist"), join(installed, "dist"), { recursive: true });
    cpSync(join(root, "templates"), join(installed, "templates"), { recursive: true });
    const shipped = codeHash(installed, "dist");
    put(installed, "dist/lock.d.ts", "export declare const a: number;\n");
    expect(codeHash(installed, "dist")).toBe(shipped);
    put(installed, "dist/lock.js", "export const a = 2;\n");
    expect(codeHash(installed, "dist")).not.toBe(shipped);
  });
});

describe("graphgen run from a checkout's dist/ (a copy of this one)", () => {
  const checkout = join(work, "checkout");
  const args = ["generate", "--metadata", "small.xml", "--include", "thumbnailSet", "--no-format"];
  const lock = (out: string) => readFileSync(join(work, out, "graphgen.lock.json"), "utf8");
  const graphgen = (extra: string[]) => spawnSync(process.execPath, [join(checkout, "bin/graphgen.js"), ...args, ...extra], { cwd: work, encoding: "utf8" });
  const build = () => execFileSync("npm", ["run", "build", "--silent"], { cwd: checkout, encoding: "utf8" });

  beforeAll(() => {
    for (const path of ["package.json", "tsconfig.json", "tsconfig.build.json", "bin", "generator", "templates"]) {
      cpSync(join(repoRoot, path), join(checkout, path), { recursive: true });
    }
    for (const path of ["node_modules", "metadata"]) symlinkSync(join(repoRoot, path), join(checkout, path));
    build();
    const thumbnails = `<EntityType Name="thumbnailSet"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="large" Type="graph.thumbnail"/></EntityType>
<ComplexType Name="thumbnail"><Property Name="url" Type="Edm.String"/></ComplexType>`;
    writeFileSync(join(work, "small.xml"), csdl({ namespace: "microsoft.graph", alias: "graph", body: thumbnails }));
  }, 60_000);

  it("writes the same lock from a fresh build as from the sources themselves", async () => {
    expect(graphgen(["--out", "built"]).status).toBe(0);
    await generate({ metadata: join(work, "small.xml"), include: ["thumbnailSet"], format: false, out: join(work, "sources"), cwd: work });
    expect(lock("built")).toBe(lock("sources"));
  });

  it("refuses a build older than its sources, and after the build regenerates what the old code made", () => {
    expect(graphgen(["--out", "edited"]).status).toBe(0);
    const oldLock = lock("edited");
    appendFileSync(join(checkout, "generator/naming.ts"), "// edited after the build\n");
    const stale = `graphgen: error: graphgen's build in ${checkout}/dist is stale: generator/naming.ts changed since it was built, and it would run the old code\n  fix: run npm run build in ${checkout}, then run graphgen again\n`;
    const other = (argv: string[]) => spawnSync(process.execPath, [join(checkout, "bin/graphgen.js"), ...argv], { cwd: work, encoding: "utf8" });
    // Commands that write no lock refuse too: they would answer from the old code.
    const paths = other(["paths", "--metadata", "small.xml"]);
    for (const run of [graphgen(["--out", "edited"]), graphgen(["--out", "edited", "--check"]), paths]) {
      expect(run.stderr).toBe(stale);
      expect(run.stdout).toBe("");
      expect(run.status).toBe(1);
    }
    expect(lock("edited")).toBe(oldLock);

    build();
    const rebuilt = graphgen(["--out", "edited"]);
    expect(rebuilt.stdout).toMatch(/\n {2}1 written, \d+ unchanged, 0 removed in \d+ ms\n {2}use it as /);
    expect(rebuilt.status).toBe(0);
    expect(JSON.parse(lock("edited")).fingerprint).not.toBe(JSON.parse(oldLock).fingerprint);
  }, 60_000);
});
