// Builds small CSDL documents inside tests, so each test shows the metadata it is about.
import { parseCsdl } from "../../generator/csdl/parse.js";
import type { RawDocument } from "../../generator/csdl/raw.js";
import { buildModel } from "../../generator/model/build.js";
import type { Model } from "../../generator/model/types.js";

export interface SchemaSpec {
  namespace: string;
  alias?: string;
  body: string;
}

/** A CSDL 4.0 document with the given schemas (their inner XML written by the test). */
export function csdl(...schemas: SchemaSpec[]): string {
  const rendered = schemas
    .map(
      (s) =>
        `    <Schema Namespace="${s.namespace}"${s.alias ? ` Alias="${s.alias}"` : ""} xmlns="http://docs.oasis-open.org/odata/ns/edm">\n${s.body}\n    </Schema>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
${rendered}
  </edmx:DataServices>
</edmx:Edmx>
`;
}

export function parseText(text: string, file = "test.xml"): RawDocument {
  return parseCsdl(new TextEncoder().encode(text), file);
}

export function modelOf(text: string, file = "test.xml"): Model {
  return buildModel([parseText(text, file)]);
}

/** Runs `action` and returns the GraphgenError's formatted text, failing if nothing is thrown. */
export function errorText(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    const formatted = (error as { format?: () => string }).format;
    return typeof formatted === "function" ? formatted.call(error) : String(error);
  }
  throw new Error("expected an error, but none was thrown");
}

/** A `Core.Revisions` annotation marking its element deprecated, as Graph writes them. */
export function deprecatedAnnotation(description: string, date = "2024-04-10", removalDate = "2026-04-10"): string {
  return `
        <Annotation Term="Org.OData.Core.V1.Revisions">
          <Collection>
            <Record>
              <PropertyValue Property="Date" Date="${date}" />
              <PropertyValue Property="Description" String="${description}" />
              <PropertyValue Property="Kind"><EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember></PropertyValue>
              <PropertyValue Property="RemovalDate" Date="${removalDate}" />
            </Record>
          </Collection>
        </Annotation>`;
}
