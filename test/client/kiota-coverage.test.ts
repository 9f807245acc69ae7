// Coverage against Kiota's Graph v1.0 SDK: every URL template its packages carry (test/fixtures/kiota, refreshed
// by refresh.mjs) should be a request path of the '/**' client. What is not is listed here with its reason, and
// each reason is checked against the metadata, so the list (and its copy in docs/permission-tables.md) cannot go stale silently.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePathPatterns } from "../../generator/client/include-paths.js";
import { nodeRequests, requestNodes } from "../../generator/client/request-tree.js";
import { buildRequestTree } from "../../generator/client/tree-walk.js";
import { loadModel } from "../../generator/load.js";
import type { Model, StructuredType } from "../../generator/model/types.js";
import { normaliseTemplate } from "../fixtures/kiota/normalise.mjs";
import { REPO } from "./support/generated-client.js";

interface Fixture {
  packages: Record<string, { version: string; raw: number; templates: string[] }>;
}

const fixture = JSON.parse(readFileSync(`${REPO}/test/fixtures/kiota/templates.json`, "utf8")) as Fixture;

/** Kiota's packages are built from newer metadata than metadata/v1.0-cleanMetadata.xml: these did not exist yet. */
const NOT_IN_METADATA = [
  { prefix: "/directory/tenantgovernance", type: "microsoft.graph.directory", navigation: "tenantGovernance" },
  { prefix: "/users/{}/notes", type: "microsoft.graph.user", navigation: "notes" },
];

/** Requests graphgen leaves out on purpose, with the reason. */
const LEFT_OUT: Record<string, string> = {
  // A reference's @odata.id must name the entity's canonical URL; deviceCategories live only inside deviceManagement.
  "/users/{}/manageddevices/{}/devicecategory/$ref": "no entity set holds deviceCategory",
};

let model: Model;
let ours: Set<string>;

beforeAll(() => {
  model = loadModel(`${REPO}/metadata/v1.0-cleanMetadata.xml`, [`${REPO}/metadata/overlay.xml`], REPO).model;
  const roots = buildRequestTree(model, parsePathPatterns(["/**"]), "microsoft.graph");
  ours = new Set(requestNodes(roots).flatMap((node) => nodeRequests(node).map((r) => normaliseTemplate(r.template))));
}, 60_000);

describe("coverage of Kiota's URL templates", () => {
  it("leaves out only what the metadata does not describe", () => {
    for (const { type, navigation } of NOT_IN_METADATA) {
      const owner = model.types.get(type) as StructuredType;
      expect(owner.navigationProperties.map((n) => n.name)).not.toContain(navigation);
    }
    const sets = model.containers.flatMap((c) => c.entitySets.map((s) => s.entityType));
    expect(sets).not.toContain("microsoft.graph.deviceCategory");
  });

  it.each(Object.keys(fixture.packages))("%s: at least 99%% of the templates are request paths", (name) => {
    const { templates } = fixture.packages[name]!;
    const described = templates.filter((t) => !NOT_IN_METADATA.some(({ prefix }) => t.startsWith(prefix)));
    const missing = described.filter((t) => !ours.has(t));
    expect(missing.filter((t) => !(t in LEFT_OUT))).toEqual([]);
    expect((described.length - missing.length) / described.length).toBeGreaterThanOrEqual(0.99);
  });
});
