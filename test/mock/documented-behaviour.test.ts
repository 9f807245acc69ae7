// The table of Graph's documented server behaviours (generator/mock/documented-behaviour.ts) resolved against
// the metadata: every row names its page and commit and resolves on the full v1.0 metadata; a row applies to
// the type it names and the types derived from it; a row whose type or property the metadata lacks is skipped.
import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTED_BEHAVIOURS, type BehaviourRow } from "../../generator/mock/documented-behaviour.js";
import { documentedBehaviours, unresolvedBehaviours } from "../../generator/mock/documented-behaviours.js";
import { loadModel } from "../../generator/load.js";
import type { Model } from "../../generator/model/types.js";
import { csdl, modelOf } from "../support/csdl-builder.js";

let v1: Model;

beforeAll(() => {
  v1 = loadModel("metadata/v1.0-cleanMetadata.xml", ["metadata/overlay.xml"], process.cwd()).model;
});

describe("the documented-behaviour table", () => {
  it("cites a reference page at a commit for every row, and resolves every row on the v1.0 metadata", () => {
    const uncited = DOCUMENTED_BEHAVIOURS.filter((row) => !/^api-reference\/v1\.0\/(api|resources)\/[\w-]+\.md$/.test(row.page) || !/^[0-9a-f]{40}$/.test(row.commit) || row.says.length < 30);
    expect(uncited).toEqual([]);
    expect(unresolvedBehaviours(v1)).toEqual([]);
  });

  it("covers the workloads the issue names", () => {
    const covered = new Set(DOCUMENTED_BEHAVIOURS.map((row) => row.type.replace("microsoft.graph.", "")));
    for (const type of ["user", "group", "application", "servicePrincipal", "message", "event", "listItem", "fieldValueSet", "channel", "chatMessage", "basicAuthentication", "pkcs12Certificate"]) {
      expect(covered, type).toContain(type);
    }
  });

  it("resolves users, messages and the API connector's secrets on v1.0, derived types included", () => {
    const types = ["microsoft.graph.user", "microsoft.graph.agentUser", "microsoft.graph.message", "microsoft.graph.eventMessage", "microsoft.graph.basicAuthentication", "microsoft.graph.pkcs12Certificate"];
    const found = documentedBehaviours(v1, types);
    const user = found.get("microsoft.graph.user");
    expect(user?.defaultSelect).toContain("userPrincipalName");
    expect(user?.unset).toMatchObject({ businessPhones: [], givenName: null });
    expect(user?.required).toEqual(["displayName", "passwordProfile"]);
    expect(user?.actionStatus).toEqual({ sendMail: 202 });
    // agentUser derives from user: Graph's user rows apply to it too.
    expect(found.get("microsoft.graph.agentUser")).toEqual(user);
    expect(found.get("microsoft.graph.eventMessage")).toMatchObject({ pageSize: 10, serverValues: { isDraft: { constant: true } } });
    expect(found.get("microsoft.graph.basicAuthentication")).toEqual({ secrets: { password: "masked" } });
    expect(found.get("microsoft.graph.pkcs12Certificate")).toEqual({ secrets: { pkcs12Value: "omitted", password: "omitted" } });
    // Only the types asked for: nothing for groups when the mock serves none.
    expect(found.has("microsoft.graph.group")).toBe(false);
  });

  it("skips a row whose type or property the metadata lacks, and says which", () => {
    const model = modelOf(
      csdl({
        namespace: "microsoft.graph",
        alias: "graph",
        body: `<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
          <EntityType Name="widget" BaseType="graph.entity"><Property Name="tags" Type="Collection(Edm.String)" /><Property Name="name" Type="Edm.String" /></EntityType>
          <EntityType Name="gadget" BaseType="graph.widget" />`,
      }),
    );
    const cite = { page: "api-reference/v1.0/api/widget-create.md", commit: "0".repeat(40), says: "what the page says about widgets" };
    const rows: BehaviourRow[] = [
      { type: "microsoft.graph.widget", ...cite, rule: { kind: "answeredUnset", properties: ["tags", "name"] } },
      { type: "microsoft.graph.widget", ...cite, rule: { kind: "requiredOnCreate", properties: ["colour"] } },
      { type: "microsoft.graph.sprocket", ...cite, rule: { kind: "pageSize", size: 5 } },
    ];
    const found = documentedBehaviours(model, ["microsoft.graph.widget", "microsoft.graph.gadget"], rows);
    expect(Object.fromEntries(found)).toEqual({
      "microsoft.graph.gadget": { unset: { tags: [], name: null } },
      "microsoft.graph.widget": { unset: { tags: [], name: null } },
    });
    expect(unresolvedBehaviours(model, rows)).toEqual([
      "microsoft.graph.widget/colour: no such property (api-reference/v1.0/api/widget-create.md)",
      "microsoft.graph.sprocket: no such type (api-reference/v1.0/api/widget-create.md)",
    ]);
  });
});
