// Path pages for each kind of request the client sends, from a small CSDL written here: a directory
// collection with `$count` (and the ConsistencyLevel header Graph needs for it), a non-contained
// navigation managed by `$ref` and cast to a derived type, a media entity's `$value`, and a drive item's
// `content` stream, also by path. Whole-file snapshots of the Markdown; the site's file list shows which pages exist.
// Last, a non-contained navigation that its Capabilities annotations let create (not called read-only).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { csdl } from "../support/csdl-builder.js";
import { codeExamples, compileExamples, examplesWork } from "./support/examples.js";
import { renderSite } from "./support/site.js";

// Inside the repository, so the SDK examples resolve @microsoft/microsoft-graph-client.
const work = examplesWork("docs-requests");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const metadata = csdl({
  namespace: "microsoft.graph",
  alias: "graph",
  body: `
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity">
        <Property Name="deletedDateTime" Type="Edm.DateTimeOffset" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.directoryObject">
        <Property Name="displayName" Type="Edm.String" />
      </EntityType>
      <EntityType Name="group" BaseType="graph.directoryObject">
        <Property Name="displayName" Type="Edm.String" />
        <NavigationProperty Name="members" Type="Collection(graph.directoryObject)">
          <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">
            <Collection><String>microsoft.graph.user</String></Collection>
          </Annotation>
        </NavigationProperty>
        <NavigationProperty Name="photo" Type="graph.profilePhoto" ContainsTarget="true" />
        <NavigationProperty Name="files" Type="Collection(graph.driveItem)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="profilePhoto" BaseType="graph.entity" HasStream="true">
        <Property Name="height" Type="Edm.Int32" />
      </EntityType>
      <EntityType Name="driveItem" BaseType="graph.entity">
        <Property Name="name" Type="Edm.String" />
        <Property Name="content" Type="Edm.Stream" />
      </EntityType>
      <EntityContainer Name="GraphService">
        <EntitySet Name="directoryObjects" EntityType="graph.directoryObject" />
        <EntitySet Name="groups" EntityType="graph.group" />
        <EntitySet Name="users" EntityType="graph.user" />
      </EntityContainer>`,
});

describe("request path pages", () => {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "metadata.xml"), metadata);
  const options = { metadata: join(work, "metadata.xml"), includePaths: ["/groups/**"], rootNamespace: "microsoft.graph", cwd: work };
  const site = renderSite(options);
  const files = new Map(site.map((f) => [f.path, f.content]));

  it("has a page per request path: $count beside each countable collection, $ref beside each referenced one", () => {
    expect([...files.keys()].filter((path) => path.startsWith("paths/") && path.endsWith(".md"))).toEqual([
      "paths/groups.md",
      "paths/groups/_count.md",
      "paths/groups/{id}.md",
      "paths/groups/{id}/files.md",
      "paths/groups/{id}/files/_count.md",
      "paths/groups/{id}/files/{id}.md",
      "paths/groups/{id}/files/{id}/content.md",
      "paths/groups/{id}/files/{id}/{path}.md",
      "paths/groups/{id}/files/{id}/{path}/content.md",
      "paths/groups/{id}/members.md",
      "paths/groups/{id}/members/_count.md",
      "paths/groups/{id}/members/_ref.md",
      "paths/groups/{id}/members/{id}/_ref.md",
      "paths/groups/{id}/members/microsoft.graph.user.md",
      "paths/groups/{id}/members/microsoft.graph.user/_count.md",
      "paths/groups/{id}/members/{id}.md",
      "paths/groups/{id}/members/{id}/microsoft.graph.user.md",
      "paths/groups/{id}/photo.md",
      "paths/groups/{id}/photo/_value.md",
    ]);
  });

  const pages: [string, string][] = [
    ["paths/groups/_count.md", "$count: a plain-text number, with ConsistencyLevel: eventual for directory objects"],
    ["paths/groups/{id}/members.md", "a non-contained navigation: read, never created, updated or deleted there"],
    ["paths/groups/{id}/members/_ref.md", "$ref: a reference body, 204 No Content"],
    ["paths/groups/{id}/members/{id}/_ref.md", "removing one reference by the target's id"],
    ["paths/groups/{id}/members/microsoft.graph.user.md", "a cast: typed as the derived type"],
    ["paths/groups/{id}/photo/_value.md", "a media entity's $value: download and upload"],
    ["paths/groups/{id}/files/{id}/content.md", "a drive item's content: the upload answers with the driveItem"],
    ["paths/groups/{id}/files/{id}/{path}.md", "a drive item by its path: the path is a parameter too"],
  ];
  for (const [path, what] of pages) {
    it(`documents ${what}`, async () => {
      await expect(files.get(path)).toMatchFileSnapshot(`__snapshots__/requests/${path.slice("paths/".length).replace(/[{}]/g, "").replace(/\//g, "-")}`);
    });
  }

  it("has examples that compile against the client generated from the same metadata", async () => {
    await generate({ ...options, out: join(work, "out"), format: false }, { force: true });
    const examples = codeExamples(site);
    // Among them, a call of each kind of request this metadata has: they are what tsc checks here.
    const calls = [".count({ consistencyLevel: \"eventual\" })", ".addRef(", ".removeRef(", ".asUser.list()", ".photo.content.download()", ".content.upload(content", ".byPath(\"folder/file.txt\")"];
    expect(calls.filter((call) => ![...examples].some((code) => code.includes(call)))).toEqual([]);
    expect(compileExamples(examples, join(work, "examples"), { packageName: "graphgen-output", clientIndex: join(work, "out/src/client/index.ts") })).toBe("");
  });
});

describe("a non-contained navigation its annotations let change", () => {
  const annotated = csdl({
    namespace: "microsoft.graph",
    alias: "graph",
    body: `
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="folder" BaseType="graph.entity">
        <NavigationProperty Name="children" Type="Collection(graph.folder)">
          <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="true" /></Record></Annotation>
        </NavigationProperty>
        <NavigationProperty Name="related" Type="Collection(graph.folder)" />
      </EntityType>
      <EntityContainer Name="GraphService"><EntitySet Name="folders" EntityType="graph.folder" /></EntityContainer>`,
  });
  const dir = join(work, "annotated");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "metadata.xml"), annotated);
  const site = renderSite({ metadata: join(dir, "metadata.xml"), includePaths: ["/folders/*/*"], rootNamespace: "microsoft.graph", cwd: dir });
  const page = (path: string) => site.find((f) => f.path === path)?.content ?? "";
  const readOnly = "changes them only by reference";

  it("documents POST on `children` (Insertable) without calling it read-only; `related` stays read-only", () => {
    expect(page("paths/folders/{id}/children.md")).toContain("## POST `/folders/{folder-id}/children`");
    expect(page("paths/folders/{id}/children.md")).not.toContain(readOnly);
    expect(page("paths/folders/{id}/related.md")).not.toContain("## POST");
    expect(page("paths/folders/{id}/related.md")).toContain(readOnly);
  });
});
