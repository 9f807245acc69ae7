// The format stage skips prettier for modules whose templates already write prettier's layout, and runs it
// only on a module with a code line prettier would still break (generator/format.ts). This checks that claim
// on all of Graph v1.0 with a client for every request path (--all --include-path '/**', 8,650 modules):
// which modules reach prettier, and that the modules it skips are prettier's output, for every kind of module
// (each template's output, found by path and shape): a sample of each kind, weighted to the modules whose
// templates broke a line or came near the width, and every module laid out by a rule that breaks a long
// name (a request builder factory moved after `=`, an assert's throw, an undeclared-key loop, a lone object
// parameter hugged). All 8,650 would take prettier minutes; the sample is ~500. The four table modules (the
// permissions, the accepted permissions, the mock's routes and seed paths: 21 MB) are checked on a sample of
// their entries with every layout an entry takes (support/table-sample.ts). v1.0 has no type definitions: a small
// CSDL covers them.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it, vi } from "vitest";
import { PRETTIER_OPTIONS, formatFiles, hasLongCodeLine } from "../../generator/format.js";
import { generate } from "../../generator/generate.js";
import { PRINT_WIDTH } from "../../generator/emit/layout.js";
import { csdl } from "../support/csdl-builder.js";
import { sampleTable } from "./support/table-sample.js";
import { realMetadata, repoRoot, tempDir } from "../support/output.js";

// Counts the format stage's calls: the default config must never need prettier.
vi.mock("prettier", async (importOriginal) => {
  const real = await importOriginal<typeof import("prettier")>();
  return { ...real, format: vi.fn(real.format) };
});

const out = tempDir("stable");
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Module = { readonly path: string; readonly content: string };

/** The template a module comes from, told by its path and, where two templates share a folder, its shape. */
function kindOf({ path, content }: Module): string {
  const [, area = "", rest = ""] = /^src\/([^/]+)\/(.*)$/.exec(path) ?? [];
  if (area === "models" || area === "validators") {
    if (rest === "index.ts" || rest.endsWith("/index.ts")) return `${area}: namespace index`;
    if (area === "models") return /^export interface /m.test(content) ? "models: structured type" : /^export const /m.test(content) ? "models: enum" : "models: type definition";
    return /^const EXPECTED\b/m.test(content) ? "validators: enum" : "validators: structured type";
  }
  if (area === "client" && rest.startsWith("paths/")) return "client: request builder";
  return path;
}

