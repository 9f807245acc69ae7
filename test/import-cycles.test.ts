// The generator's files import each other in one direction (STYLE.md): files that import each other in a
// circle are one concept cut in the wrong place. Reads the relative imports of generator/**/*.ts (type-only
// ones too) and finds the circles as strongly connected components.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']|^\s*import\s*["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gm;

/**
 * Circles of imports among the `.ts` files below `root`: each a sorted list of paths relative to `root`.
 */
function importCircles(root: string): string[][] {
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...readFileSync(join(root, file), "utf8").matchAll(IMPORT)].map((match) =>
      join(dirname(file), (match[1] ?? match[2] ?? match[3])!.replace(/\.js$/, ".ts")),
    );
    graph.set(file, [...new Set(targets)].filter((target) => files.includes(target)));
  }
  // Tarjan's algorithm: a component of more than one file is a circle.
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    for (const target of graph.get(file)!) {
      if (!order.has(target)) visit(target);
      if (stack.includes(target)) lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return circles.map((circle) => circle.map((file) => file.split(sep).join("/"))).sort();
}

/** Circles known and being removed elsewhere: none left (permissions/ lost its own with types.ts and normalise.ts). */
const KNOWN: readonly string[][] = [];

describe("import circles", () => {
  const scratch = mkdtempSync(join(tmpdir(), "graphgen-circles-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("finds a circle through type-only imports, and none where imports run one way", () => {
    writeFileSync(join(scratch, "a.ts"), 'import { b } from "./b.js";\nexport const a = b;\n');
    writeFileSync(join(scratch, "b.ts"), 'import type { C } from "./c.js";\nexport const b: C = 1;\n');
    writeFileSync(join(scratch, "c.ts"), "export type C = number;\n");
    writeFileSync(join(scratch, "d.ts"), 'export { a } from "./a.js";\n');
    expect(importCircles(scratch)).toEqual([]);
    writeFileSync(join(scratch, "c.ts"), 'import type { a } from "./a.js";\nexport type C = typeof a;\n');
    expect(importCircles(scratch)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  it("the generator has none (but the known ones, each still a circle)", () => {
    const circles = importCircles("generator");
    const key = (circle: readonly string[]) => circle.join(" -> ");
    expect(circles.filter((circle) => !KNOWN.some((known) => key(known) === key(circle)))).toEqual([]);
    expect(KNOWN.filter((known) => !circles.some((circle) => key(circle) === key(known))), "known circle gone: remove it from KNOWN").toEqual([]);
  });

  it("the shared kit, generator/emit/, imports none of the parts it serves", () => {
    const parts = /^(?:types|validators|client|mock|docs)\//;
    const kit = readdirSync("generator/emit").map((file) => join("generator/emit", file));
    const reaching = kit.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(IMPORT)]
        .map((match) => join("emit", (match[1] ?? match[2] ?? match[3])!).split(sep).join("/"))
        .filter((target) => parts.test(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(reaching).toEqual([]);
  });
});
