// Generated code needs no particular tsconfig (issue 19): the package's sources land in the user's own program,
// compiled with the user's options. As a user would, each package's src/ is copied into a throwaway project
// (src/graph) and compiled by tsc under nine common settings, with 0 errors; so is an app over the JavaScript
// output (`emit: "js"`, .js + .d.ts in src/graph). Beside it, a probe file breaks the setting's own rule, and its
// error (and only that) must come out: the setting is really in force.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { realMetadata, repoRoot, runTsc, tempDir } from "../support/output.js";

interface Setting {
  readonly name: string;
  readonly options: Record<string, unknown>;
  /** src/probe.ts, breaking the setting's rule. */
  readonly probe: string;
  /** The error codes the probe gets, in order. */
  readonly errors: readonly string[];
}

const SETTINGS: readonly Setting[] = [
  { name: "--strict", options: { strict: true }, probe: "export const f = (x) => x;\n", errors: ["TS7006"] },
  {
    name: "--strict --noUncheckedIndexedAccess",
    options: { strict: true, noUncheckedIndexedAccess: true },
    probe: "export const f = (xs: string[]): string => xs[0];\n",
    errors: ["TS2322"],
  },
  {
    name: "--noPropertyAccessFromIndexSignature",
    options: { noPropertyAccessFromIndexSignature: true },
    probe: "export const f = (r: Record<string, string>): string | undefined => r.name;\n",
    errors: ["TS4111"],
  },
  {
    name: "--noImplicitReturns --noImplicitOverride --noFallthroughCasesInSwitch --noUnusedLocals --noUnusedParameters",
    options: { noImplicitReturns: true, noImplicitOverride: true, noFallthroughCasesInSwitch: true, noUnusedLocals: true, noUnusedParameters: true },
    probe: "export const f = (x: number, unused: number): number => {\n  const y = 1;\n  return x;\n};\n",
    errors: ["TS6133", "TS6133"],
  },
  {
    name: "--module esnext --moduleResolution bundler",
    options: { module: "esnext", moduleResolution: "bundler" },
    probe: 'import probe = require("./probe.js");\nexport const f = probe;\n',
    errors: ["TS1202"],
  },
  {
    name: "--module preserve --verbatimModuleSyntax",
    options: { module: "preserve", verbatimModuleSyntax: true },
    probe: 'import { T as U } from "./probe.js";\nexport type T = number;\nexport const f = (x: U): U => x;\n',
    errors: ["TS1484"],
  },
  { name: "--erasableSyntaxOnly", options: { erasableSyntaxOnly: true }, probe: "export enum Color {\n  Red,\n}\n", errors: ["TS1294"] },
  {
    name: "--isolatedDeclarations --declaration",
    options: { isolatedDeclarations: true, declaration: true, emitDeclarationOnly: true, rootDir: "src", outDir: "out" },
    probe: "export const f = (x: number) => x;\n",
    errors: ["TS9007"],
  },
  {
    name: "--strict --exactOptionalPropertyTypes",
    options: { strict: true, exactOptionalPropertyTypes: true },
    probe: "export const f: { a?: string } = { a: undefined };\n",
    errors: ["TS2375"],
  },
];

const work = tempDir("tsconfig-settings");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A throwaway project holding the package's src/ as src/graph (or the package there already), with one tsconfig per setting. */
function project(name: string, packageDir?: string): string {
  const root = join(work, name);
  mkdirSync(join(root, "src"), { recursive: true });
  if (packageDir) cpSync(join(packageDir, "src"), join(root, "src/graph"), { recursive: true });
  SETTINGS.forEach(({ options }, i) => {
    const noEmit = options.emitDeclarationOnly ? {} : { noEmit: true };
    writeFileSync(join(root, `tsconfig.${i}.json`), JSON.stringify({ compilerOptions: { ...options, ...noEmit }, include: ["src"] }, null, 2));
  });
  return root;
}

/** tsc's errors on the project under setting `i`, as `file: code`, with the probe in src/probe.ts. */
function errors(root: string, i: number): string[] {
  writeFileSync(join(root, "src/probe.ts"), SETTINGS[i]!.probe);
  const output = runTsc(["-p", `tsconfig.${i}.json`], root);
  return [...output.matchAll(/^(?:(\S[^(\n]*)\(\d+,\d+\): )?error (TS\d+)/gm)].map(([, file, code]) => `${file ?? "(no file)"}: ${code}`);
}

const probeErrors = (i: number) => SETTINGS[i]!.errors.map((code) => `src/probe.ts: ${code}`);

const CLIENT_MOCK_PATHS = ["/users/**", "/groups/*/members/**", "/me/messages/**", "/me/drive/root/**", "/me/sendMail"];

/** An app's module over the JavaScript output: lists users through the client, on the fake Graph. */
const APP = `import { createGraphClient } from "./graph/src/client/index.js";
import { createMockGraph } from "./graph/src/mock/index.js";

export const countUsers = async (): Promise<number> => {
  const mock = createMockGraph();
  mock.seed("/users", [{ id: "u1", displayName: "Ada" }]);
  const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });
  const page = await graph.users.list({ select: ["displayName"] });
  return page.value.length;
};
`;

describe.each([
  ["the default package (generated/)", () => project("default", join(repoRoot, "generated"))],
  [
    "a client + mock package (users, group members, messages, drive root, sendMail)",
    async () => {
      const out = join(work, "client-mock-package");
      await generate({
        metadata: realMetadata,
        includePaths: CLIENT_MOCK_PATHS,
        out,
        packageName: "graph-under-settings",
      });
      return project("client-mock", out);
    },
  ],
  [
    "an app over the JavaScript output (emit: js) of the client + mock package",
    async () => {
      const root = project("js-app");
      await generate({ metadata: realMetadata, includePaths: CLIENT_MOCK_PATHS, out: join(root, "src/graph"), emit: "js", packageName: "graph-js" });
      writeFileSync(join(root, "src/app.ts"), APP);
      return root;
    },
  ],
])("%s compiles with 0 errors", (_name, makeProject) => {
  let root = "";
  beforeAll(async () => {
    root = await makeProject();
  }, 300_000);

  it.each(SETTINGS.map((setting, i) => [setting.name, i] as const))("under %s", (_setting, i) => {
    expect(errors(root, i)).toEqual(probeErrors(i));
  }, 300_000);
});
