// Annotation values in both CSDL notations: attribute form (`String="..."`) and element form (`<Record>`).
import { GraphgenError } from "../errors.js";
import type { AnnotationValue, RawAnnotation } from "./raw.js";
import type { XmlElement } from "./xml.js";

type QualifyName = (name: string) => string;

const constantParsers: Record<string, (text: string) => AnnotationValue> = {
  String: (text) => ({ kind: "string", value: text }),
  Bool: (text) => ({ kind: "bool", value: text === "true" }),
  Int: (text) => ({ kind: "int", value: Number.parseInt(text, 10) }),
  Float: (text) => ({ kind: "float", value: Number.parseFloat(text) }),
  Decimal: (text) => ({ kind: "float", value: Number.parseFloat(text) }),
  EnumMember: (text) => ({ kind: "enumMember", value: text }),
  Path: (text) => ({ kind: "path", value: text }),
  PropertyPath: (text) => ({ kind: "path", value: text }),
  NavigationPropertyPath: (text) => ({ kind: "path", value: text }),
  AnnotationPath: (text) => ({ kind: "path", value: text }),
  Date: (text) => ({ kind: "string", value: text }),
  DateTimeOffset: (text) => ({ kind: "string", value: text }),
  Duration: (text) => ({ kind: "string", value: text }),
  Guid: (text) => ({ kind: "string", value: text }),
  TimeOfDay: (text) => ({ kind: "string", value: text }),
  Binary: (text) => ({ kind: "string", value: text }),
};

/** The attribute forms in order of precedence (when an element has two, the earlier wins), and each one's place. */
const constantAttributes = Object.entries(constantParsers);
const CONSTANT_RANK = new Map(constantAttributes.map(([attribute], rank) => [attribute, rank]));

/** The `<Annotation>` children of an element. */
export function readAnnotations(element: XmlElement, qualify: QualifyName): RawAnnotation[] {
  // An indexed loop rather than filter + map or for...of: this runs for every element, mostly before V8 optimizes
  // it, where for...of allocates an iterator and a result object per child.
  const annotations: RawAnnotation[] = [];
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.name === "Annotation") annotations.push(readAnnotation(child, qualify));
  }
  return annotations;
}

function readAnnotation(element: XmlElement, qualify: QualifyName): RawAnnotation {
  const term = element.attributes.Term;
  if (!term) {
    throw new GraphgenError("<Annotation> has no Term attribute", {
      location: element.location,
      hint: "add Term=\"Namespace.TermName\"",
    });
  }
  return {
    term: qualify(term),
    qualifier: element.attributes.Qualifier,
    value: readValue(element, qualify),
    location: element.location,
  };
}

/** The value of an Annotation or PropertyValue: an attribute constant, or its single expression child. */
function readValue(element: XmlElement, qualify: QualifyName): AnnotationValue {
  // The element's few attributes looked up in the table, rather than the table's sixteen forms in the attributes;
  // the form first in the table's order wins, as when trying them in turn.
  const attributes = element.attributes;
  let rank = -1;
  let text = "";
  for (const name in attributes) {
    const at = CONSTANT_RANK.get(name);
    if (at !== undefined && (rank < 0 || at < rank)) {
      rank = at;
      text = attributes[name]!;
    }
  }
  if (rank >= 0) return constantAttributes[rank]![1](text);
  const expression = element.children.find((child) => child.name !== "Annotation");
  return expression ? readExpression(expression, qualify) : { kind: "bool", value: true };
}

function readExpression(element: XmlElement, qualify: QualifyName): AnnotationValue {
  const constant = constantParsers[element.name];
  if (constant) return constant(element.text);
  switch (element.name) {
    case "Null":
      return { kind: "null" };
    case "Collection":
      return {
        kind: "collection",
        items: element.children.filter((c) => c.name !== "Annotation").map((c) => readExpression(c, qualify)),
      };
    case "Record": {
      const properties: Record<string, AnnotationValue> = {};
      for (const child of element.children) {
        if (child.name !== "PropertyValue" || !child.attributes.Property) continue;
        properties[child.attributes.Property] = readValue(child, qualify);
      }
      const type = element.attributes.Type;
      return { kind: "record", type: type ? qualify(type) : undefined, properties };
    }
    default:
      // Dynamic expressions (If, Apply, LabeledElement...) do not occur in Graph's metadata; keep their text.
      return { kind: "string", value: element.text };
  }
}
