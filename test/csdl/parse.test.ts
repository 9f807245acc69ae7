// The CSDL reader on small documents: every construct graphgen relies on, and its XML-level errors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkWellFormed, isKnownWellFormed, KNOWN_WELL_FORMED } from "../../generator/csdl/well-formed.js";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { csdl, errorText, parseText } from "../support/csdl-builder.js";
import { realMetadata } from "../support/output.js";

const sample = csdl({
  namespace: "contoso.directory",
  alias: "dir",
  body: `
      <EnumType Name="color" IsFlags="true">
        <Member Name="red" Value="1" />
        <Member Name="blue" Value="2" />
      </EnumType>
      <TypeDefinition Name="shortText" UnderlyingType="Edm.String" MaxLength="40" />
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="dir.entity" OpenType="true" HasStream="true">
        <Property Name="tags" Type="Collection(dir.shortText)" />
        <Property Name="price" Type="Edm.Decimal" Precision="10" Scale="2" />
        <Property Name="hue" Type="dir.color">
          <Annotation Term="Org.OData.Core.V1.Description" String="Colour &amp; shade &lt;flags&gt;&#x41;" />
        </Property>
        <NavigationProperty Name="parts" Type="Collection(dir.widget)" ContainsTarget="true" />
      </EntityType>
      <Action Name="paint" IsBound="true">
        <Parameter Name="bindingParameter" Type="dir.widget" />
        <Parameter Name="hue" Type="dir.color" Nullable="false" />
        <ReturnType Type="dir.widget" />
      </Action>
      <Function Name="count" IsComposable="true">
        <ReturnType Type="Edm.Int32" Nullable="false" />
      </Function>
      <EntityContainer Name="service">
        <EntitySet Name="widgets" EntityType="dir.widget">
          <NavigationPropertyBinding Path="parts" Target="widgets" />
        </EntitySet>
        <Singleton Name="favourite" Type="dir.widget" />
        <FunctionImport Name="count" Function="dir.count" />
      </EntityContainer>
      <Annotations Target="dir.widget/tags">
        <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
        <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions">
          <Record><PropertyValue Property="Insertable" Bool="false" /></Record>
        </Annotation>
      </Annotations>`,
});

