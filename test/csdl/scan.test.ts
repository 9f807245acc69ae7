// The one-pass XML reader (generator/csdl/scan.ts) against fast-xml-parser and its validator: what it
// accepts is well-formed and reads the same, element for element, positions included; what it gives up
// on goes the validator's way, so malformed files are still reported with their line and column.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scanXml } from "../../generator/csdl/scan.js";
import { parseValidated, parseXml } from "../../generator/csdl/xml.js";
import { checkWellFormed } from "../../generator/csdl/well-formed.js";
import { errorText } from "../support/csdl-builder.js";
import { realMetadata } from "../support/output.js";

const text = (path: string) => new TextDecoder().decode(readFileSync(path));

/** Plain CSDL with the rarer things the reader takes: a declaration, comments, entities, CRLF, single quotes. */
const sample = [
  `<?xml version="1.0" encoding="utf-8"?>`,
  `<!-- before the root -->`,
  `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">`,
  `  <edmx:DataServices>\r`,
  `    <Schema Namespace="contoso" Alias='c' xmlns="http://docs.oasis-open.org/odata/ns/edm">\r`,
  `      <ComplexType Name="widget" >`,
  `        <Property Name="hue" Type="Edm.String"\n          Nullable="false"/>`,
  `        <Annotation Term="Org.OData.Core.V1.Description" String=" Colour &amp; shade &lt;flags&gt;&#x41;&#10;&#65;&quot;&apos; " />`,
  `      </ComplexType>`,
  `      <Annotations Target="contoso.widget">`,
  `        <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">`,
  `          <Collection><String> contoso.a &amp; b </String><!-- inside --><String>x <!-- in text --> y</String></Collection>`,
  `        </Annotation>`,
  `      </Annotations>`,
  `    </Schema>`,
  `  </edmx:DataServices>`,
  `</edmx:Edmx >`,
  `<!-- after -->`,
  ``,
].join("\n");

describe("the one-pass XML reader", () => {
  it("reads Graph v1.0 and the overlay as fast-xml-parser does, positions included", () => {
    for (const path of [realMetadata, "metadata/overlay.xml"]) {
      const xml = text(path);
      const scanned = scanXml(xml, "f.xml");
      expect(scanned, path).toBeDefined();
      expect(scanned).toEqual(parseValidated(xml, "f.xml"));
    }
  });

  it("reads a declaration, comments, entities, CRLF and single quotes as fast-xml-parser does", () => {
    const scanned = scanXml(sample, "s.xml");
    expect(scanned).toBeDefined();
    expect(scanned).toEqual(parseValidated(sample, "s.xml"));
  });

  it("gives up on what it does not read, which fast-xml-parser then reads", () => {
    for (const xml of [
      `<a><![CDATA[x]]></a>`,
      `<a b="&nbsp;"/>`,
      `<a>&copy;</a>`,
      `<a b = "1"/>`,
      `<a><?pi x?></a>`,
      `<a>&#0;</a>`,
      `<a b="x<y"/>`,
      `<a><!-- a -- b --></a>`,
    ]) {
      expect(scanXml(xml, "x.xml"), xml).toBeUndefined();
      expect(() => parseXml(new TextEncoder().encode(xml), "x.xml"), xml).not.toThrow();
    }
  });

  it("accepts nothing malformed: every one-character change of the sample is either malformed for both or read the same", () => {
    const inserts = ["<", ">", "&", '"', "'", "/", "=", " ", "-", "!", "?", ";", "#", "x", ":", "\r"];
    let accepted = 0;
    let rejected = 0;
    for (let at = 0; at <= sample.length; at++) {
      const variants = [sample.slice(0, at) + sample.slice(at + 1), ...inserts.map((c) => sample.slice(0, at) + c + sample.slice(at))];
      for (const xml of variants) {
        const scanned = scanXml(xml, "m.xml");
        if (scanned === undefined) {
          rejected += 1;
          continue;
        }
        accepted += 1;
        expect(checkWellFormed(xml), xml).toBe(true);
        expect(scanned, xml).toEqual(parseValidated(xml, "m.xml"));
      }
    }
    // Both ways are taken many times.
    expect(accepted).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });

  it("still reports malformed XML with the validator's line and column", () => {
    const cut = sample.slice(0, sample.indexOf("</Schema>"));
    const verdict = checkWellFormed(cut);
    if (verdict === true) throw new Error("the cut sample should not be well-formed");
    expect(errorText(() => parseXml(new TextEncoder().encode(cut), "cut.xml"))).toBe(
      `cut.xml:${verdict.line}:${verdict.col}: malformed XML: ${verdict.msg}\n` +
        "  fix: fix the XML at that position (a truncated download is a common cause)",
    );
  });
});
