// `graphgen diff` on real pairs: two copies of the real v1.0 metadata, edited here the way Graph's
// metadata changes between releases, with the whole report pinned in each format.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { diffMetadata, formatDiff, type ApiDiff } from "../../generator/diff/index.js";
import { realMetadata, tempDir } from "../support/output.js";

const work = tempDir("diff");
const oldFile = join(work, "old.xml");
const newFile = join(work, "new.xml");

/** Replaces exactly one occurrence, so an edit that stops matching the real file fails loudly. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `occurrences of ${from}`).toBe(1);
  return text.replace(from, to);
}

beforeAll(() => {
  const real = readFileSync(realMetadata, "utf8");
  let changed = real;
  // Remove a property.
  changed = edit(changed, `<Property Name="targetUrl" Type="Edm.String" />\n      </EntityType>\n      <EntityType Name="identityBuiltInUserFlowAttribute"`, `</EntityType>\n      <EntityType Name="identityBuiltInUserFlowAttribute"`);
  // Change a property's type.
  changed = edit(changed, `<Property Name="height" Type="Edm.Int32" />\n        <Property Name="sourceItemId"`, `<Property Name="height" Type="Edm.Int64" />\n        <Property Name="sourceItemId"`);
  // Add an enum member.
  changed = edit(changed, `<Member Name="DateTime" Value="5" />\n      </EnumType>\n      <EnumType Name="auditLogRecordType" />`, `<Member Name="DateTime" Value="5" />\n        <Member Name="Decimal" Value="6" />\n      </EnumType>\n      <EnumType Name="auditLogRecordType" />`);
  // Add a type.
  changed = edit(changed, `<ComplexType Name="thumbnailColumn" />`, `<ComplexType Name="thumbnailColumn" />\n      <ComplexType Name="thumbnailCrop">\n        <Property Name="left" Type="Edm.Int32" Nullable="false" />\n      </ComplexType>`);
  writeFileSync(oldFile, real);
  writeFileSync(newFile, changed);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("graphgen diff on the real v1.0 metadata", () => {
  let diff: ApiDiff;
  beforeAll(() => {
    diff = diffMetadata(oldFile, newFile);
  });

  it("classifies each edit and implies a major bump", async () => {
    const input = { oldName: "v1.0.xml", newName: "v1.0-edited.xml", diff };
    await expect(formatDiff(input, "text")).toMatchFileSnapshot("__snapshots__/report.txt");
    await expect(formatDiff(input, "markdown")).toMatchFileSnapshot("__snapshots__/report.md");
    await expect(formatDiff(input, "json")).toMatchFileSnapshot("__snapshots__/report.json");
  });

  it("finds nothing between a file and itself", () => {
    expect(diffMetadata(oldFile, oldFile).bump).toBe("none");
  });

  it("limits the comparison to the included closure, and fails CI on breaking changes when asked", async () => {
    let stdout = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: () => {}, cwd: work };
    const code = await runCli(["diff", "old.xml", "new.xml", "--include", "identityApiConnector,thumbnailSet", "--fail-on", "breaking"], io);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        "graphgen diff old.xml -> new.xml",
        "2 change(s): 2 breaking, 0 non-breaking; implies a major version bump",
        "",
        "Breaking:",
        "  - property removed: microsoft.graph.identityApiConnector.targetUrl (Edm.String)",
        "  - property type changed: microsoft.graph.thumbnail.height (Edm.Int32 -> Edm.Int64)",
        "",
      ].join("\n"),
    );
  });
});