/** Lines a template broke (a call, signature or clause continued on the next line), or a code line near the width. */
const RISKY = /\($|=$|& \{$|^\s*(if \(.*\)|else|for \(.*\))$/m;
const nearWidth = (content: string) => content.split("\n").some((line) => line.length > PRINT_WIDTH - 10 && line.length <= PRINT_WIDTH && !/^\s*(\/\/|\/\*\*|\*)/.test(line));
/**
 * Layouts that move a long name: a request builder factory after `=`, an assert's throw, an undeclared-key
 * loop, a lone object-type parameter hugged by its parentheses.
 */
/** `if (` alone, then a call whose last argument, an array, opens on its line (validators/layout.ts, `brokenTest`). */
const HUGGED_TEST = /^ +if \(\n +\w+\(.*\[$/m;
const LONG_NAME_LAYOUTS = [/^export const \w+ =$/m, /^ {2}if \(!result\.ok\)$/m, /^ {2}if \(walk\.writing\)$/m, /^ {2}\w+\(\w+\??: \{$/m];

/** The modules that are one table each, checked on a sample of their entries (support/table-sample.ts). */
const TABLES = new Set(["src/client/permissions.ts", "src/client/accepted-permissions.ts", "src/mock/routes.ts", "src/mock/index.ts"]);

/** Up to `count` of `items`, evenly spread, in their order. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

describe("prettier-stable templates, on all of v1.0 with every request path", async () => {
  const raw = await generate({ metadata: realMetadata, all: true, includePaths: ["/**"], out, cwd: repoRoot, format: false }, { check: true });
  const modules = raw.files.filter((f) => f.path.endsWith(".ts"));
  // Every module is offered as stable: only a line prettier must break sends one to prettier.
  vi.mocked(prettier.format).mockClear();
  const formatted = await formatFiles(modules, new Set(modules.map((f) => f.path)));
  const reached = modules.filter((_, i) => formatted[i]?.content !== modules[i]?.content || hasLongCodeLine(modules[i]?.content ?? ""));
  const untouched = modules.filter((f) => !hasLongCodeLine(f.content));
  const byKind = new Map<string, Module[]>();
  for (const f of untouched) byKind.set(kindOf(f), [...(byKind.get(kindOf(f)) ?? []), f]);
  const checked = new Set<Module>();
  for (const [kind, group] of byKind) {
    const risky = group.filter((f) => RISKY.test(f.content) || nearWidth(f.content));
    // Request builders vary the most (members, unions, long paths): they get the most checks, ~7 builders a module.
    for (const f of [...spread(risky, kind === "client: request builder" ? 50 : 40), ...spread(group, 10)]) checked.add(f);
  }
  for (const layout of LONG_NAME_LAYOUTS) for (const f of spread(untouched.filter((f) => layout.test(f.content)), 25)) checked.add(f);
  // A validator test too long for its `if` line, with its array hugged (rare in v1.0: every one is checked).
  const hugged = untouched.filter((f) => HUGGED_TEST.test(f.content));
  for (const f of hugged) checked.add(f);

  it("sends to prettier only the modules with a line it must break: none of 8,650 in v1.0", () => {
    // A request builder's call too long one level deeper is laid out at its final depth (client/builders.ts).
    expect(reached.map((f) => f.path)).toEqual([]);
    // The validator whose `if (derivedAllowed(..., [long literal]))` went to prettier before is laid out by the template.
    expect(hugged.map((f) => f.path)).toEqual(["src/validators/ExternalUsersSelfServiceSignUpEventsFlow.ts"]);
    expect(vi.mocked(prettier.format).mock.calls.length).toBe(reached.length);
    expect(untouched.length).toBe(modules.length - reached.length);
  });

  it("checks every kind of module, and every layout that moves a long name", () => {
    const kinds = [...byKind.keys()];
    expect(kinds).toEqual(expect.arrayContaining(["models: structured type", "models: enum", "models: namespace index", "validators: structured type", "validators: enum", "validators: namespace index", "client: request builder"]));
    expect(kinds).toEqual(expect.arrayContaining(["src/client/runtime.ts", "src/client/index.ts", "src/client/batch.ts", "src/client/permissions.ts", "src/mock/index.ts", "src/runtime/validation.ts", "src/index.ts", "src/edm.ts"]));
    for (const kind of kinds) expect([...checked].some((f) => kindOf(f) === kind), kind).toBe(true);
    for (const layout of LONG_NAME_LAYOUTS) expect([...checked].filter((f) => layout.test(f.content)).length, String(layout)).toBeGreaterThanOrEqual(5);
    // Request builders (one interface each) checked, over 150 as when each had its own module.
    const builders = [...checked].filter((f) => kindOf(f) === "client: request builder").map((f) => f.content.match(/^export interface /gm)?.length ?? 0);
    expect(builders.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(150);
  });

  it("every module checked that the stage left unformatted is what prettier writes", async () => {
    const differing: string[] = [];
    for (const file of checked) {
      const text = TABLES.has(file.path) ? sampleTable(file.content) : file.content;
      if ((await prettier.format(text, PRETTIER_OPTIONS)) !== text) differing.push(file.path);
    }
    expect(differing).toEqual([]);
    expect(checked.size).toBeGreaterThan(300);
    for (const path of TABLES) expect([...checked].some((f) => f.path === path), path).toBe(true);
  }, 300_000); // prettier over ~600 modules: ~10 s on 2 shared cores

  it("checks a table on a sample of its entries that still catches one entry of 27,581 laid out otherwise than prettier", async () => {
    const table = modules.find((f) => f.path === "src/client/permissions.ts")?.content ?? "";
    expect(sampleTable(table).length).toBeLessThan(table.length / 100);
    // An entry in the middle with its one-permission array broken over lines, where prettier keeps it on one.
    const lines = table.split("\n");
    const head = "    application: [";
    const short = lines.flatMap((line, i) => (line.startsWith(`${head}{`) && line.endsWith("}],") && line.length < PRINT_WIDTH - 10 ? [i] : []));
    const at = short[Math.floor(short.length / 2)] ?? 0;
    lines.splice(at, 1, head, `      ${lines[at]?.slice(head.length, -2)},`, "    ],");
    const broken = sampleTable(lines.join("\n"));
    expect(short.length).toBeGreaterThan(100);
    expect(await prettier.format(broken, PRETTIER_OPTIONS)).not.toBe(broken);
  });
});

describe("a template v1.0 does not use", () => {
  it("writes type definitions as prettier does, or leaves a long one to prettier", async () => {
    const dir = tempDir("stable-typedefs");
    const long = "ExtraordinarilyLongTypeDefinitionNameThatKeepsGoingAndGoingUntilTheLineIsTooLongForPrettier";
    const body = `<TypeDefinition Name="sizeInBytes" UnderlyingType="Edm.Int64" />\n<TypeDefinition Name="${long}" UnderlyingType="Edm.Double" />`;
    writeFileSync(join(dir, "metadata.xml"), csdl({ namespace: "contoso", body }));
    const result = await generate({ metadata: join(dir, "metadata.xml"), all: true, out: join(dir, "out"), cwd: dir, rootNamespace: "contoso", format: false }, { check: true });
    const definitions = result.files.filter((f) => /^export type \w+ =/m.test(f.content) && f.path.startsWith("src/models/") && !f.path.endsWith("index.ts"));
    definitions.sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(definitions.map((f) => f.path)).toEqual([`src/models/${long}.ts`, "src/models/SizeInBytes.ts"]);
    // The long one's union is left on one line: the stage sends it to prettier; the other is prettier's already.
    expect(definitions.map((f) => hasLongCodeLine(f.content))).toEqual([true, false]);
    const short = definitions.find((f) => f.path === "src/models/SizeInBytes.ts");
    expect(await prettier.format(short?.content ?? "", PRETTIER_OPTIONS)).toBe(short?.content);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the default config", () => {
  it("comes out of the templates formatted: the format stage calls prettier for no module", async () => {
    const options = { metadata: realMetadata, include: ["identityApiConnector", "identity", "thumbnailSet"], includePaths: ["/identity/apiConnectors/**"] };
    const raw = await generate({ ...options, overlays: ["metadata/overlay.xml"], out, cwd: repoRoot, format: false }, { check: true });
    vi.mocked(prettier.format).mockClear();
    const formatted = await generate({ ...options, overlays: ["metadata/overlay.xml"], out, cwd: repoRoot }, { check: true });
    expect(vi.mocked(prettier.format)).not.toHaveBeenCalled();
    const sources = (files: readonly { path: string; content: string }[]) => files.filter((f) => f.path.endsWith(".ts"));
    expect(sources(formatted.files)).toEqual(sources(raw.files));
  }, 60_000);
});

describe("lines the format stage leaves to the templates", () => {
  it("prettier leaves a long regular expression literal alone on its line", async () => {
    const line = `  /^${"(?:[0-9a-f]{8})-".repeat(8)}$/;`;
    const text = `const PATTERN =\n${line}\n`;
    expect(line.length).toBeGreaterThan(PRINT_WIDTH);
    expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
    expect(await formatFiles([{ path: "a.ts", content: text }], new Set(["a.ts"]))).toEqual([{ path: "a.ts", content: text }]);
  });

  it("prettier leaves a long `interface X extends Y {` and a long renamed name in an export list", async () => {
    const base = "AccessReviewInstanceDecisionItemResourceWithAnEvenLongerName";
    const head = `export interface ${base}AccessPackageAssignmentPolicyResource extends ${base} {`;
    const renamed = `  validate${base}CustomTaskExtensionCallbackConfiguration as validateIdentityGovernance${base},`;
    const text = `${head}\n  a?: string;\n}\nexport {\n${renamed}\n  b,\n} from "./x.js";\n`;
    expect(head.length).toBeGreaterThan(PRINT_WIDTH);
    expect(renamed.length).toBeGreaterThan(PRINT_WIDTH);
    expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
    expect(await formatFiles([{ path: "a.ts", content: text }], new Set(["a.ts"]))).toEqual([{ path: "a.ts", content: text }]);
  });

  it("prettier leaves the long lines it cannot break: `key?: Type | null;`, a quoted path key, a template literal key, a one-name signature tail", async () => {
    const name = "UserExperienceAnalyticsWorkFromAnywhereHardwareReadinessMetricWithAnEvenLongerName";
    const lines = [
      `  userExperienceAnalyticsWorkFromAnywhereHardwareReadinessMetric?: ${name} | null;`,
      `  "/deviceManagement/userExperienceAnalyticsAppHealthApplicationPerformanceByAppVersionDetails": ${name};`,
    ];
    const factory = `usersByIdCalendarGroupsByIdCalendarsByIdEventsByIdInstancesByIdExceptionOccurrencesByIdExtensionsByIdRequests`;
    const text = `export interface A {\n${lines.join("\n")}\n}\nexport type B = {\n  [\n    path: \`/deviceManagement/deviceCompliancePolicies/\${string}/scheduledActionsForRule/\${string}/scheduledActionConfigurations\`\n  ]: A;\n};\nexport const ${factory} =\n  (\n    transport: string,\n    path: string,\n  ): ${name}${name} => {\n    return {};\n  };\n`;
    expect(text.split("\n").filter((line) => line.length > PRINT_WIDTH)).toHaveLength(5);
    expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
    expect(hasLongCodeLine(text)).toBe(false);
    // A collection with `| null` is a union prettier does break.
    expect(hasLongCodeLine(`export interface A {\n  userExperienceAnalyticsWorkFromAnywhereHardwareReadinessMetric?: ${name}[] | null;\n}\n`)).toBe(true);
  });
});
