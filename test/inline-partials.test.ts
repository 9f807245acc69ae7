// Partials written into their callers before compiling (generator/inline-partials.ts): the inlined template's
// text, and that it renders what the partial call renders; a call it cannot follow stays a call.
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { inlinePartials } from "../generator/inline-partials.js";

const DOC = "{{#if this.length}}\n/**\n{{#each this}}\n *{{#if this}} {{this}}{{/if}}\n{{/each}}\n */\n{{/if}}\n";
const partials = new Map([
  ["doc", DOC],
  ["header", "// header\n"],
  ["imports", "{{#each this}}\n{{{line}}}\n{{/each}}\n"],
  ["parent", "{{#each this}}\n{{../name}}\n{{/each}}\n"],
  ["fallback", "{{#each this}}\n{{this}}\n{{else}}\nnone\n{{/each}}\n"],
]);

/** Renders `source` strictly, with the partials registered as Handlebars' own. */
function render(source: string, view: object): string {
  const env = Handlebars.create();
  for (const [name, partial] of partials) env.registerPartial(name, partial);
  return env.compile(source, { noEscape: true, strict: true, knownHelpersOnly: true, data: false })(view);
}

describe("inlinePartials", () => {
  it("writes a call's partial into the template, indented as the call and reading its context's fields", () => {
    const source = "{{> header}}\n{{> imports imports}}\nexport interface A {\n{{#each members}}\n  {{> doc doc}}\n  {{key}}: string;\n{{/each}}\n}\n";
    expect(inlinePartials(source, partials)).toBe(
      [
        "// header",
        "{{#each imports}}",
        "{{{line}}}",
        "{{/each}}",
        "export interface A {",
        "{{#each members}}",
        "  {{#if doc.length}}",
        "  /**",
        "  {{#each doc}}",
        "   *{{#if this}} {{this}}{{/if}}",
        "  {{/each}}",
        "   */",
        "  {{/if}}",
        "  {{key}}: string;",
        "{{/each}}",
        "}",
        "",
      ].join("\n"),
    );
    const view = {
      imports: [{ line: 'import type {\n  B,\n  C,\n} from "./b.js";' }],
      members: [
        { doc: ["First line.", "", "@see x"], key: "a" },
        { doc: [], key: "b" },
      ],
    };
    expect(render(inlinePartials(source, partials), view)).toBe(render(source, view));
    expect(render(source, view)).toContain('  /**\n   * First line.\n   *\n   * @see x\n   */\n  a: string;\n  b: string;\n');
  });

  it("renders every partial call of the module templates as the call does, a partial's last line without a break included", () => {
    const source = "{{> doc doc}}\n  {{> header}}";
    const view = { doc: ["One.", ""] };
    expect(inlinePartials(source, partials)).toBe(`${DOC.replace("this.length", "doc.length").replace("each this", "each doc")}  // header\n`);
    expect(render(inlinePartials(source, partials), view)).toBe(render(source, view));
  });

  it("leaves a call it cannot follow as a call: a parent path, an each's else, a call within a line, an unknown partial", () => {
    for (const source of ["{{> parent items}}\n", "{{> fallback items}}\n", "export {{> header}}\n", "{{> missing items}}\n", "{{> doc doc key=1}}\n"]) {
      expect(inlinePartials(source, partials)).toBe(source);
    }
    const view = { name: "n", items: [] };
    expect(render(inlinePartials("{{> fallback items}}\n", partials), view)).toBe("none\n");
  });
});
