import { readFileSync } from "node:fs";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { withCharacterReferences } from "../../generator/csdl/one-byte.js";

/** V8's serializer tags a one-byte string '"' and a two-byte one 'c' (after its 2-byte header). */
const storedInOneByte = (s: string): boolean => serialize(s)[2] === 0x22;

const parse = (xml: string) =>
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    htmlEntities: true,
    trimValues: true,
  }).parse(xml);

describe("withCharacterReferences", () => {
  it("writes characters above U+00FF in attribute values and text as references, and stores the text in one byte", () => {
    const xml = `<a x="it’s – “quoted”" y='é’'>a ’ b<b/>c😀</a>`;
    const out = withCharacterReferences(xml);
    expect(out).toBe(`<a x="it&#8217;s &#8211; &#8220;quoted&#8221;" y='é&#8217;'>a &#8217; b<b/>c&#128512;</a>`);
    expect(storedInOneByte(xml)).toBe(false);
    expect(storedInOneByte(out)).toBe(true);
    // The parser reads the same document from either text.
    expect(parse(out)).toEqual(parse(xml));
  });

  it("after an end tag and after a start tag holding a quoted '>', the character is text", () => {
    const xml = `<a><b x="1>2"/>’</a>`;
    expect(withCharacterReferences(xml)).toBe(`<a><b x="1>2"/>&#8217;</a>`);
    expect(withCharacterReferences(`<a><b></b>’</a>`)).toBe(`<a><b></b>&#8217;</a>`);
  });

  it("leaves the document as it is when a reference would not mean the same", () => {
    for (const xml of [
      `<a’ x="1"/>`, // an element name
      `<a x’="1"/>`, // an attribute name
      `<a></a’>`, // an end tag
      `<a><!-- ’ --></a>`, // a comment
      `<a><?pi ’ ?></a>`, // a processing instruction
      `<a><![CDATA[ <b> ’ ]]></a>`, // a CDATA section, wherever the character is
      `<a x="’"><![CDATA[ x ]]></a>`,
      `’<a/>`, // before the first element
    ]) {
      expect(withCharacterReferences(xml), xml).toBe(xml);
    }
  });

  it("in a comment that holds a tag, a reference is harmless: the parser skips comments", () => {
    const xml = `<a x="1"><!-- <b> ’ --></a>`;
    expect(withCharacterReferences(xml)).toBe(`<a x="1"><!-- <b> &#8217; --></a>`);
    expect(parse(withCharacterReferences(xml))).toEqual(parse(xml));
  });

  it("reads a document with more than a thousand such characters as it is", () => {
    const many = `<a x="${"’".repeat(1001)}"/>`;
    expect(withCharacterReferences(many)).toBe(many);
    const enough = `<a x="${"’".repeat(1000)}"/>`;
    expect(withCharacterReferences(enough)).toBe(`<a x="${"&#8217;".repeat(1000)}"/>`);
  });

  it("returns a text without such characters unchanged", () => {
    const xml = `<a x="é"/>`;
    expect(withCharacterReferences(xml)).toBe(xml);
  });

  it("on Graph's v1.0 metadata: all 26 characters are in attribute values, the result is one-byte and parses to the same tree", () => {
    const text = new TextDecoder().decode(
      readFileSync(new URL("../../metadata/v1.0-cleanMetadata.xml", import.meta.url)),
    );
    const out = withCharacterReferences(text);
    expect(out).not.toBe(text);
    expect(out.match(/&#\d+;/g)?.length).toBe((text.match(/&#\d+;/g)?.length ?? 0) + 26);
    expect(storedInOneByte(out)).toBe(true);
    expect(parse(out)).toEqual(parse(text));
  });
});
