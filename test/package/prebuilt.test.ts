// `emit: "js"`, the package as JavaScript + .d.ts, the default for an out inside a project's src/: what it
// writes, that a project's own tsc compiles an app against it under settings the TypeScript sources do
// not meet (declarations have no bodies to check), and that Node runs the app's test on the emitted mock.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/generate.js";
import { DIRECTORY_CSDL, DIRECTORY_PATHS } from "../mock/support/directory-csdl.js";
import { runTsc, tempDir } from "../support/output.js";

const work = tempDir("prebuilt");
const app = join(work, "app");
const metadata = join(work, "directory.xml");
let result: GenerateResult;

// The app of docs/consumer.md: a function on the client, its test on the mock, imported from src/graph in place.
const APP = `import type { GraphClient } from "./graph/src/client/index.js";
export async function userNames(graph: GraphClient): Promise<string[]> {
  const page = await graph.users.list({ select: ["id", "displayName"] });
  return page.value.map((user) => user.displayName ?? user.id ?? "?");
}
`;
const CHECK = `import { createGraphClient } from "./graph/src/client/index.js";
import { createMockGraph } from "./graph/src/mock/index.js";
import { userNames } from "./app.js";
const mock = createMockGraph();
mock.seed("/users", [{ id: "u1", displayName: "Ada" }, { id: "u2" }]);
const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });
const unchecked = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch, validate: "none" });
const invalid = await unchecked.users.create({ displayName: 42 } as never).catch((error: unknown) => String(error));
console.log(JSON.stringify({ names: await userNames(graph), invalid, requests: mock.requests.map((r) => \`\${r.method} \${r.template} \${r.status}\`) }));
`;

beforeAll(async () => {
  writeFileSync(metadata, DIRECTORY_CSDL);
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  writeFileSync(join(app, "src/app.ts"), APP);
  writeFileSync(join(app, "src/check.ts"), CHECK);
  result = await generate({ metadata, includePaths: DIRECTORY_PATHS, out: "src/graph", cwd: app, format: false });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("emit: js, the default for an out inside src/", () => {
  it("writes every module as .js + .d.ts, and a package.json exporting them from src/ with nothing to build", () => {
    const paths = result.files.map((f) => f.path);
    const modules = paths.filter((p) => p.startsWith("src/"));
    expect(modules.filter((p) => !p.endsWith(".js") && !p.endsWith(".d.ts"))).toEqual([]);
    expect(modules.filter((p) => p.endsWith(".js")).map((p) => p.replace(/\.js$/, ".d.ts")).sort()).toEqual(modules.filter((p) => p.endsWith(".d.ts")).sort());
    expect(modules).toContain("src/mock/index.js");
    expect(paths).not.toContain("tsconfig.json");
    const manifest = JSON.parse(result.files.find((f) => f.path === "package.json")?.content ?? "{}");
    expect(manifest.exports["./mock"]).toEqual({ types: "./src/mock/index.d.ts", default: "./src/mock/index.js" });
    expect(manifest.files).toEqual(["src"]);
    expect(manifest.scripts).toBeUndefined();
  });

  it("declares what the TypeScript declared: a validator's signature, not its body", () => {
    const declaration = result.files.find((f) => f.path === "src/validators/User.d.ts")?.content ?? "";
    expect(declaration).toContain("export declare const validateUser: (value: unknown, options?: ValidateOptions) => ValidationResult<User>;");
    expect(declaration).not.toContain("navigationShape");
    const code = result.files.find((f) => f.path === "src/validators/User.js")?.content ?? "";
    expect(code).toContain("export const validateUser = (value, options) =>");
  });

  it.each([
    ["plain --strict", ["--strict"]],
    ["--noPropertyAccessFromIndexSignature", ["--strict", "--noPropertyAccessFromIndexSignature"]],
    ["unused and implicit-return checks", ["--strict", "--noImplicitReturns", "--noImplicitOverride", "--noFallthroughCasesInSwitch", "--noUnusedLocals", "--noUnusedParameters"]],
    ["--erasableSyntaxOnly", ["--strict", "--erasableSyntaxOnly"]],
  ])("an app compiles against it under %s, declarations checked too (skipLibCheck off)", (_label, flags) => {
    const base = ["--noEmit", "--skipLibCheck", "false", "--target", "es2022", "--module", "nodenext", "--types", "", "src/app.ts", "src/check.ts"];
    expect(runTsc([...base, ...flags], app)).toBe("");
  });

  it("runs in Node as emitted: the app's test against the mock, bodies checked by the validators", () => {
    // tsc writes the app's .js beside its sources; the generated JavaScript is imported where it is.
    expect(runTsc(["--strict", "--target", "es2022", "--module", "nodenext", "--types", "", "src/app.ts", "src/check.ts"], app)).toBe("");
    const output = JSON.parse(execFileSync(process.execPath, ["src/check.js"], { cwd: app, encoding: "utf8" }));
    expect(output.names).toEqual(["Ada", "u2"]);
    expect(output.invalid).toMatch(/400 BadRequest: Invalid request body: \/displayName: expected Edm\.String, received number 42/);
    expect(output.requests).toEqual(["POST /users 400", "GET /users 200"]);
  });

  it("is TypeScript where asked (emit: ts), and outside src/ by default", async () => {
    const asked = await generate({ metadata, includePaths: DIRECTORY_PATHS, out: "src/graph-ts", cwd: app, format: false, emit: "ts" }, { check: true });
    expect(asked.files.some((f) => f.path === "src/client/index.ts")).toBe(true);
    const outside = await generate({ metadata, includePaths: DIRECTORY_PATHS, out: "graph", cwd: app, format: false }, { check: true });
    expect(outside.files.some((f) => f.path === "src/client/index.ts")).toBe(true);
    expect(outside.files.some((f) => f.path.endsWith(".js"))).toBe(false);
  });

  it("refuses an unknown emit kind, saying which are known", async () => {
    await expect(generate({ metadata, includePaths: DIRECTORY_PATHS, out: "x", cwd: app, emit: "cjs" as never })).rejects.toThrow(
      'option emit: expected "ts" or "js", found "cjs"',
    );
  });
});
