// Validator modules skip prettier unless a line is too long (see generator/emit/validators-layout.ts),
// so every module without a long line must already be exactly what prettier prints.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { hasLongCodeLine as needsBreaking, PRETTIER_OPTIONS } from "../../generator/format.js";
import { PRINT_WIDTH } from "../../generator/emit/layout.js";
import { csdl } from "../support/csdl-builder.js";
import { WIDGET_CSDL } from "./support/widget-csdl.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Code lines (not comments or single-name imports) longer than prettier's width. */
const hasLongCodeLine = (text: string) =>
  text.split("\n").some((line) => line.length > PRINT_WIDTH && !/^\s*(\/\/|\/\*\*|\*)|^import( type)? \{ [^,]+ \} from/.test(line));

async function unformattedValidators(options: Parameters<typeof generate>[0]) {
  const result = await generate({ ...options, format: false, out: mkdtempSync(join(tmpdir(), "graphgen-layout-")) });
  return result.files.filter((f) => /^src\/(validators|runtime)\//.test(f.path));
}

describe("validator modules come out of the templates formatted", () => {
  it("for the rule fixture and the default types, every module without a long line equals prettier's output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "graphgen-layout-csdl-"));
    writeFileSync(join(dir, "metadata.xml"), csdl({ namespace: "microsoft.graph", alias: "graph", body: WIDGET_CSDL }));
    const files = [
      ...(await unformattedValidators({ metadata: join(dir, "metadata.xml"), all: true })),
      ...(await unformattedValidators({ include: ["identityApiConnector", "identity", "thumbnailSet"], overlays: ["metadata/overlay.xml"] })),
    ];
    const checked = files.filter((f) => !hasLongCodeLine(f.content));
    expect(checked.length).toBeGreaterThan(15);
    for (const file of checked) {
      expect(file.content, file.path).toBe(await prettier.format(file.content, PRETTIER_OPTIONS));
    }
  }, 60_000);
});

describe("statements with long names", () => {
  // Property and type names of growing length take each statement through prettier's breaks: the
  // clause on its own line, then one argument per line, `if (` and `) {` around a long array test.
  const lengths = Array.from({ length: 14 }, (_, i) => 20 + i * 5);
  const name = (prefix: string, length: number) => `${prefix}${"x".repeat(length - prefix.length)}`;
  const properties = lengths.flatMap((n) => [
    `<Property Name="${name("req", n)}" Type="graph.${name("tint", n)}" Nullable="false" />`,
    `<Property Name="${name("str", n)}" Type="Edm.String" Nullable="false" />`,
    `<Property Name="${name("when", n)}" Type="Edm.DateTimeOffset" />`,
    `<Property Name="${name("part", n)}" Type="graph.${name("piece", n)}" />`,
    `<Property Name="${name("fixed", n)}" Type="graph.${name("piece", n)}" Nullable="false" />`,
    `<Property Name="${name("parts", n)}" Type="Collection(graph.${name("piece", n)})" />`,
    `<Property Name="${name("dates", n)}" Type="Collection(Edm.DateTimeOffset)" Nullable="false" />`,
  ]);
  const body = [
    ...lengths.map((n) => `<EnumType Name="${name("tint", n)}"><Member Name="a" Value="0" /></EnumType>`),
    ...lengths.map((n) => `<ComplexType Name="${name("piece", n)}"><Property Name="v" Type="Edm.Int32" /></ComplexType>`),
    `<ComplexType Name="holder">${properties.join("")}</ComplexType>`,
  ].join("\n");

  it("every validator module equals prettier's output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "graphgen-layout-long-"));
    writeFileSync(join(dir, "metadata.xml"), csdl({ namespace: "microsoft.graph", alias: "graph", body }));
    const files = await unformattedValidators({ metadata: join(dir, "metadata.xml"), all: true });
    // The holder's long lines are strings alone, which prettier leaves; the long type names elsewhere are not laid out.
    const checked = files.filter((f) => f.path.endsWith("/Holder.ts") || !hasLongCodeLine(f.content));
    expect(checked.some((f) => f.path.endsWith("/Holder.ts"))).toBe(true);
    for (const file of checked) {
      expect(file.content, file.path).toBe(await prettier.format(file.content, PRETTIER_OPTIONS));
    }
  }, 60_000);

  it("a property limited to derived types of long names: `if (` around the call, its array hugged, equals prettier's output", async () => {
    // The base type has derived types of growing name length; each property allows one of them only.
    // Up to the longest whose array item still fits on its line; more than KEY_PASS_MAX_PROPERTIES, so checked one by one.
    const derived = lengths.slice(0, 9).map((n) => name("shapeVariant", n + 30));
    const constrained = derived.map(
      (type, i) => `<Property Name="${name("onShape", lengths[i]!)}" Type="graph.shape">
        <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>microsoft.graph.${type}</String></Collection></Annotation>
      </Property>`,
    );
    const body = [
      `<ComplexType Name="shape"><Property Name="v" Type="Edm.Int32" /></ComplexType>`,
      ...derived.map((type) => `<ComplexType Name="${type}" BaseType="graph.shape"><Property Name="w" Type="Edm.Int32" /></ComplexType>`),
      `<ComplexType Name="board">${constrained.join("")}</ComplexType>`,
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "graphgen-layout-derived-"));
    writeFileSync(join(dir, "metadata.xml"), csdl({ namespace: "microsoft.graph", alias: "graph", body }));
    const board = (await unformattedValidators({ metadata: join(dir, "metadata.xml"), all: true })).find((f) => f.path.endsWith("/Board.ts"));
    expect(board?.content).toContain("derivedAllowed(walk, x, ");
    expect(board?.content).toMatch(/ {6}if \(\n {8}derivedAllowed\(walk, x, "onShape\w+", \[\n/);
    // The format stage lets it skip prettier, and prettier would write it as it is.
    expect(needsBreaking(board?.content ?? "")).toBe(false);
    expect(board?.content).toBe(await prettier.format(board?.content ?? "", PRETTIER_OPTIONS));
  }, 60_000);
});
