// Valid metadata with awkward content: reserved words and invalid identifiers as property and
// member names, and descriptions holding comment terminators, backticks, `${`, </script> and
// newlines. The output must compile and mean the same: keys kept as written, text kept in comments.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { csdl } from "../support/csdl-builder.js";
import { runTsc, tempDir } from "../support/output.js";
import { writeFileSync } from "node:fs";

const work = tempDir("hostile");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const description = "Ends */ here; `tick` ${injected} </script><script>alert(1)</script>\nsecond line @param x";

const metadata = csdl({
  namespace: "contoso",
  alias: "c",
  body: `
      <EnumType Name="mode">
        <Member Name="default" Value="0" />
        <Member Name="class" Value="1" />
      </EnumType>
      <ComplexType Name="tricky">
        <Property Name="default" Type="Edm.String" />
        <Property Name="class" Type="c.mode" />
        <Property Name="3d" Type="Edm.Int32" />
        <Property Name="client-request-id" Type="Edm.String" />
        <Property Name="$value" Type="Edm.String" />
        <Property Name="__proto__" Type="Edm.String" />
        <Property Name="constructor" Type="Edm.String" />
        <Property Name="note" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Description" String="${description.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "&#xA;")}" />
        </Property>
      </ComplexType>`,
});

describe("awkward names and descriptions", async () => {
  writeFileSync(join(work, "metadata.xml"), metadata);
  const out = join(work, "out");
  await generate({ metadata: join(work, "metadata.xml"), all: true, out, cwd: work, rootNamespace: "contoso" });
  const tricky = readFileSync(join(out, "src/models/Tricky.ts"), "utf8");

  it("keeps every JSON key as written, quoting reserved words and invalid identifiers", () => {
    for (const key of ['$value?:', '"default"?:', '"class"?:', '"3d"?:', '"client-request-id"?:', '"__proto__"?:', '"constructor"?:']) {
      expect(tricky).toContain(key);
    }
  });

  it("keeps the description in the comment with the terminator neutralised", () => {
    expect(tricky).toContain("   * Ends *\\/ here; `tick` ${injected} </script><script>alert(1)</script>\n   * second line @param x\n");
  });

  it("compiles under tsc --strict", () => {
    expect(runTsc(["-p", "tsconfig.json", "--noEmit"], out)).toBe("");
  });
});
