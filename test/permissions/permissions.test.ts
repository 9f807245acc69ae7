// Tests the Graph permission lookup: the real metadata tables for known answers, small hand-built tables for
// the matching and fallback rules, and the messages for malformed tables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { planPermissions, renderPermissionSummary, requiredResourceAccess } from "../../generator/permissions/manifest.js";
import { leastPrivilegedPermissions } from "../../generator/permissions/least.js";
import { normaliseTemplate } from "../../generator/permissions/normalise.js";
import {
  buildPermissionIndex,
  GRAPH_RESOURCE_APP_ID,
  loadPermissionIndex,
  PermissionTableError,
} from "../../generator/permissions/tables.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), "utf8"));
// Parsed once per file: the permissions table is 3 MB. The loader itself is tested on small files below.
const permissionsDoc = readJson("metadata/permissions.json") as {
  permissions: Record<string, { pathSets: Array<{ schemeKeys: string[]; methods: string[]; paths: Record<string, string> }> }>;
};
const graph = buildPermissionIndex(permissionsDoc, readJson("metadata/provisioningInfo.json"), {
  permissions: "metadata/permissions.json",
  provisioning: "metadata/provisioningInfo.json",
});

const APIC_DELEGATED = "c67b52c5-7c69-48b6-9d48-7b3af3ded914";
const APIC_APPLICATION = "1dfe531a-24a6-4f1b-80f4-7a0dc5a0a171";

const names = (refs: ReadonlyArray<{ name: string }> | undefined) => refs?.map((r) => r.name);

