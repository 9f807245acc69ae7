// fast-check arbitraries for random but valid CSDL documents: types with inheritance, enums (flags
// too), collections, nullability, navigation properties, bound actions and awkward names.
import fc from "fast-check";
import { csdl } from "../support/csdl-builder.js";

const PRIMITIVES = [
  "Edm.String", "Edm.Boolean", "Edm.Int32", "Edm.Int64", "Edm.Double", "Edm.Decimal", "Edm.Guid", "Edm.Date",
  "Edm.DateTimeOffset", "Edm.Duration", "Edm.TimeOfDay", "Edm.Binary", "Edm.Untyped", "Edm.Stream", "Edm.GeographyPoint",
];
/** Property names a real service may use: reserved words, invalid identifiers, prototype names. */
const AWKWARD_NAMES = ["default", "class", "3d", "client-request-id", "$value", "__proto__", "constructor", "type", "null", "toString"];

const identifier = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,10}$/);
const propertyName = fc.oneof(identifier, fc.constantFrom(...AWKWARD_NAMES));
const text = fc.string({ maxLength: 40, unit: "grapheme" });

function xmlAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#xD;")
    .replace(/\n/g, "&#xA;")
    .replace(/\t/g, "&#x9;");
}

interface TypeSpec {
  kind: "entity" | "complex" | "enum";
  abstract: boolean;
  open: boolean;
  flags: boolean;
  baseIndex: number;
  members: string[];
  properties: { name: string; typeIndex: number; collection: boolean; nullable: boolean; description: string }[];
  navigation: { name: string; typeIndex: number; collection: boolean }[];
  action: { name: string; typeIndex: number } | null;
}

const typeSpec: fc.Arbitrary<TypeSpec> = fc.record({
  kind: fc.constantFrom("entity" as const, "complex" as const, "enum" as const),
  abstract: fc.boolean(),
  open: fc.boolean(),
  flags: fc.boolean(),
  baseIndex: fc.nat(20),
  members: fc.uniqueArray(identifier, { maxLength: 4 }),
  properties: fc.uniqueArray(
    fc.record({ name: propertyName, typeIndex: fc.nat(40), collection: fc.boolean(), nullable: fc.boolean(), description: text }),
    { maxLength: 5, selector: (p) => p.name },
  ),
  navigation: fc.uniqueArray(fc.record({ name: identifier.map((n) => `Nav${n}`), typeIndex: fc.nat(20), collection: fc.boolean() }), {
    maxLength: 2,
    selector: (p) => p.name,
  }),
  action: fc.option(fc.record({ name: identifier.map((n) => `Do${n}`), typeIndex: fc.nat(40) })),
});

/** A CSDL document of 1 to 8 types in the namespace `fuzz`, as XML text. */
export const csdlDocument: fc.Arbitrary<string> = fc.array(typeSpec, { minLength: 1, maxLength: 8 }).map(render);

function render(specs: TypeSpec[]): string {
  const names = specs.map((s, i) => `${s.kind === "enum" ? "e" : s.kind === "entity" ? "t" : "c"}${i}`);
  const structured = (kind: string) => specs.flatMap((s, i) => (s.kind === kind ? [i] : []));
  const entities = structured("entity");
  const typeFor = (index: number) => {
    const all = [...PRIMITIVES, ...names.map((n) => `f.${n}`)];
    return all[index % all.length] as string;
  };
  const baseOf = new Map<number, number>();
  const inheritedNames = (i: number): Set<string> => {
    const names = new Set<string>();
    for (let b = baseOf.get(i); b !== undefined; b = baseOf.get(b)) {
      for (const p of specs[b]?.properties ?? []) names.add(p.name);
      for (const n of specs[b]?.navigation ?? []) names.add(n.name);
    }
    return names;
  };
  const body = specs.map((spec, i) => {
    const name = names[i] as string;
    if (spec.kind === "enum") {
      const members = spec.members.map((m, k) => `<Member Name="${m}" Value="${spec.flags ? 2 ** k : k}" />`).join("");
      return `<EnumType Name="${name}"${spec.flags ? ' IsFlags="true"' : ""}>${members}</EnumType>`;
    }
    // A base type must be an earlier type of the same kind, so there are no cycles.
    const earlier = structured(spec.kind).filter((k) => k < i);
    const baseIndex = earlier.length > 0 && spec.baseIndex % 3 !== 0 ? earlier[spec.baseIndex % earlier.length] : undefined;
    if (baseIndex !== undefined) baseOf.set(i, baseIndex);
    const base = baseIndex !== undefined ? ` BaseType="f.${names[baseIndex]}"` : "";
    // CSDL: a derived type may not redeclare an inherited property; keep only new names.
    const taken = inheritedNames(i);
    spec = { ...spec, properties: spec.properties.filter((p) => !taken.has(p.name)), navigation: spec.navigation.filter((n) => !taken.has(n.name)) };
    const element = spec.kind === "entity" ? "EntityType" : "ComplexType";
    const properties = spec.properties.map((p) => {
      const type = typeFor(p.typeIndex);
      const wrapped = p.collection && type !== "Edm.Stream" ? `Collection(${type})` : type;
      return `<Property Name="${xmlAttribute(p.name)}" Type="${wrapped}"${p.nullable ? "" : ' Nullable="false"'}><Annotation Term="Org.OData.Core.V1.Description" String="${xmlAttribute(p.description)}" /></Property>`;
    });
    const navigation =
      spec.kind === "entity" && entities.length > 0
        ? spec.navigation.map((n) => {
            const target = `f.${names[entities[n.typeIndex % entities.length] as number]}`;
            return `<NavigationProperty Name="${n.name}" Type="${n.collection ? `Collection(${target})` : target}" />`;
          })
        : [];
    const flags = `${spec.abstract ? ' Abstract="true"' : ""}${spec.open ? ' OpenType="true"' : ""}`;
    const action =
      spec.action && spec.kind === "entity"
        ? `<Action Name="${spec.action.name}" IsBound="true"><Parameter Name="bindingParameter" Type="f.${name}" /><Parameter Name="value" Type="${typeFor(spec.action.typeIndex)}" /><ReturnType Type="f.${name}" /></Action>`
        : "";
    return `<${element} Name="${name}"${base}${flags}>${properties.join("")}${navigation.join("")}</${element}>${action}`;
  });
  return csdl({ namespace: "fuzz", alias: "f", body: body.join("\n") });
}
