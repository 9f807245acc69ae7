// A user's project for `graphgen update` tests: its own copy of Graph's v1.0 metadata, a config,
// the generated package in src/graph, and a sample app with its own tsconfig that reads two of the
// three things the edited metadata breaks (a removed property, one made nullable; not the removed type).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../../generator/generate.js";
import { loadConfig } from "../../../generator/config.js";
import { realMetadata } from "../../support/output.js";

export const SAMPLE_APP = `import type { FederatedIdentityCredential } from "../src/graph/src/index.js";

export function describe(credential: FederatedIdentityCredential): string {
  const issuer = credential.issuer;
  return \`\${credential.name.toUpperCase()} \${issuer} \${credential.subject ?? ""}\`;
}

// Writing a property that became nullable breaks nothing.
export const draft: FederatedIdentityCredential = { name: "deploy", audiences: ["api://AzureADTokenExchange"] };
`;

/** Calls the client under `/identity/apiConnectors`, which `withoutApiConnectors` removes. */
export const SAMPLE_CLIENT = `import { createGraphClient } from "../src/graph/src/client/index.js";

const client = createGraphClient({ getAccessToken: () => "token" });
export const connector = () => client.identity.apiConnectors.byId("c1").get();
`;

/** The real v1.0 file without the navigation property `identityContainer.apiConnectors`: its request paths go. */
export function withoutApiConnectors(): Buffer {
  const from = `        <NavigationProperty Name="apiConnectors" Type="Collection(graph.identityApiConnector)" ContainsTarget="true" />\n`;
  const text = readFileSync(realMetadata, "utf8");
  if (!text.includes(from)) throw new Error("metadata edit: identityContainer.apiConnectors not found");
  return Buffer.from(text.replace(from, ""), "utf8");
}

/** The real v1.0 file with `federatedIdentityCredential.issuer` removed, `.name` made nullable and `pkcs12Certificate` removed. */
export function editedMetadata(): Buffer {
  let text = readFileSync(realMetadata, "utf8");
  const edit = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`metadata edit: ${JSON.stringify(from)} not found`);
    text = text.replace(from, to);
  };
  edit(
    `        <Property Name="issuer" Type="Edm.String" Nullable="false" />\n        <Property Name="name" Type="Edm.String" Nullable="false" />\n        <Property Name="subject" Type="Edm.String" />`,
    `        <Property Name="name" Type="Edm.String" />\n        <Property Name="subject" Type="Edm.String" />`,
  );
  edit(
    `      <ComplexType Name="pkcs12Certificate" BaseType="graph.apiAuthenticationConfigurationBase">\n        <Property Name="password" Type="Edm.String" />\n        <Property Name="pkcs12Value" Type="Edm.String" />\n      </ComplexType>\n`,
    "",
  );
  return Buffer.from(text, "utf8");
}

export const CONFIG = {
  include: ["identityApiConnector", "federatedIdentityCredential"],
  includePaths: ["/identity/apiConnectors/**"],
  out: "src/graph",
  format: false,
};

/** Creates the project in `dir` and generates into it; `ownMetadata` false leaves the config on graphgen's shipped copy. */
export async function createProject(dir: string, ownMetadata: boolean): Promise<void> {
  mkdirSync(join(dir, "sample"), { recursive: true });
  if (ownMetadata) {
    mkdirSync(join(dir, "graph"));
    cpSync(realMetadata, join(dir, "graph/metadata.xml"));
  }
  writeFileSync(join(dir, "graphgen.config.json"), JSON.stringify({ ...CONFIG, ...(ownMetadata ? { metadata: "graph/metadata.xml" } : {}) }, null, 2));
  writeFileSync(join(dir, "sample/main.ts"), SAMPLE_APP);
  writeFileSync(join(dir, "sample/client.ts"), SAMPLE_CLIENT);
  writeFileSync(
    join(dir, "sample/tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, skipLibCheck: true }, include: ["."] }),
  );
  await generate(loadConfig(join(dir, "graphgen.config.json")));
}