describe("real Graph tables", () => {
  it("POST /identity/apiConnectors needs APIConnectors.ReadWrite.All with the published ids", () => {
    const result = leastPrivilegedPermissions(graph, "/identity/apiConnectors", "POST");
    expect(result?.path).toBe("/identity/apiconnectors");
    expect(result?.matchedBy).toBe("exact");
    expect(result?.rules).toEqual({ delegated: "marked-least", delegatedPersonal: "none", application: "marked-least" });
    expect(result?.delegated).toEqual([
      { name: "APIConnectors.ReadWrite.All", id: APIC_DELEGATED, scheme: "DelegatedWork", privilegeLevel: 3, requiresAdminConsent: true, least: true },
    ]);
    expect(result?.application).toEqual([
      { name: "APIConnectors.ReadWrite.All", id: APIC_APPLICATION, scheme: "Application", privilegeLevel: 3, requiresAdminConsent: true, least: true },
    ]);
    expect(result?.delegatedPersonal).toEqual([]);
  });

  it.each(["GET", "PATCH", "DELETE", "patch"])("%s /identity/apiConnectors/{identityApiConnector-id}", (method) => {
    const result = leastPrivilegedPermissions(graph, "/identity/apiConnectors/{identityApiConnector-id}", method);
    expect(result?.path).toBe("/identity/apiconnectors/{id}");
    expect(result?.method).toBe(method.toUpperCase());
    expect(names(result?.delegated)).toEqual(["APIConnectors.ReadWrite.All"]);
    expect(names(result?.application)).toEqual(["APIConnectors.ReadWrite.All"]);
  });

  it.each([
    "/identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate",
    "/identity/apiConnectors/{id}/microsoft.graph.uploadClientCertificate",
    "/IDENTITY/APICONNECTORS/{X}/Microsoft.Graph.UploadClientCertificate/",
  ])("POST %s matches the uploadClientCertificate row", (path) => {
    const result = leastPrivilegedPermissions(graph, path, "POST");
    expect(result?.path).toBe("/identity/apiconnectors/{id}/uploadclientcertificate");
    expect(result?.delegated.map((r) => r.id)).toEqual([APIC_DELEGATED]);
    expect(result?.application.map((r) => r.id)).toEqual([APIC_APPLICATION]);
  });

  it("is case-insensitive on path and method", () => {
    const lower = leastPrivilegedPermissions(graph, "/identity/apiconnectors", "post");
    const upper = leastPrivilegedPermissions(graph, "/Identity/APIConnectors", "POST");
    expect(upper).toEqual(lower);
    expect(names(upper?.delegated)).toEqual(["APIConnectors.ReadWrite.All"]);
  });

  it("returns undefined for a path or method the tables do not have", () => {
    expect(leastPrivilegedPermissions(graph, "/identity/noSuchThing/{id}", "GET")).toBeUndefined();
    expect(leastPrivilegedPermissions(graph, "/identity/apiConnectors", "PUT")).toBeUndefined();
  });

  it("names one least permission per scheme: for a GET the read one, though the table marks read and read-write least", () => {
    const result = leastPrivilegedPermissions(graph, "/users/{user-id}/messages", "GET");
    expect(names(result?.delegated)).toEqual(["Mail.ReadBasic"]);
    expect(names(result?.application)).toEqual(["Mail.ReadBasic.All"]);
    expect(names(result?.delegatedPersonal)).toEqual(["Mail.ReadBasic"]);
    const work = result?.all.filter((r) => r.scheme === "DelegatedWork").map((r) => `${r.name}${r.least ? " (least=)" : ""}`);
    expect(work).toEqual(["Mail.ReadBasic (least=)", "Mail.Read", "Mail.ReadWrite (least=)"]);
  });

  it("answers $count, $ref and /me requests through the fallbacks, and names none for application on /me", () => {
    const count = leastPrivilegedPermissions(graph, "/users/$count", "GET");
    expect([count?.path, count?.via, names(count?.delegated)]).toEqual(["/users", ["count-as-collection"], ["User.ReadBasic.All"]]);
    const remove = leastPrivilegedPermissions(graph, "/groups/{group-id}/members/{directoryObject-id}/$ref", "DELETE");
    expect([remove?.via, names(remove?.delegated), names(remove?.application)]).toEqual([["ref-as-relationship"], ["GroupMember.ReadWrite.All"], ["GroupMember.ReadWrite.All"]]);
    const owner = leastPrivilegedPermissions(graph, "/applications/{application-id}/owners/$ref", "POST");
    expect([owner?.tableMethod, owner?.via, names(owner?.delegated), names(owner?.application)]).toEqual([
      "POST",
      ["ref-as-relationship"],
      ["Application.ReadWrite.All"],
      ["Application.ReadWrite.OwnedBy"],
    ]);
    // The tables list removing a group member, not adding one: adding needs what removing needs.
    const add = leastPrivilegedPermissions(graph, "/groups/{group-id}/members/$ref", "POST");
    expect([add?.tableMethod, add?.path, add?.via, names(add?.delegated)]).toEqual([
      "DELETE",
      "/groups/{id}/members/{id}",
      ["ref-as-relationship", "add-ref-as-remove-ref"],
      ["GroupMember.ReadWrite.All"],
    ]);
    const me = leastPrivilegedPermissions(graph, "/me", "PATCH");
    expect([me?.path, me?.via, names(me?.delegated), me?.application, me?.rules.application]).toEqual(["/users/{id}", ["me-as-user"], ["User.ReadWrite"], [], "none"]);
    const child = leastPrivilegedPermissions(graph, "/me/drive/root/children/{driveItem-id}/content", "GET");
    expect([child?.path, child?.via, names(child?.delegated)]).toEqual(["/me/drive/items/{id}/content", ["item-path-as-item"], ["Files.Read"]]);
    const member = leastPrivilegedPermissions(graph, "/groups/{group-id}/members/{directoryObject-id}/microsoft.graph.user", "GET");
    expect([member?.path, member?.via, names(member?.delegated)]).toEqual(["/groups/{id}/members", ["cast-as-base", "item-as-collection"], ["GroupMember.ReadBasic.All"]]);
    const self = leastPrivilegedPermissions(graph, "/me/messages", "GET");
    expect([self?.via, names(self?.delegated), self?.application]).toEqual([[], ["Mail.ReadBasic"], []]);
  });

  it("ranks a permission without a privilege level for its scheme by its level in another scheme", () => {
    // Calendars.ReadBasic has no application privilege level; delegated it is level 2, below Calendars.Read (4).
    const result = leastPrivilegedPermissions(graph, "/users/{user-id}/events", "GET");
    expect(result?.application[0]).toMatchObject({ name: "Calendars.ReadBasic", least: true });
    expect(result?.application[0]).not.toHaveProperty("privilegeLevel");
  });

  it("chooses a resource-specific permission only when asked", () => {
    expect(names(leastPrivilegedPermissions(graph, "/teams/{team-id}/channels", "POST")?.application)).toEqual(["Channel.Create"]);
    expect(leastPrivilegedPermissions(graph, "/teams/{team-id}/channels", "POST", { resourceSpecific: true })?.application).toEqual([
      expect.objectContaining({ name: "Channel.Create.Group", resourceSpecific: true }),
    ]);
  });

  it("the manifest for the apiConnector operations", () => {
    const operations = [
      { path: "/identity/apiConnectors", method: "POST" },
      { path: "/identity/apiConnectors/{identityApiConnector-id}", method: "GET" },
      { path: "/identity/apiConnectors/{identityApiConnector-id}", method: "PATCH" },
      { path: "/identity/apiConnectors/{identityApiConnector-id}", method: "DELETE" },
      { path: "/identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate", method: "POST" },
      { path: "/identity/apiConnectors/{identityApiConnector-id}/microsoft.graph.uploadClientCertificate", method: "POST" },
    ];
    const plan = planPermissions(graph, operations);
    expect(JSON.stringify(requiredResourceAccess(plan), null, 2)).toBe(`[
  {
    "resourceAppId": "00000003-0000-0000-c000-000000000000",
    "resourceAccess": [
      {
        "id": "c67b52c5-7c69-48b6-9d48-7b3af3ded914",
        "type": "Scope"
      },
      {
        "id": "1dfe531a-24a6-4f1b-80f4-7a0dc5a0a171",
        "type": "Role"
      }
    ]
  }
]`);
    expect(requiredResourceAccess(planPermissions(graph, operations, { include: "delegated" }))).toEqual([
      { resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: [{ id: APIC_DELEGATED, type: "Scope" }] },
    ]);
    expect(requiredResourceAccess(planPermissions(graph, operations, { include: "application" }))).toEqual([
      { resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: [{ id: APIC_APPLICATION, type: "Role" }] },
    ]);
  });

  it("requests each operation's own least permission; --fewer-permissions reuses one and lists the trade", () => {
    const get = { path: "/users/{user-id}/messages", method: "GET" };
    const post = { path: "/users/{user-id}/messages", method: "POST" };
    expect(requiredResourceAccess(planPermissions(graph, [get]))[0]?.resourceAccess).toEqual([
      { id: "a4b8392a-d8d1-4954-a029-8e668a39a170", type: "Scope" }, // Mail.ReadBasic
      { id: "693c5e45-0940-467d-9b8a-1022fb9d42ef", type: "Role" }, // Mail.ReadBasic.All
    ]);
    const both = planPermissions(graph, [get, post]);
    expect(names(both.delegated)).toEqual(["Mail.ReadBasic", "Mail.ReadWrite"]);
    expect(both.operations.flatMap((op) => op.trades)).toEqual([]);
    // POST needs Mail.ReadWrite, which also allows the GET: the smaller manifest drops Mail.ReadBasic and says so.
    const fewer = planPermissions(graph, [get, post], { fewerPermissions: true });
    expect(requiredResourceAccess(fewer)[0]?.resourceAccess).toEqual([
      { id: "024d486e-b451-40bb-833d-3e66d98c5c73", type: "Scope" },
      { id: "e2a3a72e-5f79-4c64-b1b1-878b674786c9", type: "Role" },
    ]);
    expect(fewer.operations[0]?.trades).toEqual([
      { kind: "delegated", least: "Mail.ReadBasic", instead: "Mail.ReadWrite" },
      { kind: "application", least: "Mail.ReadBasic.All", instead: "Mail.ReadWrite" },
    ]);
    expect(renderPermissionSummary(fewer)).toContain(
      "    delegated: Mail.ReadWrite instead of its least Mail.ReadBasic (--fewer-permissions: Mail.ReadWrite is requested for another operation and is more privileged)\n",
    );
  });

  it("counts only the selected methods toward the manifest", () => {
    const operations = [
      { path: "/users", method: "GET" },
      { path: "/users", method: "POST" },
      { path: "/groups/{group-id}", method: "PATCH" },
    ];
    const readOnly = planPermissions(graph, operations, { methods: ["get"] });
    expect(names(readOnly.delegated)).toEqual(["User.ReadBasic.All"]);
    expect(names(readOnly.application)).toEqual(["User.ReadBasic.All"]);
    const text = renderPermissionSummary(readOnly);
    expect(text).toContain("Methods counted: GET; operations with other methods ask for nothing\n");
    expect(text).toContain("  POST /users\n    table path: /users (exact match)\n    not counted: its method is not selected\n");
    expect(names(planPermissions(graph, operations).delegated)).toEqual(["Group.ReadWrite.All", "User.ReadBasic.All", "User.ReadWrite.All"]);
  });

  it("finds every table row from its own path, with the permission that row names", () => {
    const misses: string[] = [];
    for (const [name, permission] of Object.entries(permissionsDoc.permissions)) {
      for (const set of permission.pathSets) {
        // Requests on /me need a signed-in user: rows that grant them only application permissions name none.
        if (!set.schemeKeys.some((k) => k.startsWith("Delegated"))) continue;
        for (const path of Object.keys(set.paths)) {
          for (const method of set.methods) {
            const result = leastPrivilegedPermissions(graph, path, method);
            if (!result?.all.some((r) => r.name === name)) misses.push(`${method} ${path} ${name}`);
          }
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("lists operations without table data in the summary", () => {
    const plan = planPermissions(graph, [
      { path: "/identity/apiConnectors", method: "POST" },
      { path: "/identity/noSuchThing", method: "GET" },
    ]);
    const text = renderPermissionSummary(plan);
    expect(text).toContain("1 operation(s) have no permission data in the tables");
    expect(text).toContain("  GET /identity/noSuchThing\n    no permission data\n");
    expect(text).toContain(`  APIConnectors.ReadWrite.All  ${APIC_DELEGATED}  (privilege level 3; admin consent)`);
  });
});

type Fixture = Record<string, { schemes: Record<string, object>; paths: Array<[string[], string[], Record<string, string>]>; rsc?: boolean }>;

function fixture(perms: Fixture): unknown {
  return {
    permissions: Object.fromEntries(
      Object.entries(perms).map(([name, p]) => [
        name,
        {
          authorizationType: p.rsc === true ? "RSC" : "oAuth2",
          schemes: p.schemes,
          pathSets: p.paths.map(([schemeKeys, methods, paths]) => ({ schemeKeys, methods, paths })),
        },
      ]),
    ),
  };
}

const DW = "DelegatedWork";
const APP = "Application";
const level = (privilegeLevel: number) => ({ privilegeLevel });

const widgets = buildPermissionIndex(
  fixture({
    "Widget.Read.All": {
      schemes: { [DW]: level(2), [APP]: level(3) },
      paths: [
        [
          [DW, APP],
          ["GET"],
          {
            "/widgets": "least=DelegatedWork,Application",
            "/widgets/{id}": "least=DelegatedWork,Application",
            "/widgets/{id}/render(size={value},format='{value}')": "least=DelegatedWork",
            "/widgets/{id}/render(size={value})": "least=DelegatedWork",
            "/folders/{id}/.../widgets": "least=DelegatedWork",
            "/teams/(team-id)/widgets": "least=DelegatedWork",
            "/gadgets({id})": "least=DelegatedWork",
            "/widgets?$filter=kind eq '{id}'": "least=DelegatedWork",
          },
        ],
      ],
    },
    "Widget.ReadWrite.All": {
      schemes: { [DW]: level(2), [APP]: level(3) },
      paths: [[[DW, APP], ["GET", "POST", "DELETE"], { "/widgets": "least=DelegatedWork,Application;AlsoRequires=Audit.Log" }]],
    },
    "Widget.Read.Team": { schemes: { [APP]: level(1) }, paths: [[[APP], ["GET"], { "/widgets": "least=Application" }]], rsc: true },
    "Sprocket.Read": { schemes: { [DW]: level(1) }, paths: [[[DW], ["GET"], { "/sprockets": "" }]] },
    "Sprocket.ReadWrite": { schemes: { [DW]: level(3) }, paths: [[[DW], ["GET"], { "/sprockets": "" }]] },
    "Cog.Read": { schemes: { [DW]: {} }, paths: [[[DW], ["GET"], { "/cogs": "" }]] },
  }),
  {
    permissionDeployments: {
      "Widget.Read.All": [
        { id: "other-owner", scheme: DW, environment: "public", resourceAppId: "11111111-0000-0000-0000-000000000000" },
        { id: "graph-owned", scheme: DW, environment: "public", resourceAppId: GRAPH_RESOURCE_APP_ID },
        { id: "ppe-only", scheme: APP, environment: "PPE", resourceAppId: GRAPH_RESOURCE_APP_ID },
      ],
      "Widget.ReadWrite.All": [{ id: "rw-dw", scheme: DW, environment: "" }, { id: "rw-app", scheme: APP, environment: "PPE;public" }],
    },
  },
);

describe("matching on hand-built tables", () => {
  it("normalises placeholders, case, namespaces, trailing slashes and parameter lists", () => {
    expect(normaliseTemplate("/Users/{user-id}/Microsoft.Graph.Security.RunQuery(Text='{t}',a={a})/").key).toBe("/users/{}/runquery(a,text)");
    expect(normaliseTemplate("/gadgets('{gadget-id}')").key).toBe("/gadgets/{}");
    expect(normaliseTemplate("/teams/(team-id)/x/{id}}").key).toBe("/teams/{}/x/{}");
    expect(normaliseTemplate("/users/delta()").key).toBe("/users/delta");
    expect(normaliseTemplate("/a/f(x={x})").looseKey).toBe("/a/f");
  });

  it("matches any placeholder name, key-in-parentheses rows and the `(team-id)` typo", () => {
    expect(leastPrivilegedPermissions(widgets, "/Widgets/{widget-id}", "get")?.path).toBe("/widgets/{id}");
    expect(leastPrivilegedPermissions(widgets, "/gadgets/{gadget-id}", "GET")?.path).toBe("/gadgets({id})");
    expect(leastPrivilegedPermissions(widgets, "/teams/{team-id}/widgets", "GET")?.path).toBe("/teams/(team-id)/widgets");
  });

  it("compares function parameters by name, then falls back to the function name alone", () => {
    const exact = leastPrivilegedPermissions(widgets, "/widgets/{id}/microsoft.graph.render(format='{f}',size={s})", "GET");
    expect([exact?.path, exact?.matchedBy]).toEqual(["/widgets/{id}/render(size={value},format='{value}')", "exact"]);
    const loose = leastPrivilegedPermissions(widgets, "/widgets/{id}/render", "GET");
    expect([loose?.path, loose?.matchedBy]).toEqual(["/widgets/{id}/render(size={value})", "loose-parameters"]);
  });

  it("lets a `...` row stand for any depth, and query rows only match that query", () => {
    const deep = leastPrivilegedPermissions(widgets, "/folders/{a}/children/{b}/children/{c}/widgets", "GET");
    expect([deep?.path, deep?.matchedBy]).toEqual(["/folders/{id}/.../widgets", "wildcard"]);
    expect(leastPrivilegedPermissions(widgets, "/widgets?$filter=KIND eq '{k}'", "GET")?.path).toBe("/widgets?$filter=kind eq '{id}'");
    expect(leastPrivilegedPermissions(widgets, "/widgets", "GET")?.path).toBe("/widgets");
  });

  it("names the marked read permission for a GET and keeps AlsoRequires on the others", () => {
    const result = leastPrivilegedPermissions(widgets, "/widgets", "GET");
    expect(names(result?.delegated)).toEqual(["Widget.Read.All"]);
    expect(result?.all.find((r) => r.name === "Widget.ReadWrite.All" && r.scheme === DW)?.alsoRequires).toEqual(["Audit.Log"]);
    expect(result?.rules.delegated).toBe("marked-least");
  });

  it("keeps resource-specific (RSC) permissions out of the least lists unless asked", () => {
    expect(names(leastPrivilegedPermissions(widgets, "/widgets", "GET")?.application)).toEqual(["Widget.Read.All"]);
    const withRsc = leastPrivilegedPermissions(widgets, "/widgets", "GET", { resourceSpecific: true });
    expect(withRsc?.application[0]).toEqual({ name: "Widget.Read.Team", scheme: APP, privilegeLevel: 1, least: true, resourceSpecific: true });
  });

  it("falls back to the lowest privilege level, then to all, and says which rule applied", () => {
    const sprockets = leastPrivilegedPermissions(widgets, "/sprockets", "GET");
    expect([names(sprockets?.delegated), sprockets?.rules.delegated]).toEqual([["Sprocket.Read"], "lowest-privilege-level"]);
    expect(sprockets?.rules.application).toBe("none");
    const cogs = leastPrivilegedPermissions(widgets, "/cogs", "GET");
    expect([names(cogs?.delegated), cogs?.rules.delegated]).toEqual([["Cog.Read"], "unranked"]);
  });

  it("takes ids from Graph's own public deployment and ignores other clouds", () => {
    const result = leastPrivilegedPermissions(widgets, "/widgets", "POST");
    expect(result?.delegated.map((r) => r.id)).toEqual(["rw-dw"]);
    expect(result?.application.map((r) => r.id)).toEqual(["rw-app"]);
    const read = leastPrivilegedPermissions(widgets, "/widgets/{id}", "GET");
    expect(read?.delegated[0]?.id).toBe("graph-owned");
    expect(read?.application[0]).not.toHaveProperty("id");
  });

  it("renders a summary and leaves permissions without an id out of the manifest", () => {
    const plan = planPermissions(widgets, [
      { path: "/widgets/{widget-id}", method: "GET" },
      { path: "/nothing", method: "GET" },
    ]);
    expect(requiredResourceAccess(plan)).toEqual([{ resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: [{ id: "graph-owned", type: "Scope" }] }]);
    expect(renderPermissionSummary(plan)).toBe(`Microsoft Graph permissions for 2 operation(s) (delegated and application)
1 operation(s) have no permission data in the tables

Delegated permissions (Scope):
  Widget.Read.All  graph-owned  (privilege level 2)

Application permissions (Role):
  Widget.Read.All  (no id)  (privilege level 3; no id in provisioningInfo.json: add it by hand)

Operations:
  GET /widgets/{widget-id}
    table path: /widgets/{id} (exact match)
    delegated: Widget.Read.All (marked least in the table)
    application: Widget.Read.All (marked least in the table)
  GET /nothing
    no permission data
`);
  });
});

describe("malformed tables", () => {
  const provisioning = { permissionDeployments: {} };
  const attempt = (doc: unknown, prov: unknown = provisioning): unknown => {
    try {
      buildPermissionIndex(doc, prov, { permissions: "metadata/permissions.json", provisioning: "metadata/provisioningInfo.json" });
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it("names the file and JSON path of a wrongly shaped member", () => {
    const error = attempt({ permissions: { X: { schemes: { [DW]: {} }, pathSets: [{ schemeKeys: [DW], methods: ["GET"], paths: [] }] } } });
    expect(error).toBeInstanceOf(PermissionTableError);
    expect((error as Error).message).toBe('metadata/permissions.json: permissions["X"].pathSets[0].paths: expected an object, got an array');
  });

  it("pins the other messages", () => {
    const message = (error: unknown) => (error as Error).message;
    expect(message(attempt(null))).toBe("metadata/permissions.json: (root): expected an object, got null");
    expect(message(attempt({ permissions: { X: { schemes: {} } } }))).toBe(
      'metadata/permissions.json: permissions["X"].pathSets: expected an array, got nothing (the member is missing)',
    );
    expect(message(attempt({ permissions: { X: { schemes: { [DW]: { privilegeLevel: "high" } }, pathSets: [] } } }))).toBe(
      'metadata/permissions.json: permissions["X"].schemes["DelegatedWork"].privilegeLevel: expected a number, got the string "high"',
    );
    expect(
      message(attempt({ permissions: { X: { schemes: { [DW]: {} }, pathSets: [{ schemeKeys: [DW], methods: ["GET"], paths: { "/a": "least=Application" } }] } } })),
    ).toBe(
      'metadata/permissions.json: permissions["X"].pathSets[0].paths["/a"]: least= names scheme "Application", which is not in this pathSet\'s schemeKeys [DelegatedWork]',
    );
    expect(message(attempt({ permissions: {} }, { permissionDeployments: { X: [{ scheme: 3 }] } }))).toBe(
      'metadata/provisioningInfo.json: permissionDeployments["X"][0].scheme: expected a string, got number 3',
    );
  });

  const dir = mkdtempSync(join(tmpdir(), "graphgen-permissions-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the loader reports unreadable files and bad JSON with the file name", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const good = join(dir, "prov.json");
    writeFileSync(good, JSON.stringify(provisioning));
    expect(() => loadPermissionIndex(bad, good)).toThrow(PermissionTableError);
    expect(() => loadPermissionIndex(bad, good)).toThrow(`${bad}: (root): not valid JSON (`);
    expect(() => loadPermissionIndex(join(dir, "missing.json"), good)).toThrow(`${join(dir, "missing.json")}: (root): cannot read the file (ENOENT`);
  });
});
