// Holds graphgen's least-privileged answers against the permission tables of Microsoft's API reference
// (microsoftgraph/microsoft-graph-docs-contrib): every row of fixtures/reference-least.json names its page and
// commit. Where graphgen answers otherwise, the row says what it answers and why; those rows are held too.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { permissionLookup, loadGraphPermissions } from "../../generator/client/permissions.js";
import { leastPrivilegedPermissions } from "../../generator/permissions/least.js";
import { planPermissions } from "../../generator/permissions/manifest.js";

type Kind = "delegated" | "application";
interface ReferenceRow {
  method: string;
  path: string;
  pages: Array<{ path: string; commit: string }>;
  delegated: string | null;
  application: string | null;
  applicationTenantWide?: string;
  graphgen?: Partial<Record<Kind, { answer: string | null; why: string }>>;
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/reference-least.json", import.meta.url), "utf8")) as { operations: ReferenceRow[] };
const graph = loadGraphPermissions();
const KINDS: Kind[] = ["delegated", "application"];
const answer = (row: ReferenceRow, kind: Kind, resourceSpecific: boolean): string | null =>
  leastPrivilegedPermissions(graph, row.path, row.method, { resourceSpecific })?.[kind][0]?.name ?? null;
const pageOf = (row: ReferenceRow) => row.pages.map((p) => `${p.path}@${p.commit.slice(0, 10)}`).join(" + ");
const cases = fixture.operations.flatMap((row) => KINDS.map((kind) => ({ row, kind, name: `${row.method} ${row.path} ${kind} (${pageOf(row)})` })));

describe("least privilege against the API reference", () => {
  it("covers well over a hundred operation/scheme pairs across the workloads", () => {
    expect(cases.filter((c) => c.row[c.kind] !== null).length).toBeGreaterThan(130);
    const heads = new Set(fixture.operations.map((r) => r.path.split("/")[1]));
    expect([...heads].sort()).toEqual(["applications", "directoryRoles", "drives", "groups", "identity", "me", "teams", "users"]);
  });

  it.each(cases)("$name", ({ row, kind }) => {
    // Resource-specific permissions are allowed here: the reference names them where they are least.
    const got = answer(row, kind, true);
    const ours = row.graphgen?.[kind];
    if (ours) {
      expect(ours.why.length).toBeGreaterThan(20);
      expect(got).toBe(ours.answer);
      expect(got).not.toBe(row[kind]);
    } else {
      expect(got).toBe(row[kind]);
    }
  });

  it.each(fixture.operations.filter((r) => r.applicationTenantWide !== undefined))(
    "$method $path: without resource-specific permissions the application answer is $applicationTenantWide",
    (row) => {
      expect(answer(row, "application", false)).toBe(row.applicationTenantWide);
    },
  );
});

describe("one source of answers", () => {
  const operations = fixture.operations.map((r) => ({ method: r.method, path: r.path }));

  it("`permissions`, `paths`, doc comments and the client check give each operation the same answer", () => {
    const plan = planPermissions(graph, operations);
    const lookup = permissionLookup(graph);
    for (const [i, op] of operations.entries()) {
      const own = leastPrivilegedPermissions(graph, op.path, op.method);
      const info = lookup(op.method, op.path);
      for (const kind of KINDS) {
        const least = own?.[kind][0]?.name;
        expect([op.method, op.path, kind, plan.operations[i]![kind][0]?.name]).toEqual([op.method, op.path, kind, least]);
        expect([op.method, op.path, kind, info.least?.[kind][0]?.name]).toEqual([op.method, op.path, kind, least]);
        // The token check accepts the least permission first.
        if (least !== undefined) expect(info.accepted[kind][0]).toBe(least);
      }
    }
  });

  it("an operation's answer does not change with what else is in the run", () => {
    const get = { method: "GET", path: "/users" };
    const alone = planPermissions(graph, [get]).operations[0]!;
    const withWrites = planPermissions(graph, [get, { method: "POST", path: "/users" }, { method: "DELETE", path: "/users/{user-id}" }]).operations[0]!;
    expect(withWrites.delegated.map((r) => r.name)).toEqual(alone.delegated.map((r) => r.name));
    expect(alone.delegated.map((r) => r.name)).toEqual(["User.ReadBasic.All"]);
  });
});
