// The values the docs' examples send: every property a create requires (`InsertRestrictions`), a concrete
// type where the declared one is abstract, and values a reader recognises from Graph's own examples
// (`"https://contoso.com/api"`, `"MyUsername"`), so each example runs against Graph (and the mock) as shown.
import { allProperties, baseChain, concreteTypes, structuredType } from "../model/queries.js";
import { isPrimitive, type Model, type Parameter, type Property, type StructuredType, type TypeRef } from "../model/types.js";

/** Strings by property name, first match wins; the values Graph's reference pages use. */
const NAMED_STRINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/password/i, "MyPassword"],
  [/^user(name)?$/i, "MyUsername"],
  [/(url|uri)$/i, "https://contoso.com/api"],
  [/(mail|email|userPrincipalName)$/i, "adelev@contoso.com"],
  [/pkcs12|base64/i, "MIIKZAIBAzCCCiAGCSqGSIb3DQEHAQ=="],
  [/phone/i, "+1 425 555 0100"],
  [/description/i, "Created by the example"],
];

const PRIMITIVE_SAMPLES: Readonly<Record<string, unknown>> = {
  "Edm.String": "String",
  "Edm.Boolean": true,
  "Edm.DateTimeOffset": "2024-01-01T00:00:00Z",
  "Edm.Date": "2024-01-01",
  "Edm.Guid": "00000000-0000-0000-0000-000000000000",
  "Edm.Duration": "PT1H",
  "Edm.TimeOfDay": "08:00:00",
  "Edm.Binary": "AA==",
};

/** How many optional properties an example adds after the required ones. */
const OPTIONAL_PROPERTIES = 4;
/** Complex values nest at most this deep: enough for `authenticationConfiguration`, short enough to read. */
const MAX_DEPTH = 2;

/** `identityApiConnector` -> `Contoso identity api connector`: a display name that says what it names. */
function displayNameFor(fullName: string): string {
  const words = (fullName.split(".").at(-1) ?? fullName).replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return `Contoso ${words}`;
}

function required(model: Model, type: StructuredType): Set<string> {
  return new Set([type, ...baseChain(model, type)].flatMap((t) => t.requiredOnCreate));
}

/**
 * The concrete type an example uses for a declared one: itself, else the subtype an example can fill in
 * plainly: writable properties all of primitive values, as few as possible but at least one
 * (`basicAuthentication` rather than `clientCertificateAuthentication`, whose certificate list Graph fills).
 */
function concreteFor(model: Model, fullName: string): StructuredType | undefined {
  const candidates = concreteTypes(model, fullName).map((name) => structuredType(model, name)).filter((t) => t !== undefined);
  const writable = (t: StructuredType) => allProperties(model, t).properties.filter((p) => !p.readOnly);
  const plain = (t: StructuredType) => writable(t).length > 0 && writable(t).every((p) => isPrimitiveOrEnum(model, p.type));
  const rank = (a: StructuredType, b: StructuredType) =>
    Number(plain(b)) - Number(plain(a)) || writable(a).length - writable(b).length || (a.fullName < b.fullName ? -1 : 1);
  return candidates.find((t) => t.fullName === fullName) ?? [...candidates].sort(rank)[0];
}

/**
 * The body of an example create or update: for a create every required property (complex ones built the same
 * way), then a few writable primitive ones; `@odata.type` where the concrete type is not the declared one.
 */
export function sampleEntity(model: Model, fullName: string, create = true, depth = 0): Record<string, unknown> | undefined {
  const declared = structuredType(model, fullName);
  const concrete = concreteFor(model, fullName) ?? declared;
  if (!declared || !concrete) return undefined;
  const body: Record<string, unknown> = Object.create(null);
  if (concrete.fullName !== fullName) body["@odata.type"] = `#${concrete.fullName}`;
  const must = create ? required(model, concrete) : new Set<string>();
  const writable = allProperties(model, concrete).properties.filter((p) => !p.readOnly && p.name !== "id");
  const value = (p: Property) => sampleValue(model, p.type, p.name, concrete.fullName, depth);
  for (const p of writable.filter((p) => must.has(p.name))) body[p.name] = value(p) ?? {};
  // Complex values nested in a complex value are kept to what is required, or the example grows without end.
  const optional = writable.filter((p) => !must.has(p.name) && isPrimitiveOrEnum(model, p.type));
  for (const p of optional.slice(0, Math.max(0, (depth === 0 ? OPTIONAL_PROPERTIES : 2) - must.size))) {
    const v = value(p);
    if (v !== undefined) body[p.name] = v;
  }
  return body;
}

export function sampleParameters(model: Model, parameters: readonly Parameter[]): Record<string, unknown> | undefined {
  if (parameters.length === 0) return undefined;
  return Object.fromEntries(parameters.map((p) => [p.name, sampleValue(model, p.type, p.name, "", 0) ?? {}]));
}

function isPrimitiveOrEnum(model: Model, ref: TypeRef): boolean {
  const kind = model.types.get(ref.name)?.kind;
  return isPrimitive(ref.name) || kind === "enum" || kind === "typeDefinition";
}

function sampleValue(model: Model, ref: TypeRef, name: string, owner: string, depth: number): unknown {
  const single = (): unknown => {
    if (ref.name === "Edm.String") {
      if (name === "displayName" && owner !== "") return displayNameFor(owner);
      return NAMED_STRINGS.find(([pattern]) => pattern.test(name))?.[1] ?? PRIMITIVE_SAMPLES["Edm.String"];
    }
    if (isPrimitive(ref.name)) return ref.name in PRIMITIVE_SAMPLES ? PRIMITIVE_SAMPLES[ref.name] : ref.name === "Edm.Stream" ? undefined : 0;
    const type = model.types.get(ref.name);
    if (type?.kind === "enum") return type.members[0]?.name;
    if (type?.kind === "typeDefinition") return sampleValue(model, { name: type.underlyingType, collection: false }, name, owner, depth);
    if (type?.kind === "complex" && depth < MAX_DEPTH) return sampleEntity(model, ref.name, true, depth + 1);
    return undefined;
  };
  const value = single();
  return value === undefined ? undefined : ref.collection ? [value] : value;
}
