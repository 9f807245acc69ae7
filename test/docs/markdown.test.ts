// The default config's Markdown pages, whole-file snapshots: reviewed like code, so a change in what the
// docs say (a permission, a property, an example) shows up in the diff.
import { describe, expect, it } from "vitest";
import { renderSite, defaultConfig } from "./support/site.js";

describe("the default config's Markdown", () => {
  const files = renderSite(defaultConfig()).filter((f) => f.path.endsWith(".md"));

  it("has a page per permission, type and request path the default generation uses", () => {
    expect(files.map((f) => f.path)).toEqual([
      "index.md",
      "all-types.md",
      "all-paths.md",
      "permissions/APIConnectors.ReadWrite.All.md",
      "types/microsoft.graph.apiAuthenticationConfigurationBase.md",
      "types/microsoft.graph.basicAuthentication.md",
      "types/microsoft.graph.clientCertificateAuthentication.md",
      "types/microsoft.graph.entity.md",
      "types/microsoft.graph.identity.md",
      "types/microsoft.graph.identityApiConnector.md",
      "types/microsoft.graph.pkcs12Certificate.md",
      "types/microsoft.graph.pkcs12CertificateInformation.md",
      "types/microsoft.graph.thumbnail.md",
      "types/microsoft.graph.thumbnailSet.md",
      "paths/identity/apiConnectors.md",
      "paths/identity/apiConnectors/_count.md",
      "paths/identity/apiConnectors/{id}.md",
      "paths/identity/apiConnectors/{id}/uploadClientCertificate.md",
    ]);
  });

  for (const file of files) {
    it(`matches the snapshot of ${file.path}`, async () => {
      await expect(file.content).toMatchFileSnapshot(`__snapshots__/default/${file.path}`);
    });
  }
});
