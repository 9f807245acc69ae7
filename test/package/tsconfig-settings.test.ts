// Generated code needs no particular tsconfig (issue 19): the package's sources land in the user's own program,
// compiled with the user's options. As a user would, each package is put in a throwaway project (the default
// package's src/ copied, a client + mock package generated into it) and compiled by tsc under nine common settings,
// with 0 errors; so is an app over the JavaScript output (`emit: "js"`, .js + .d.ts). Beside them, a probe file
// breaks each setting's own rule, and its error (and only that) must come out: the setting is really in force. The
// three packages share one project, so one tsc program checks them all.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { listFiles, readText, realMetadata, repoRoot, runTsc, tempDir } from "../support/output.js";

interface Setting {
  readonly name: string;
  readonly options: Record<string, unknown>;
  /** src/probe.ts, breaking the setting's rule. */
  readonly probe: string;
  /** The error codes the probe gets, in order. */
  readonly errors: readonly string[];
  /** The probe's syntax is TypeScript's own, not erasable: in a run with --erasableSyntaxOnly it gets TS1294 too. */
  readonly notErasable?: true;
}

const SETTINGS: readonly Setting[] = [
  {
    name: "--strict",
    options: { strict: true },
    probe: "export const f = (s: string | undefined): number => s.length;\n",
    errors: ["TS18048"],
  },
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
    probe: 'import probe = require("./probe.js");\nexport const f: unknown = probe;\n',
    errors: ["TS1202"],
    notErasable: true,
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
    // Declaration diagnostics are reported with noEmit too: nothing is written.
    options: { isolatedDeclarations: true, declaration: true },
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

/**
 * The tsc runs, as indices into SETTINGS. A setting that only adds diagnostics and changes no type (the checks
 * TypeScript lists under "additional checks", `erasableSyntaxOnly`, `isolatedDeclarations`) cannot turn an error
 * of another setting into none, so the union of such settings compiling with 0 errors means each of them does.
 * Their base is tsc's defaults, which the first test pins: `strict`, module resolution `bundler`, module kind
 * `es2022`. So `--strict` is that base, and `--module esnext --moduleResolution bundler` differs from it only by
 * the module kind, which between es2022 and esnext changes only the module syntax allowed (esnext adds import
 * attributes): an error it would hide in one of the others is such a syntax error, of the module kind alone, and
 * the runs that keep the default kind (`noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`) would get it. The
 * six share one run. Settings that change types beyond `strict`, and `module preserve` (which also turns
 * `esModuleInterop` on), each keep a run of their own. The one way a union could hide an error, a
 * `@ts-expect-error` only one setting satisfies, is ruled out below.
 */
const RUNS: readonly (readonly number[])[] = [[0, 2, 3, 4, 6, 7], [1], [8], [5]];
const ERASABLE = SETTINGS.findIndex((s) => s.name === "--erasableSyntaxOnly");

/** The project's tsconfig for run `r`, with a probe per setting in src/probes/<setting>/probe.ts. */
function configure(root: string, r: number): string {
  const settings = RUNS[r]!.map((i) => SETTINGS[i]!);
  const options = Object.assign({}, ...settings.map((s) => s.options)) as Record<string, unknown>;
  writeFileSync(join(root, `tsconfig.${r}.json`), JSON.stringify({ compilerOptions: { ...options, noEmit: true }, include: ["src"] }, null, 2));
  rmSync(join(root, "src/probes"), { recursive: true, force: true });
  for (const i of RUNS[r]!) {
    mkdirSync(join(root, `src/probes/${i}`), { recursive: true });
    writeFileSync(join(root, `src/probes/${i}/probe.ts`), SETTINGS[i]!.probe);
  }
  return `tsconfig.${r}.json`;
}

/** tsc's errors on the project under run `r`, as `file: code`, sorted. */
const errors = (root: string, r: number): string[] => tscErrors(root, configure(root, r));

/** tsc's errors under the tsconfig `config`, as `file: code`, sorted. */
function tscErrors(root: string, config: string): string[] {
  const output = runTsc(["-p", config], root);
  return [...output.matchAll(/^(?:(\S[^(\n]*)\(\d+,\d+\): )?error (TS\d+)/gm)].map(([, file, code]) => `${file ?? "(no file)"}: ${code}`).sort();
}

/** The errors the probes of run `r` must get, sorted. */
const probeErrors = (r: number) =>
  RUNS[r]!.flatMap((i) => {
    const { errors, notErasable } = SETTINGS[i]!;
    const codes = notErasable && RUNS[r]!.includes(ERASABLE) ? [...errors, "TS1294"] : errors;
    return codes.map((code) => `src/probes/${i}/probe.ts: ${code}`);
  }).sort();

const CLIENT_MOCK_PATHS = ["/users/**", "/groups/*/members/**", "/me/messages/**", "/me/drive/root/**", "/me/sendMail"];

/** Allowed from es2022 on with bundler resolution, but for the import attributes (esnext): TS2823. */
const DEFAULT_MODULE_PROBE = `import { n } from "./other";
import data from "./data.json" with { type: "json" };
export const meta: object = import.meta;
export const sum: number = n + (await import("./other")).n + data.n;
`;

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

describe("the default package (generated/), a client + mock package (users, group members, messages, drive root, sendMail) and an app over its JavaScript output (emit: js) compile with 0 errors", () => {
  // The three packages, each in its own folder under src/.
  const root = join(work, "project");
  beforeAll(async () => {
    // The default package as src/default/graph.
    cpSync(join(repoRoot, "generated/src"), join(root, "src/default/graph"), { recursive: true });
    // The client + mock package as src/client-mock/graph, TypeScript sources in its src/.
    await generate({ metadata: realMetadata, includePaths: CLIENT_MOCK_PATHS, out: join(root, "src/client-mock/graph"), emit: "ts", packageName: "graph-under-settings" });
    // The same package as JavaScript + declarations, generated into the app's src/js-app/graph.
    await generate({ metadata: realMetadata, includePaths: CLIENT_MOCK_PATHS, out: join(root, "src/js-app/graph"), emit: "js", packageName: "graph-js" });
    writeFileSync(join(root, "src/js-app/app.ts"), APP);
  }, 300_000);

  it("with no @ts-expect-error anywhere, so a union of settings that only add diagnostics is as strict as each", () => {
    const src = join(root, "src");
    expect(listFiles(src).filter((path) => readText(src, path).includes("@ts-expect-error"))).toEqual([]);
  });

  it("is checked from tsc's defaults: strict, module kind es2022 (top-level await, no import attributes), bundler resolution (no extension needed)", () => {
    mkdirSync(join(root, "defaults"));
    writeFileSync(join(root, "defaults/strict.ts"), SETTINGS[0]!.probe);
    writeFileSync(join(root, "defaults/module.ts"), DEFAULT_MODULE_PROBE);
    writeFileSync(join(root, "defaults/other.ts"), "export const n = 1;\n");
    writeFileSync(join(root, "defaults/data.json"), '{ "n": 1 }\n');
    writeFileSync(join(root, "tsconfig.defaults.json"), JSON.stringify({ compilerOptions: { noEmit: true }, include: ["defaults"] }));
    expect(tscErrors(root, "tsconfig.defaults.json")).toEqual(["defaults/module.ts: TS2823", "defaults/strict.ts: TS18048"]);
  });

  it.each(RUNS.map((run, r) => [run.map((i) => SETTINGS[i]!.name).join(" and "), r] as const))("under %s", (_settings, r) => {
    expect(errors(root, r)).toEqual(probeErrors(r));
  }, 300_000);
});
