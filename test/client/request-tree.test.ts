// Which request paths the client covers: include-path patterns, the tree walk over the real metadata,
// and `graphgen permissions` printing the app manifest block for them.
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { isIncluded, mayIncludeBelow, parsePathPatterns } from "../../generator/client/include-paths.js";
import { clientRequests } from "../../generator/client/permissions.js";
import { planClient } from "../../generator/client/plan.js";
import { buildRequestTree } from "../../generator/client/tree-walk.js";
import { loadModel } from "../../generator/load.js";
import type { Model } from "../../generator/model/types.js";
import { REPO } from "./support/generated-client.js";

const path = (text: string) => text.split("/").slice(1);

describe("include path patterns", () => {
  const patterns = parsePathPatterns(["/identity/apiConnectors/**", "/users/*/messages", "/groups/{id}"]);

  it.each([
    ["/identity/apiConnectors", true],
    ["/identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate", true],
    ["/IDENTITY/APICONNECTORS", true],
    ["/identity", false],
    ["/identity/b2xUserFlows", false],
    ["/users/{user-id}/messages", true],
    ["/users/{user-id}/messages/{message-id}", false],
    ["/groups/{group-id}", true],
    ["/groups/members", false],
  ])("%s included: %s", (text, expected) => {
    expect(isIncluded(patterns, path(text))).toBe(expected);
  });

  it("walks into ancestors of included paths only", () => {
    expect(mayIncludeBelow(patterns, path("/identity"))).toBe(true);
    expect(mayIncludeBelow(patterns, path("/users/{user-id}"))).toBe(true);
    expect(mayIncludeBelow(patterns, path("/identity/b2xUserFlows"))).toBe(false);
    expect(mayIncludeBelow(patterns, path("/drives"))).toBe(false);
  });

  it("rejects a pattern without a leading slash, naming the fix", () => {
    expect(() => parsePathPatterns(["identity/**"])).toThrow('include path "identity/**" must start with "/"');
  });
});

describe("request tree over the v1.0 metadata", () => {
  let model: Model;
  beforeAll(() => {
    model = loadModel(`${REPO}/metadata/v1.0-cleanMetadata.xml`, [`${REPO}/metadata/overlay.xml`], REPO).model;
  });

  it("lists the requests of the default paths", () => {
    const roots = buildRequestTree(model, parsePathPatterns(["/identity/apiConnectors/**"]), "microsoft.graph");
    expect(clientRequests(roots)).toEqual([
      { method: "GET", path: "/identity/apiConnectors" },
      { method: "POST", path: "/identity/apiConnectors" },
      { method: "GET", path: "/identity/apiConnectors/$count" },
      { method: "GET", path: "/identity/apiConnectors/{identityApiConnector-id}" },
      { method: "PATCH", path: "/identity/apiConnectors/{identityApiConnector-id}" },
      { method: "DELETE", path: "/identity/apiConnectors/{identityApiConnector-id}" },
      { method: "POST", path: "/identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate" },
    ]);
  });

  it("fails for a pattern that selects nothing, naming the closest request paths", () => {
    const plan = (includePaths: string[]) => () => planClient(model, { includePaths, rootNamespace: "microsoft.graph" });
    expect(plan(["/identity/apiConnectors/**", "/usrs/**"])).toThrow(
      expect.objectContaining({
        message: 'include path "/usrs/**" matches no request path of the metadata',
        hint: "did you mean \"/users/**\"? closest paths: /users, /chats, /me; `graphgen paths` lists them all",
      }),
    );
    expect(plan(["/users/*/mangaer"])).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/^did you mean "\/users\/\*\/manager"\? closest paths: \/users\/\{user-id\}\/manager, /) }),
    );
  });

  it("follows each navigation property once per path, as Graph's OpenAPI does, and names functions with GET", () => {
    const roots = buildRequestTree(model, parsePathPatterns(["/users/*/mailFolders/**"]), "microsoft.graph");
    const requests = clientRequests(roots).map((r) => `${r.method} ${r.path}`);
    expect(requests).toContain("GET /users/{user-id}/mailFolders/{mailFolder-id}/messages");
    expect(requests).toContain("GET /users/{user-id}/mailFolders/delta");
    expect(requests).toContain("GET /users/{user-id}/mailFolders/{mailFolder-id}/childFolders/{mailFolder-id}/messages");
    expect(requests.some((r) => r.includes("childFolders/{mailFolder-id}/childFolders"))).toBe(false);
  });
});

describe("graphgen permissions", () => {
  const run = async (args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO });
    return { code, stdout, stderr };
  };

  it("prints the summary and a requiredResourceAccess block ready to paste", async () => {
    const { code, stdout } = await run(["permissions", "--delegated"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Delegated permissions (Scope):\n  APIConnectors.ReadWrite.All  c67b52c5-7c69-48b6-9d48-7b3af3ded914");
    expect(stdout).not.toContain("Application permissions (Role):");
    const manifest = JSON.parse(stdout.slice(stdout.indexOf("{\n")));
    expect(manifest).toEqual({
      requiredResourceAccess: [
        { resourceAppId: "00000003-0000-0000-c000-000000000000", resourceAccess: [{ id: "c67b52c5-7c69-48b6-9d48-7b3af3ded914", type: "Scope" }] },
      ],
    });
  });

  it("gives Role entries for --application and takes --include-path", async () => {
    const { stdout } = await run(["permissions", "--application", "--include-path", "/identity/apiConnectors"]);
    expect(stdout).toContain("Microsoft Graph permissions for 3 operation(s) (application)");
    expect(JSON.parse(stdout.slice(stdout.indexOf("{\n"))).requiredResourceAccess[0].resourceAccess).toEqual([
      { id: "1dfe531a-24a6-4f1b-80f4-7a0dc5a0a171", type: "Role" },
    ]);
  });

  it("refuses --delegated with --application", async () => {
    const { code, stderr } = await run(["permissions", "--delegated", "--application"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--delegated and --application exclude each other");
  });
});
