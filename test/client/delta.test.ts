// Delta sync against the fake Graph's /users/delta on a socket: a first sync over three pages ending with a
// deltaLink, persisted as one string, then resumed by a new client after changes and removals made through
// the mock. Links to another origin are refused before the token goes anywhere (hand-written servers play
// the other origin, and a server that breaks Graph's contract by ending without a deltaLink).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config.js";
import { generate } from "../../generator/generate.js";
import { startCaptureServer, type CaptureServer } from "../support/graph-server.js";
import { REPO } from "./support/generated-client.js";
import { startMockGraph, type ListeningMock } from "./support/mock-server.js";

const TOKEN = "token-for-graph";
let server: ListeningMock;
let mock: any;
let capture: CaptureServer;

beforeAll(async () => {
  // /users/{id}: removals are DELETE requests, as in Graph.
  server = await startMockGraph({ pageSize: 3 }, ["/identity/apiConnectors/**", "/users/delta", "/users/*", "/drives/*/root/delta"]);
  mock = server.mock;
  capture = await startCaptureServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await capture?.close();
});
beforeEach(() => {
  mock.reset();
  capture.reset();
});

const client = (options: Record<string, unknown> = {}) => server.client({ getAccessToken: () => TOKEN, ...options });
const origin = () => server.baseUrl.replace(/\/v1\.0$/, "");

async function collect(sync: AsyncIterable<any>): Promise<any[]> {
  const items: any[] = [];
  for await (const item of sync) items.push(item);
  return items;
}

async function removeUser(id: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/users/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(204);
}

describe("deltaSync", () => {
  it("syncs three pages, persists the deltaLink, and resumes with changes and removals", async () => {
    mock.seed("/users", Array.from({ length: 7 }, (_, i) => ({ id: `u${i + 1}`, displayName: `User ${i + 1}`, mail: `u${i + 1}@contoso.com` })));
    const first = client().users.deltaSync({ select: ["displayName"] });
    expect(first.deltaLink).toBeUndefined();
    const all = await collect(first);
    expect(all).toEqual(Array.from({ length: 7 }, (_, i) => ({ id: `u${i + 1}`, displayName: `User ${i + 1}` })));
    // The first page asked with $select; the next two are the nextLinks the mock gave, each a new cursor.
    const queries = mock.requests.map((r: any) => r.query);
    expect(mock.requests.map((r: any) => `${r.method} ${r.path} ${r.status}`)).toEqual(Array(3).fill("GET /users/delta 200"));
    expect(queries).toEqual([
      { $select: "displayName" },
      { $select: "displayName", $skiptoken: expect.any(String) },
      { $select: "displayName", $skiptoken: expect.any(String) },
    ]);
    expect(queries[1].$skiptoken).not.toBe(queries[2].$skiptoken);
    expect(mock.requests.every((r: any) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    // What a sync job keeps between runs: one string.
    const saved = JSON.stringify({ users: first.deltaLink });
    expect(first.deltaLink).toMatch(new RegExp(`^${server.baseUrl.replace(/\./g, "\\.")}/users/delta\\?.*\\$deltatoken=`));

    mock.seed("/users", [
      { id: "u2", displayName: "Renamed 2", mail: "u2@contoso.com" },
      { id: "u8", displayName: "User 8" },
    ]);
    await removeUser("u3");
    await removeUser("u5");
    const before = mock.requests.length;

    const resumed = client().users.deltaSync({ deltaLink: JSON.parse(saved).users, select: ["mail"] });
    const pages: any[] = [];
    for await (const page of resumed.pages()) pages.push(page);
    expect(pages.map((p) => p.value.length)).toEqual([3, 1]);
    expect(pages.flatMap((p) => p.value)).toEqual([
      { id: "u2", displayName: "Renamed 2" },
      { id: "u8", displayName: "User 8" },
      { id: "u3", "@removed": { reason: "deleted" } },
      { id: "u5", "@removed": { reason: "deleted" } },
    ]);
    // The saved link carries the first sync's query: select is not sent again.
    expect(mock.requests[before]?.query).toEqual(Object.fromEntries(new URL(JSON.parse(saved).users).searchParams));
    expect(resumed.deltaLink).not.toBe(first.deltaLink);

    const quietFrom = mock.requests.length;
    const quiet = client().users.deltaSync({ deltaLink: resumed.deltaLink });
    expect(await collect(quiet)).toEqual([]);
    expect(mock.requests).toHaveLength(quietFrom + 1);
    expect(quiet.deltaLink).toBeDefined();
  });

  it("refuses a saved deltaLink on another origin without sending anything", async () => {
    const sync = client().users.deltaSync({ deltaLink: `${capture.origin}/v1.0/users/delta?$deltatoken=x` });
    const error = await collect(sync).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(server.generated.client.GraphClientError);
    expect(error).toMatchObject({
      code: "crossOriginNextLink",
      message: `GET /users/delta: refused to follow a link to another origin than ${origin()}`,
    });
    expect(capture.requests).toEqual([]);
    expect(mock.requests).toEqual([]);
  });

  it("refuses an @odata.nextLink to another origin mid-sync", async () => {
    // Another origin is about the network: a hand-written server answers a delta page linking to the capture server.
    const linking = await startCaptureServer({
      reply: () => ({
        status: 200,
        json: { value: [{ id: "u1" }, { id: "u2" }, { id: "u3" }], "@odata.nextLink": `${capture.origin}/v1.0/users/delta?$skiptoken=1` },
      }),
    });
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of client({ baseUrl: `${linking.origin}/v1.0` }).users.deltaSync()) items.push(item);
    })().catch((e: unknown) => e);
    await linking.close();
    expect(items).toHaveLength(3);
    expect(linking.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: "crossOriginNextLink" });
    expect(capture.requests).toEqual([]);
  });

  it("does not claim a deltaLink when the last page has none", async () => {
    // Graph always ends a round with a deltaLink: a hand-written server breaks that contract.
    const broken = await startCaptureServer({ reply: () => ({ status: 200, json: { value: [{ id: "u1" }] } }) });
    const sync = client({ baseUrl: `${broken.origin}/v1.0` }).users.deltaSync();
    const error = await collect(sync).catch((e: unknown) => e);
    await broken.close();
    expect(error).toMatchObject({ code: "invalidResponse", message: "GET /users/delta: the last delta page has no @odata.deltaLink to resume from" });
    expect(sync.deltaLink).toBeUndefined();
  });
});

