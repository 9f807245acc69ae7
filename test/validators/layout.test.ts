// Validator modules skip prettier unless a line is too long (see generator/emit/validators-layout.ts),
// so every module without a long line must already be exactly what prettier prints.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
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
