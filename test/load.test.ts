// loadModel remembers the models of the last inputs it loaded: the same bytes under the same names give the same
// (frozen) model without a parse; other bytes, another name or another overlay give a model of their own.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsdl } from "../generator/csdl/parse.js";
import { forgetLoadedModels, loadModel, loadModelFrom } from "../generator/load.js";
import type { StructuredType } from "../generator/model/types.js";
import { csdl } from "./support/csdl-builder.js";
import { tempDir } from "./support/output.js";

const work = tempDir("load");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a document with one complex type of the given properties at `path` (under the work folder). */
function writeMetadata(path: string, ...properties: string[]): string {
  const body = `<ComplexType Name="identity">${properties.map((p) => `<Property Name="${p}" Type="Edm.String" />`).join("")}</ComplexType>`;
  mkdirSync(join(work, path, ".."), { recursive: true });
  writeFileSync(join(work, path), csdl({ namespace: "microsoft.graph", alias: "graph", body }));
  return join(work, path);
}

const identity = (metadata: string, overlays: string[] = []) => loadModel(metadata, overlays, work).model.types.get("microsoft.graph.identity") as StructuredType;

describe("loadModel", () => {
  it("returns the model it built for the same bytes, names and overlays, without parsing again", () => {
    const metadata = writeMetadata("same.xml", "displayName");
    const timings = { parse: -1, model: -1 };
    const first = loadModel(metadata, [], work);
    const again = loadModel(metadata, [], work, timings);
    expect(again.model).toBe(first.model);
    expect(again.inputHashes).toEqual(first.inputHashes);
    expect(timings.model).toBe(0);
  });

  it("parses again after forgetLoadedModels, so a determinism test's second run reads the file afresh", () => {
    const metadata = writeMetadata("forgotten.xml", "displayName");
    const first = loadModel(metadata, [], work).model;
    forgetLoadedModels();
    const again = loadModel(metadata, [], work).model;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("builds a new model when the file's bytes change under the same name", () => {
    const metadata = writeMetadata("edited.xml", "displayName");
    expect(identity(metadata).properties.map((p) => p.name)).toEqual(["displayName"]);
    writeMetadata("edited.xml", "displayName", "id");
    expect(identity(metadata).properties.map((p) => p.name)).toEqual(["displayName", "id"]);
  });

  it("builds a model of its own for the same bytes under another name: its locations name that file", () => {
    const one = writeMetadata("one/metadata.xml", "displayName");
    const other = writeMetadata("other/metadata.xml", "displayName");
    expect(identity(one).location.file).toBe("one/metadata.xml");
    expect(identity(other).location.file).toBe("other/metadata.xml");
  });

  it("builds a new model when an overlay is added or changes", () => {
    const metadata = writeMetadata("base.xml", "displayName");
    const overlay = join(work, "descriptions.json");
    writeFileSync(overlay, JSON.stringify({ descriptions: { "microsoft.graph.identity/displayName": "The name shown." } }));
    const plain = identity(metadata);
    const described = identity(metadata, [overlay]);
    expect(plain.properties[0]?.description).toBeUndefined();
    expect(described.properties[0]?.description).toBe("The name shown.");
    writeFileSync(overlay, JSON.stringify({ descriptions: { "microsoft.graph.identity/displayName": "Another name." } }));
    expect(identity(metadata, [overlay]).properties[0]?.description).toBe("Another name.");
  });

  it("keeps only the last six inputs' models", () => {
    const [a, ...others] = ["a.xml", "b.xml", "c.xml", "d.xml", "e.xml", "f.xml", "g.xml"].map((name) => writeMetadata(name, "id"));
    const first = loadModel(a!, [], work).model;
    for (const other of others.slice(0, 5)) loadModel(other, [], work);
    expect(loadModel(a!, [], work).model).toBe(first);
    for (const other of others) loadModel(other, [], work);
    expect(loadModel(a!, [], work).model).not.toBe(first);
  });

  it("loads bytes already read under the name given, with the parser given; the same bytes and name again are not parsed", () => {
    const bytes = readFileSync(writeMetadata("download.xml", "displayName"));
    const parsed: string[] = [];
    const parse = (input: Buffer, name: string) => (parsed.push(name), parseCsdl(input, name));
    const first = loadModelFrom({ bytes, name: "https://example.com/new.xml" }, [], work, { parse }).model;
    const again = loadModelFrom({ bytes, name: "https://example.com/new.xml" }, [], work, { parse }).model;
    expect(again).toBe(first);
    expect(parsed).toEqual(["https://example.com/new.xml"]);
    expect((first.types.get("microsoft.graph.identity") as StructuredType).location.file).toBe("https://example.com/new.xml");
  });

  it("hands out a frozen model, so no stage can change what another run of the process reads", () => {
    const type = identity(writeMetadata("frozen.xml", "displayName"));
    expect(() => (type.properties as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(type, { name: "changed" })).toThrow(TypeError);
  });

  it("freezes what the model's maps and arrays hold, down to the annotation values and places", () => {
    const path = join(work, "frozen-deep.xml");
    const revisions = `<Annotation Term="Org.OData.Core.V1.Revisions"><Collection><Record><PropertyValue Property="Kind" EnumMember="Org.OData.Core.V1.RevisionKind/Deprecated" /></Record></Collection></Annotation>`;
    const body = `<ComplexType Name="identity"><Property Name="x" Type="Edm.String">${revisions}</Property></ComplexType>`;
    writeFileSync(path, csdl({ namespace: "microsoft.graph", alias: "graph", body }));
    const property = identity(path).properties[0]!;
    const value = property.annotations.get("Org.OData.Core.V1.Revisions");
    expect(value?.kind).toBe("collection");
    if (value?.kind !== "collection") return;
    const record = value.items[0]!;
    for (const object of [property.location, property.type, property.deprecation, value, value.items, record]) expect(Object.isFrozen(object)).toBe(true);
    if (record.kind === "record") expect(Object.isFrozen(record.properties.Kind)).toBe(true);
  });
});