// api-reference/v1.0/api/driveitem-delta.md at 028b8e354879f1054adbd96bfa8d16fff4330811 (microsoftgraph/
// microsoft-graph-docs-contrib): `GET /me/drive/root/delta?token=latest` answers no items and the latest deltaLink;
// a timestamp token asks what changed since; a token Graph cannot serve answers "HTTP 410 Gone ... and a Location
// header containing a new nextLink that starts a fresh delta enumeration from scratch" (resyncChangesApplyDifferences).
describe("drive delta as driveitem-delta documents it (a hand-written server plays the drive)", () => {
  it("sends token=latest and a timestamp token as ?token=, and ends at the deltaLink of the answer", async () => {
    const drive = await startCaptureServer({
      reply: (request) => ({ status: 200, json: { value: [], "@odata.deltaLink": `${drive.origin}/v1.0/drives/d1/root/delta?token=1230919asd190410jlka${request.url.includes("2021") ? "b" : ""}` } }),
    });
    const root = client({ baseUrl: `${drive.origin}/v1.0` }).drives.byId("d1").root;
    const latest = root.deltaSync({ token: "latest" });
    expect(await collect(latest)).toEqual([]);
    expect(latest.deltaLink).toBe(`${drive.origin}/v1.0/drives/d1/root/delta?token=1230919asd190410jlka`);
    const since = root.deltaSync({ token: "2021-09-29T20:00:00Z", select: ["name"] });
    await collect(since);
    await drive.close();
    expect(drive.requests.map((r) => r.url)).toEqual(["/v1.0/drives/d1/root/delta?token=latest", "/v1.0/drives/d1/root/delta?token=2021-09-29T20%3A00%3A00Z&$select=name"]);
    expect(since.resync).toBeUndefined();
  });

  it("starts over from the Location of a 410 Gone and says which resync Graph asked for", async () => {
    const drive = await startCaptureServer({
      reply: (request) =>
        request.url.includes("token=old")
          ? {
              status: 410,
              headers: { location: `${drive.origin}/v1.0/drives/d1/root/delta?token=fresh` },
              json: { error: { code: "resyncChangesApplyDifferences", message: "Resync required." } },
            }
          : { status: 200, json: { value: [{ id: "0123456789abc", name: "folder2", folder: {} }], "@odata.deltaLink": `${drive.origin}/v1.0/drives/d1/root/delta?token=next` } },
    });
    const sync = client({ baseUrl: `${drive.origin}/v1.0` }).drives.byId("d1").root.deltaSync({ deltaLink: `${drive.origin}/v1.0/drives/d1/root/delta?token=old` });
    expect(await collect(sync)).toEqual([{ id: "0123456789abc", name: "folder2", folder: {} }]);
    await drive.close();
    expect(sync.resync).toEqual({ code: "resyncChangesApplyDifferences" });
    expect(sync.deltaLink).toBe(`${drive.origin}/v1.0/drives/d1/root/delta?token=next`);
    expect(drive.requests.map((r) => r.url)).toEqual(["/v1.0/drives/d1/root/delta?token=old", "/v1.0/drives/d1/root/delta?token=fresh"]);
  });
});

describe("deltaSync on the real metadata", () => {
  it("is generated beside every delta function Graph v1.0 binds, on every path that reaches one", async () => {
    const out = mkdtempSync(join(tmpdir(), "graphgen-delta-all-"));
    try {
      const result = await generate({ ...loadConfig(join(REPO, "graphgen.config.json")), includePaths: ["/**/delta"], out, format: false }, { check: true });
      const builders = result.files.filter((f) => f.path.startsWith("src/client/paths/"));
      // A module holds the builders of a path subtree (client/grouping.ts): each delta function there has its deltaSync.
      const count = (content: string, pattern: RegExp) => content.match(pattern)?.length ?? 0;
      const withDelta = builders.filter((f) => f.content.includes('functionSegment("delta")'));
      const missing = withDelta.filter(
        (f) => count(f.content, /functionSegment\("delta"\)/g) !== count(f.content, /deltaSync: \(options\) => deltaSync\(transport, deltaRequest(_\d+)?, `\$\{path\}\/delta`, options\),/g),
      );
      expect(missing.map((f) => f.path)).toEqual([]);
      // The item types, or the first member of the alias a long union gets (`type DeltaResult = | (User & ...`).
      const synced = new Set<string>();
      for (const { content } of withDelta) {
        const aliases = new Map([...content.matchAll(/type (DeltaResult(?:_\d+)?) =\s*\|?\s*\(?(\w+)/g)].map((m) => [m[1], m[2]]));
        for (const [, named = ""] of content.matchAll(/DeltaSync<Selected<\(?(\w+)/g)) synced.add(aliases.get(named) ?? named);
      }
      for (const type of ["User", "Group", "DriveItem", "Message", "Event", "Contact", "MailFolder", "ChatMessage", "ServicePrincipal", "Application", "Device", "TodoTask", "ListItem", "EducationUser"]) {
        expect(synced, type).toContain(type);
      }
      expect(synced.size).toBeGreaterThanOrEqual(29);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
