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

/** The attribute forms in the order they are tried: worked out once, not per annotation. */
const constantAttributes = Object.entries(constantParsers);

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
  for (let i = 0; i < constantAttributes.length; i++) {
    const [attribute, parse] = constantAttributes[i]!;
    const text = element.attributes[attribute];
    if (text !== undefined) return parse(text);
  }
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