describe("parseCsdl", () => {
  it("reads every construct with aliases expanded and facets kept", () => {
    const doc = parseText(sample);
    expect(doc.version).toBe("4.0");
    const schema = doc.schemas[0]!;
    expect(schema.namespace).toBe("contoso.directory");
    expect(schema.alias).toBe("dir");
    const widget = schema.entityTypes.find((t) => t.name === "widget")!;
    expect(widget).toMatchObject({ baseType: "contoso.directory.entity", openType: true, hasStream: true, abstract: false });
    expect(widget.properties.map((p) => [p.name, p.type, p.precision, p.scale])).toEqual([
      ["tags", "Collection(contoso.directory.shortText)", undefined, undefined],
      ["price", "Edm.Decimal", "10", "2"],
      ["hue", "contoso.directory.color", undefined, undefined],
    ]);
    expect(widget.properties[2]!.annotations[0]).toMatchObject({
      term: "Org.OData.Core.V1.Description",
      value: { kind: "string", value: "Colour & shade <flags>A" },
    });
    expect(widget.navigationProperties[0]).toMatchObject({ name: "parts", containsTarget: true, type: "Collection(contoso.directory.widget)" });
    expect(schema.entityTypes[0]!.key).toEqual(["id"]);
    expect(schema.enumTypes[0]).toMatchObject({ isFlags: true, members: [{ name: "red", value: "1" }, { name: "blue", value: "2" }] });
    expect(schema.typeDefinitions[0]).toMatchObject({ underlyingType: "Edm.String", maxLength: "40" });
    expect(schema.operations.map((o) => [o.kind, o.name, o.isBound, o.returnType?.type])).toEqual([
      ["action", "paint", true, "contoso.directory.widget"],
      ["function", "count", false, "Edm.Int32"],
    ]);
    const container = schema.entityContainers[0]!;
    expect(container.entitySets[0]).toMatchObject({ name: "widgets", entityType: "contoso.directory.widget", bindings: [{ path: "parts", target: "widgets" }] });
    expect(container.singletons[0]).toMatchObject({ name: "favourite", type: "contoso.directory.widget" });
    expect(container.operationImports[0]).toMatchObject({ kind: "function", operation: "contoso.directory.count" });
    expect(schema.annotationBlocks[0]!.target).toBe("contoso.directory.widget/tags");
    expect(schema.annotationBlocks[0]!.annotations[1]!.value).toEqual({
      kind: "record",
      type: undefined,
      properties: { Insertable: { kind: "bool", value: false } },
    });
  });

  it("records the line and column of each element", () => {
    const doc = parseText(sample, "sample.xml");
    const widget = doc.schemas[0]!.entityTypes[1]!;
    expect(widget.location).toEqual({ file: "sample.xml", line: 15, column: 7 });
  });

  it("places elements after comments, CDATA, processing instructions, CRLF line ends and a quoted < or > in an attribute", () => {
    const text = [
      '<?xml version="1.0"?>',
      '<!-- <Schema Namespace="commented.out"> -->',
      '<edmx:Edmx Version="4.0"><edmx:DataServices>',
      '  <?pi <EntityType Name="not.one"> ?>',
      '  <Schema Namespace="a" Alias="x&lt;y"><EntityType Name="one"><Annotation Term="t.T" String="<b>"/>',
      "    <![CDATA[ <EntityType Name=\"nor.this\"> ]]></EntityType><EntityType Name='two' /></Schema>",
      '  <Schema Namespace="b"><ComplexType Name="three" /></Schema>',
      "</edmx:DataServices></edmx:Edmx>",
    ].join("\r\n");
    const [a, b] = parseText(text, "places.xml").schemas;
    const at = (located: { location: { line: number; column: number } } | undefined) => located && [located.location.line, located.location.column];
    expect([at(a), at(a?.entityTypes[0]), at(a?.entityTypes[0]?.annotations[0]), at(a?.entityTypes[1]), at(b), at(b?.complexTypes[0])]).toEqual([
      [5, 3],
      [5, 40],
      [5, 63],
      [6, 60],
      [7, 3],
      [7, 25],
    ]);
  });

  it("reads an element's text as its pieces joined: trimmed, entities replaced, CDATA as it is, child elements left out", () => {
    const annotation = (term: string, inner: string) => `<Annotation Term="${term}">${inner}</Annotation>`;
    const body = `<ComplexType Name="one"><Property Name="p" Type="Edm.String">${[
      annotation("t.A", "<String> a &amp; <![CDATA[ <b> ]]> c </String>"),
      annotation("t.B", `<String>x <Annotation Term="t.Inner"><String>inner</String></Annotation> y</String>`),
      annotation("t.C", "<Collection><String>one</String>\n  <String/><String>&#x41;&lt;</String></Collection>"),
    ].join("")}</Property></ComplexType>`;
    const property = parseText(csdl({ namespace: "a", body })).schemas[0]!.complexTypes[0]!.properties[0]!;
    expect(property.annotations.map((a) => [a.term, a.value])).toEqual([
      ["t.A", { kind: "string", value: "a & <b> c" }],
      ["t.B", { kind: "string", value: "xy" }],
      ["t.C", { kind: "collection", items: [{ kind: "string", value: "one" }, { kind: "string", value: "" }, { kind: "string", value: "A<" }] }],
    ]);
  });

  it("reads an annotation given two constant attributes by the earlier form of the CSDL list, whatever their order", () => {
    const annotations = [
      `<Annotation Term="t.A" Bool="true" String="text" />`,
      `<Annotation Term="t.B" Path="a/b" Int="3" />`,
      `<Annotation Term="t.C" EnumMember="x.y/z" Float="1.5" />`,
      `<Annotation Term="t.D" Qualifier="q" Guid="g" />`,
    ].join("");
    const body = `<ComplexType Name="one">${annotations}</ComplexType>`;
    const type = parseText(csdl({ namespace: "a", body })).schemas[0]!.complexTypes[0]!;
    expect(type.annotations.map((a) => [a.term, a.value])).toEqual([
      ["t.A", { kind: "string", value: "text" }],
      ["t.B", { kind: "int", value: 3 }],
      ["t.C", { kind: "float", value: 1.5 }],
      ["t.D", { kind: "string", value: "g" }],
    ]);
  });

  it("rejects a DOCTYPE in any case, after other <! markup, at its place", () => {
    expect(errorText(() => parseText("<?xml version=\"1.0\"?>\n<!-- <!DOCTYP -->\n  <!docType edmx [ ]>\n<edmx:Edmx Version=\"4.0\"/>", "doc.xml"))).toBe(
      "doc.xml:3:3: DOCTYPE declarations are not allowed in CSDL\n" +
        "  fix: remove the <!DOCTYPE ...> block; graphgen never expands entities or fetches external ones",
    );
  });

  it("accepts a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(parseText(new TextDecoder().decode(bytes)).schemas).toHaveLength(1);
  });

  it("reports malformed XML with line and column", () => {
    expect(errorText(() => parseText("<edmx:Edmx Version=\"4.0\">\n  <Schema>\n</edmx:Edmx>", "bad.xml"))).toBe(
      "bad.xml:3:1: malformed XML: Expected closing tag 'Schema' (opened in line 2, col 3) instead of closing tag 'edmx:Edmx'.\n" +
        "  fix: fix the XML at that position (a truncated download is a common cause)",
    );
  });

  it("rejects a document that is not CSDL, and unsupported versions", () => {
    expect(errorText(() => parseText("<html><body/></html>", "page.xml"))).toBe(
      "page.xml:1:1: expected a CSDL document with root element <edmx:Edmx>, found <html>\n" +
        "  fix: point --metadata at a Graph $metadata document (CSDL XML)",
    );
    expect(errorText(() => parseText(sample.replace('Version="4.0"', 'Version="3.0"'), "v3.xml"))).toBe(
      'v3.xml:2:1: unsupported CSDL version "3.0"; graphgen reads OData CSDL 4.0 and 4.01\n' +
        "  fix: use the OData v4 metadata (Graph's /v1.0/$metadata or /beta/$metadata)",
    );
  });

  it("rejects an alias defined twice, naming both places", () => {
    const text = csdl({ namespace: "a.one", alias: "x", body: "" }, { namespace: "a.two", alias: "x", body: "" });
    expect(errorText(() => parseText(text, "alias.xml"))).toBe(
      'alias.xml:7:5: the alias "x" is defined twice (for a.one and a.two)\n' +
        "  other definition: alias.xml:4:5\n" +
        "  fix: aliases must be unique within a document; rename one of them",
    );
  });

  it("checks a large document on a worker thread with the same verdict as the validator", () => {
    // A truncated download: the real file cut in the middle of an element.
    const truncated = readFileSync(realMetadata).subarray(0, 2_000_000);
    const text = new TextDecoder().decode(truncated); // drops the BOM, as graphgen does
    const verdict = checkWellFormed(text);
    if (verdict === true) throw new Error("the truncated file should not be well-formed");
    expect(errorText(() => parseCsdl(truncated, "cut.xml"))).toBe(
      `cut.xml:${verdict.line}:${verdict.col}: malformed XML: ${verdict.msg}\n` +
        "  fix: fix the XML at that position (a truncated download is a common cause)",
    );
  });

  it("skips the check only for the shipped metadata's exact bytes, which are well-formed", () => {
    const shipped = readFileSync(realMetadata);
    expect(KNOWN_WELL_FORMED.get(shipped.length)).toBeDefined();
    expect(isKnownWellFormed(shipped)).toBe(true);
    expect(checkWellFormed(new TextDecoder().decode(shipped))).toBe(true);
    // One byte changed, same length: checked again, and the damage is reported.
    const edited = Buffer.from(shipped);
    edited[edited.indexOf("<Schema")] = "[".charCodeAt(0);
    expect(isKnownWellFormed(edited)).toBe(false);
    expect(() => parseCsdl(edited, "edited.xml")).toThrow(/^malformed XML/);
  });
});
