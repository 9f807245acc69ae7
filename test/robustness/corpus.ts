// The bad-input corpus: each case is a metadata (or overlay) file a user could hand graphgen,
// with the exact message graphgen must answer. Shared by the corpus test and nothing else.
import { csdl } from "../support/csdl-builder.js";

export interface BadInput {
  readonly name: string;
  readonly metadata: string | Uint8Array;
  readonly overlay?: string;
  readonly include?: string;
  /** stderr, pinned. */
  readonly message: string;
}

const ns = (body: string) => csdl({ namespace: "contoso", alias: "c", body });

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="a"><Property Name="b" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description" String="&lol3;" /></Property></ComplexType></Schema>
</edmx:DataServices></edmx:Edmx>`;

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="a"><Property Name="b" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description" String="&xxe;" /></Property></ComplexType></Schema>
</edmx:DataServices></edmx:Edmx>`;

const invalidUtf8 = new Uint8Array([...new TextEncoder().encode(ns(`<ComplexType Name="caf`)), 0xc3, 0x28, ...new TextEncoder().encode(`" />`)]);

export const BAD_INPUTS: readonly BadInput[] = [
  { name: "malformed XML", metadata: ns(`<ComplexType Name="a">`), message:
      "graphgen: error: metadata.xml:6:5: malformed XML: Expected closing tag 'ComplexType' (opened in line 5, col 1) instead of closing tag 'Schema'.\n" +
      "  fix: fix the XML at that position (a truncated download is a common cause)\n" },
  { name: "an empty file", metadata: "", message:
      "graphgen: error: metadata.xml:1:1: the file is empty; expected a CSDL document (<edmx:Edmx Version=\"4.0\">)\n" +
      "  fix: point --metadata at a Graph $metadata document\n" },
  { name: "a non-CSDL XML document", metadata: `<?xml version="1.0"?>\n<project><name>x</name></project>`, message:
      "graphgen: error: metadata.xml:2:1: expected a CSDL document with root element <edmx:Edmx>, found <project>\n" +
      "  fix: point --metadata at a Graph $metadata document (CSDL XML)\n" },
  { name: "an unsupported CSDL version", metadata: ns("").replace('Version="4.0"', 'Version="1.0"'), message:
      "graphgen: error: metadata.xml:2:1: unsupported CSDL version \"1.0\"; graphgen reads OData CSDL 4.0 and 4.01\n" +
      "  fix: use the OData v4 metadata (Graph's /v1.0/$metadata or /beta/$metadata)\n" },
  { name: "invalid UTF-8", metadata: invalidUtf8, message:
      "graphgen: error: metadata.xml:9:1: invalid UTF-8 byte 0xc3 at byte offset 305\n" +
      "  fix: CSDL must be UTF-8; re-save or re-download the file as UTF-8\n" },
  { name: "entity expansion (billion laughs)", metadata: billionLaughs, message:
      "graphgen: error: metadata.xml:2:1: DOCTYPE declarations are not allowed in CSDL\n" +
      "  fix: remove the <!DOCTYPE ...> block; graphgen never expands entities or fetches external ones\n" },
  { name: "an external entity", metadata: externalEntity, message:
      "graphgen: error: metadata.xml:2:1: DOCTYPE declarations are not allowed in CSDL\n" +
      "  fix: remove the <!DOCTYPE ...> block; graphgen never expands entities or fetches external ones\n" },
  { name: "a reference to an unknown type", metadata: ns(`<ComplexType Name="a">\n        <Property Name="b" Type="c.nowhere" />\n      </ComplexType>`), message:
      "graphgen: error: metadata.xml:6:9: unknown type \"contoso.nowhere\" referenced by property contoso.a/b\n" +
      "  fix: fix the type name, define the type, or add it in an overlay (--overlay)\n" },
  { name: "a base-type cycle", metadata: ns(`<EntityType Name="a" BaseType="c.b" />\n      <EntityType Name="b" BaseType="c.a" />`), message:
      "graphgen: error: metadata.xml:5:1: base type cycle: contoso.a -> contoso.b -> contoso.a\n" +
      "  fix: a type cannot derive from itself, directly or through other types; fix one BaseType\n" },
  { name: "a type defined twice in one schema", metadata: ns(`<ComplexType Name="a" />\n      <ComplexType Name="a" />`), message:
      "graphgen: error: metadata.xml:6:7: the type contoso.a is defined twice\n" +
      "  other definition: metadata.xml:5:1\n" +
      "  fix: type names must be unique within a namespace; remove or rename one definition\n" },
  { name: "an alias defined twice", metadata: csdl({ namespace: "one", alias: "x", body: "" }, { namespace: "two", alias: "x", body: "" }), include: "one.a", message:
      "graphgen: error: metadata.xml:7:5: the alias \"x\" is defined twice (for one and two)\n" +
      "  other definition: metadata.xml:4:5\n" +
      "  fix: aliases must be unique within a document; rename one of them\n" },
  { name: "a type name built to escape the output folder", metadata: ns(`<ComplexType Name="../../evil" />`), message:
      "graphgen: error: metadata.xml:5:1: <ComplexType Name=\"../../evil\"> is not a valid CSDL name: identifiers of letters, digits and _ (not starting with a digit) are allowed\n" +
      "  fix: rename it, e.g. Name=\"evil\"\n" },
  { name: "an absolute namespace path", metadata: csdl({ namespace: "/etc/passwd", body: `<ComplexType Name="a" />` }), include: "a", message:
      "graphgen: error: metadata.xml:4:5: <Schema Namespace=\"/etc/passwd\"> is not a valid CSDL namespace: dot-separated identifiers of letters, digits and _ (not starting with a digit) are allowed\n" +
      "  fix: rename it, e.g. Namespace=\"etcpasswd\"\n" },
  { name: "a type name starting with a digit", metadata: ns(`<ComplexType Name="3d" />`), message:
      "graphgen: error: metadata.xml:5:1: <ComplexType Name=\"3d\"> is not a valid CSDL name: identifiers of letters, digits and _ (not starting with a digit) are allowed\n" +
      "  fix: rename it, e.g. Name=\"_3d\"\n" },
  {
    name: "an overlay that contradicts the base metadata",
    metadata: ns(`<ComplexType Name="a">\n        <Property Name="b" Type="Edm.String" />\n      </ComplexType>`),
    overlay: ns(`<ComplexType Name="a">\n        <Property Name="b" Type="Edm.Int32" Nullable="false" />\n      </ComplexType>`),
    message:
      "graphgen: error: overlay.xml:6:9: the overlay redefines contoso.a/b with type Edm.Int32, but the base metadata has type Edm.String\n" +
      "  other definition: metadata.xml:6:9\n" +
      "  fix: an overlay may add properties, not change existing ones; remove it from the overlay or make it match\n",
  },
];
