// Metadata whose descriptions try to end a script element, a comment or a Markdown table, and whose
// names are reserved words and odd keys: the docs must show all of it as text.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GenerateOptions } from "../../../generator/options.js";
import { csdl } from "../../support/csdl-builder.js";

export const HOSTILE_DESCRIPTION = 'Ends */ here | cell `tick` ${x} </script><script>alert(1)</script><img src=x onerror="window.pwned=1"> & [link](javascript:alert(1))';

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Writes the metadata into `dir` and returns the options that document all of it. */
export function hostileOptions(dir: string): GenerateOptions {
  const metadata = csdl({
    namespace: "contoso",
    alias: "c",
    body: `
      <EntityType Name="thing">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="__proto__" Type="Edm.String" />
        <Property Name="note" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Description" String="${xml(HOSTILE_DESCRIPTION)}" />
        </Property>
        <Annotation Term="Org.OData.Core.V1.Description" String="${xml(HOSTILE_DESCRIPTION)}" />
      </EntityType>
      <EntityContainer Name="service">
        <EntitySet Name="things" EntityType="c.thing" />
      </EntityContainer>`,
  });
  writeFileSync(join(dir, "metadata.xml"), metadata);
  return { metadata: join(dir, "metadata.xml"), all: true, includePaths: ["/things/**"], rootNamespace: "contoso", cwd: dir, docsOut: join(dir, "site") };
}
