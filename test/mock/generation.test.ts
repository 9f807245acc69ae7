// What graphgen emits for the mock: the route table and index of the trimmed directory metadata as
// whole-file snapshots, every mock module in prettier's layout, typed seeds checked by tsc (a wrong
// path or item type is rejected), and no mock when the option is off or no client is generated.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
import { generate } from "../../generator/generate.js";
import { realMetadata, repoRoot, runTsc, tempDir } from "../support/output.js";
import { DIRECTORY_CSDL, DIRECTORY_PATHS } from "./support/directory-csdl.js";

const work = tempDir("mock-gen");
afterAll(() => rmSync(work, { recursive: true, force: true }));
const metadata = join(work, "directory.xml");
writeFileSync(metadata, DIRECTORY_CSDL);
const out = join(work, "out");

describe("the generated mock", async () => {
  const result = await generate({ metadata, includePaths: DIRECTORY_PATHS, out, format: false }, { force: true });
  const mockFiles = result.files.filter((f) => f.path.startsWith("src/mock/"));

  it.each(["routes.ts", "index.ts"])("src/mock/%s matches its snapshot", async (name) => {
    const file = mockFiles.find((f) => f.path === `src/mock/${name}`);
    await expect(file?.content).toMatchFileSnapshot(join(repoRoot, "test/mock/__snapshots__/directory", `${name}.snap`));
  });

  it("writes every module in prettier's layout", async () => {
    const differing: string[] = [];
    for (const file of mockFiles) if ((await prettier.format(file.content, PRETTIER_OPTIONS)) !== file.content) differing.push(file.path);
    expect(differing).toEqual([]);
    expect(mockFiles.length).toBe(20);
  });

  it("types seeds by path: a wrong path or item type does not compile", () => {
    writeFileSync(
      join(out, "seed-check.ts"),
      `import { createMockGraph } from "./src/mock/index.js";
const mock = createMockGraph();
mock.seed("/users", [{ displayName: "Ada", userType: "guest" }]);
mock.seed("/groups/g1/members", [{ "@odata.type": "#microsoft.graph.user", id: "u1" }]);
// @ts-expect-error displayName is a string
mock.seed("/users", [{ displayName: 1 }]);
// @ts-expect-error no such path
mock.seed("/devices", []);
const names: (string | null | undefined)[] = mock.read("/users").map((user) => user.displayName);
// @ts-expect-error read is typed by path: displayName is not a number
const wrong: number | null | undefined = mock.read("/users")[0]?.displayName;
const stored: Record<string, unknown>[] = mock.read("/users/u1");
export { names, wrong, stored };
`,
    );
    writeFileSync(join(out, "tsconfig.check.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: "." }, files: ["seed-check.ts"] }));
    expect(runTsc(["-p", "tsconfig.check.json"], out)).toBe("");
  });

  it("compiles where real Graph overlaps: same-named types of two namespaces, seed paths that hold each other", async () => {
    // security/alerts is microsoft.graph.alert, security/alerts_v2 microsoft.graph.security.alert: two validateAlert.
    // `/tables/${string}/sort` (workbookTableSort) also matches `/tables/${string}/columns/${string}/range/sort`
    // (workbookRangeSort), so the wider pattern's seed type must take both.
    const includePaths = ["/security/alerts/**", "/security/alerts_v2/**", "/drives/*/items/*/workbook/tables/**"];
    const overlapping = join(work, "overlapping");
    await generate({ metadata: realMetadata, includePaths, out: overlapping, format: false }, { force: true });
    expect(runTsc(["--noEmit", "--strict", "-p", "."], overlapping)).toBe("");
  }, 60_000);

  it("is left out with mock: false, and without a client", async () => {
    const off = await generate({ metadata, includePaths: DIRECTORY_PATHS, out: join(work, "off"), format: false, mock: false }, { check: true });
    expect(off.files.filter((f) => f.path.startsWith("src/mock/"))).toEqual([]);
    expect(JSON.parse(off.files.find((f) => f.path === "package.json")?.content ?? "{}").exports["./mock"]).toBeUndefined();
    const typesOnly = await generate({ metadata: realMetadata, include: ["identityApiConnector"], out: join(work, "types"), format: false }, { check: true });
    expect(typesOnly.files.filter((f) => f.path.startsWith("src/mock/"))).toEqual([]);
  });
});
