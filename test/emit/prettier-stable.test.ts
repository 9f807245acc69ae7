// The format stage skips prettier for modules whose templates already write prettier's layout.
// This checks that claim on all of Graph v1.0 (--all, with a client): after the format stage every
// module is exactly what prettier writes. All modules with long lines the stage let through are
// checked, and a fixed sample of the rest (the whole set takes prettier about a minute).
import { rmSync } from "node:fs";
import * as prettier from "prettier";
import { afterAll, describe, expect, it, vi } from "vitest";
import { PRETTIER_OPTIONS, formatFiles } from "../../generator/format.js";
import { generate } from "../../generator/generate.js";
import { PRINT_WIDTH } from "../../generator/emit/layout.js";
import { realMetadata, repoRoot, tempDir } from "../support/output.js";

// Counts the format stage's calls: the default config must never need prettier.
vi.mock("prettier", async (importOriginal) => {
  const real = await importOriginal<typeof import("prettier")>();
  return { ...real, format: vi.fn(real.format) };
});

const out = tempDir("stable");
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("prettier-stable templates", async () => {
  const raw = await generate(
    { metadata: realMetadata, all: true, out, cwd: repoRoot, format: false, includePaths: ["/identity/**"] },
    { check: true },
  );
  const modules = raw.files.filter((f) => f.path.endsWith(".ts"));
  // Every module is offered as stable: what the stage passes through unformatted must already be prettier's.
  const formatted = await formatFiles(modules, new Set(modules.map((f) => f.path)));
  const untouched = formatted.filter((f, i) => f.content === modules[i]?.content);
  // Long comment lines are prettier's too; the risky ones are long code lines the stage let through.
  const withLongLines = untouched.filter((f) =>
    f.content.split("\n").some((line) => line.length > PRINT_WIDTH && !/^\s*(\/\/|\/\*\*|\*)/.test(line)),
  );
  // Statements and union members the templates broke over lines (`if (test)` alone, `else` alone, one
  // argument per line, a pinned base type's object literal).
  const withBrokenStatements = untouched.filter((f) => /\($|& \{$|^\s*(if \(.*\)|else)$/m.test(f.content));
  const sample = untouched.filter((_, i) => i % 40 === 0);
  const checked = [...new Set([...withLongLines, ...withBrokenStatements, ...sample])];

  it("leaves most modules to the templates", () => {
    expect(untouched.length / modules.length).toBeGreaterThan(0.9);
    // The format stage's own prettier is the mocked one (the default config's test relies on it).
    expect(vi.mocked(prettier.format).mock.calls.length).toBeGreaterThanOrEqual(modules.length - untouched.length);
  });

  it("every module the stage left unformatted is what prettier writes", async () => {
    const differing: string[] = [];
    for (const file of checked) {
      if ((await prettier.format(file.content, PRETTIER_OPTIONS)) !== file.content) differing.push(file.path);
    }
    expect(differing).toEqual([]);
    expect(checked.length).toBeGreaterThan(100);
  }, 120_000); // prettier over a few hundred modules: ~30 s on 2 shared cores
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
});
