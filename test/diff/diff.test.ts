// `graphgen diff` on real pairs: two copies of the real v1.0 metadata, edited here the way Graph's
// metadata changes between releases, with the whole report pinned in each format.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { diffMetadata, formatDiff, type ApiDiff } from "../../generator/diff/index.js";
import { realMetadata, tempDir } from "../support/output.js";
import { writeDescribed } from "../update/support/described.js";

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
  // Deprecate a property, as Graph does (Core.Revisions).
  changed = edit(
    changed,
    `<Annotations Target="microsoft.graph.alertDetection">`,
    `<Annotations Target="microsoft.graph.thumbnail/width">\n        <Annotation Term="Org.OData.Core.V1.Revisions">\n          <Collection>\n            <Record>\n              <PropertyValue Property="Date" Date="2025-03-01" />\n              <PropertyValue Property="Description" String="Use the dimensions of the source item instead." />\n              <PropertyValue Property="Kind">\n                <EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember>\n              </PropertyValue>\n              <PropertyValue Property="RemovalDate" Date="2099-03-01" />\n            </Record>\n          </Collection>\n        </Annotation>\n      </Annotations>\n      <Annotations Target="microsoft.graph.alertDetection">`,
  );
  writeFileSync(oldFile, real);
  writeFileSync(newFile, changed);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("graphgen diff on the real v1.0 metadata", () => {
  let diff: ApiDiff;
  beforeAll(() => {
    // A fixed day, so the report lists the same deprecations past their removal date on every run.
    diff = diffMetadata(oldFile, newFile, { today: "2025-06-01" });
  });

  it("classifies each edit and implies a major bump", async () => {
    const input = { oldName: "v1.0.xml", newName: "v1.0-edited.xml", diff };
    await expect(formatDiff(input, "text")).toMatchFileSnapshot("__snapshots__/report.txt");
    await expect(formatDiff(input, "markdown")).toMatchFileSnapshot("__snapshots__/report.md");
    await expect(formatDiff(input, "json")).toMatchFileSnapshot("__snapshots__/report.json");
  });

  it("finds nothing between a file and itself", () => {
    // Before any of v1.0's own removal dates.
    expect(diffMetadata(oldFile, oldFile, { today: "2023-01-01" })).toEqual({ changes: [], bump: "none" });
  });

  it("lists elements past their removal date, which change no version", () => {
    const due = diffMetadata(oldFile, oldFile, { today: "2026-05-01" });
    expect(due.bump).toBe("none");
    expect(due.changes.length).toBeGreaterThan(40);
    expect(due.changes.filter((c) => c.severity !== "deprecation" || c.change !== "past its removal date")).toEqual([]);
    expect(due.changes.find((c) => c.target === "microsoft.graph.alert")).toEqual({
      severity: "deprecation",
      change: "past its removal date",
      target: "microsoft.graph.alert",
      detail: "removal date 2026-04-10: The legacy Graph Security API is deprecated and will stop returning data on January 31, 2025. Please use the new Graph Security API.",
    });
  });

  it("limits the comparison to the included closure, and fails CI on breaking changes when asked", async () => {
    let stdout = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: () => {}, cwd: work };
    const code = await runCli(["diff", "old.xml", "new.xml", "--include", "identityApiConnector,thumbnailSet", "--fail-on", "breaking"], io);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        "graphgen diff old.xml -> new.xml, over the closure of identityApiConnector, thumbnailSet",
        "2 change(s): 2 breaking, 0 non-breaking; 1 deprecation(s); implies a major version bump",
        "",
        "Breaking:",
        "  - property removed: microsoft.graph.identityApiConnector.targetUrl (Edm.String)",
        "  - property type changed: microsoft.graph.thumbnail.height (Edm.Int32 -> Edm.Int64)",
        "",
        "Deprecated:",
        "  ~ newly deprecated: microsoft.graph.thumbnail.width (removal date 2099-03-01: Use the dimensions of the source item instead.)",
        "",
      ].join("\n"),
    );
  });

  it("speaks of the project's selection when there is a config, and of everything with --all", async () => {
    const project = join(work, "project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "graphgen.config.json"), JSON.stringify({ metadata: "../old.xml", include: ["identityApiConnector"] }));
    const run = async (args: string[]) => {
      let stdout = "";
      await runCli(["diff", "../old.xml", "../new.xml", ...args], { stdout: (t) => (stdout += t), stderr: () => {}, cwd: project });
      return stdout;
    };
    const selection = await run([]);
    expect(selection.split("\n").slice(0, 2)).toEqual([
      "graphgen diff ../old.xml -> ../new.xml, over your selection (graphgen.config.json: include identityApiConnector; --all for everything)",
      "1 change(s): 1 breaking, 0 non-breaking; implies a major version bump",
    ]);
    expect(selection).toContain("  - property removed: microsoft.graph.identityApiConnector.targetUrl (Edm.String)\n");
    const all = await run(["--all"]);
    expect(all.split("\n")[0]).toBe("graphgen diff ../old.xml -> ../new.xml, over all of the metadata");
    expect(all).toContain("  - property type changed: microsoft.graph.thumbnail.height (Edm.Int32 -> Edm.Int64)\n");
    expect(all).toContain("  + complex type added: microsoft.graph.thumbnailCrop\n");
  });
});

describe("graphgen diff says which file is older, from their content", () => {
  it("Microsoft's described file of 2023-05 against the shipped one: the newest deprecation notice of each", async () => {
    const described = writeDescribed(join(work, "described-2023-05.xml"));
    let stdout = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: () => {}, cwd: work };
    await runCli(["diff", realMetadata, described, "--include", "thumbnailSet"], io);
    expect(stdout.split("\n")[1]).toBe(`note: ${described} is older than ${realMetadata} (its newest deprecation notice is dated 2022-04-25, against 2026-03-18)`);
    stdout = "";
    await runCli(["diff", described, realMetadata, "--include", "thumbnailSet", "--format", "json"], io);
    expect(JSON.parse(stdout)).toMatchObject({ old: described, new: realMetadata, scope: "the closure of thumbnailSet", older: described });
  }, 60_000);
});
