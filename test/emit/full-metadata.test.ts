// The real-world gate: all of Graph v1.0 with --all generates, every entity, complex and enum type
// is emitted (counted here independently from the XML), and tsc accepts the output, strict.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { listFiles, readText, realMetadata, runTsc, tempDir } from "../support/output.js";

const out = tempDir("all");
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Full names of the metadata's types by kind, read with plain regular expressions, not graphgen's parser. */
function countTypesInXml(xml: string): Record<"entity" | "complex" | "enum", Set<string>> {
  const kinds = { entity: new Set<string>(), complex: new Set<string>(), enum: new Set<string>() };
  const elements = { EntityType: kinds.entity, ComplexType: kinds.complex, EnumType: kinds.enum };
  for (const schema of xml.split(/<Schema /).slice(1)) {
    const namespace = /^Namespace="([^"]+)"/.exec(schema)?.[1];
    // Attributes come in any order (the real file has `<EntityType HasStream="true" Name="message"`).
    for (const match of schema.matchAll(/<(EntityType|ComplexType|EnumType)\b[^>]*?\sName="([^"]+)"/g)) {
      elements[match[1] as keyof typeof elements].add(`${namespace}.${match[2]}`);
    }
  }
  return kinds;
}

describe("all of Graph v1.0", async () => {
  const result = await generate({ metadata: realMetadata, all: true, out, format: false });
  const expected = countTypesInXml(readFileSync(realMetadata, "utf8"));

  it("emits every entity, complex and enum type of the metadata", () => {
    expect([expected.entity.size, expected.complex.size, expected.enum.size]).toEqual([1182, 1780, 861]);
    expect(result.counts).toMatchObject({ entity: 1182, complex: 1780, enum: 861 });
    const emitted = new Set<string>();
    for (const path of listFiles(join(out, "src/models"))) {
      for (const match of readText(join(out, "src/models"), path).matchAll(/@see (\S+)$/gm)) emitted.add(match[1]!);
    }
    for (const kind of ["entity", "complex", "enum"] as const) {
      const missing = [...expected[kind]].filter((name) => !emitted.has(name));
      expect(missing, `${kind} types without a module`).toEqual([]);
    }
  });

  it("type-checks with tsc --strict under nodenext", () => {
    expect(runTsc(["-p", "tsconfig.json", "--noEmit"], out)).toBe("");
  });

  it("type-checks with tsc --strict under bundler resolution", () => {
    writeFileSync(
      join(out, "tsconfig.bundler.json"),
      JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "bundler" } }),
    );
    expect(runTsc(["-p", "tsconfig.bundler.json", "--noEmit"], out)).toBe("");
  });
});
