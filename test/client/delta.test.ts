// Delta sync against the test server's /users/delta: a first sync over three pages ending with a deltaLink,
// persisted as one string, then resumed by a new client after changes and removals; links to another origin
// refused before the token goes anywhere.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config.js";
import { generate } from "../../generator/generate.js";
import { startCaptureServer, startGraphServer, type CaptureServer, type GraphServer } from "../support/graph-server.js";
import { deltaUsers, type DeltaUsers } from "../support/graph-server-delta.js";
import { generateDefaultClient, REPO, type GeneratedClient } from "./support/generated-client.js";

const TOKEN = "token-for-graph";
let generated: GeneratedClient;
let server: GraphServer;
let capture: CaptureServer;
let users: DeltaUsers;

beforeAll(async () => {
  generated = await generateDefaultClient({ includePaths: ["/identity/apiConnectors/**", "/users/delta"] });
  users = deltaUsers({ pageSize: 3 });
  server = await startGraphServer({ hooks: [(request, context) => users.hook(request, context)] });
  capture = await startCaptureServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
  await capture?.close();
  generated?.dispose();
});
beforeEach(() => {
  server.reset();
  capture.reset();
  users = deltaUsers({ pageSize: 3 });
});

const client = () => generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl });

async function collect(sync: AsyncIterable<any>): Promise<any[]> {
  const items: any[] = [];
  for await (const item of sync) items.push(item);
  return items;
}

describe("deltaSync", () => {
  it("syncs three pages, persists the deltaLink, and resumes with changes and removals", async () => {
    for (let i = 1; i <= 7; i++) users.put({ id: `u${i}`, displayName: `User ${i}`, mail: `u${i}@contoso.com` });
    const first = client().users.deltaSync({ select: ["displayName"] });
    expect(first.deltaLink).toBeUndefined();
    const all = await collect(first);
    expect(all).toEqual(Array.from({ length: 7 }, (_, i) => ({ id: `u${i + 1}`, displayName: `User ${i + 1}` })));
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1.0/users/delta?$select=displayName",
      "/v1.0/users/delta?$skiptoken=1.3",
      "/v1.0/users/delta?$skiptoken=1.6",
    ]);
    expect(server.requests.every((r) => r.token === TOKEN)).toBe(true);
    // What a sync job keeps between runs: one string.
    const saved = JSON.stringify({ users: first.deltaLink });
    expect(first.deltaLink).toMatch(new RegExp(`^${server.baseUrl.replace(/\./g, "\\.")}/users/delta\\?\\$deltatoken=`));

    users.put({ id: "u2", displayName: "Renamed 2", mail: "u2@contoso.com" });
    users.put({ id: "u8", displayName: "User 8" });
    users.remove("u3", "deleted");
    users.remove("u5", "changed");
    server.requests.length = 0;

    const resumed = client().users.deltaSync({ deltaLink: JSON.parse(saved).users, select: ["mail"] });
    const pages: any[] = [];
    for await (const page of resumed.pages()) pages.push(page);
    expect(pages.map((p) => p.value.length)).toEqual([3, 1]);
    expect(pages.flatMap((p) => p.value)).toEqual([
      { id: "u2", displayName: "Renamed 2" },
      { id: "u8", displayName: "User 8" },
      { "@odata.type": "#microsoft.graph.user", id: "u3", "@removed": { reason: "deleted" } },
      { "@odata.type": "#microsoft.graph.user", id: "u5", "@removed": { reason: "changed" } },
    ]);
    // The saved link carries the first sync's query: select is not sent again.
    expect(server.requests[0]?.url).toBe(new URL(JSON.parse(saved).users).pathname + new URL(JSON.parse(saved).users).search);
    expect(resumed.deltaLink).not.toBe(first.deltaLink);

    server.requests.length = 0;
    const quiet = client().users.deltaSync({ deltaLink: resumed.deltaLink });
    expect(await collect(quiet)).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(quiet.deltaLink).toBeDefined();
  });

  it("refuses a saved deltaLink on another origin without sending anything", async () => {
    const sync = client().users.deltaSync({ deltaLink: `${capture.origin}/v1.0/users/delta?$deltatoken=x` });
    const error = await collect(sync).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.client.GraphClientError);
    expect(error).toMatchObject({
      code: "crossOriginNextLink",
      message: `GET /users/delta: refused to follow a link to another origin than ${server.origin}`,
    });
    expect(capture.requests).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it("refuses an @odata.nextLink to another origin mid-sync", async () => {
    for (let i = 1; i <= 4; i++) users.put({ id: `u${i}` });
    users.linkOrigin = capture.origin;
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of client().users.deltaSync()) items.push(item);
    })().catch((e: unknown) => e);
    expect(items).toHaveLength(3);
    expect(error).toMatchObject({ code: "crossOriginNextLink" });
    expect(capture.requests).toEqual([]);
  });

  it("does not claim a deltaLink when the last page has none", async () => {
    server.failNext(1, 200, {}, { value: [{ id: "u1" }] });
    const sync = client().users.deltaSync();
    const error = await collect(sync).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalidResponse", message: "GET /users/delta: the last delta page has no @odata.deltaLink to resume from" });
    expect(sync.deltaLink).toBeUndefined();
  });
});

describe("deltaSync on the real metadata", () => {
  it("is generated beside every delta function Graph v1.0 binds, on every path that reaches one", async () => {
    const out = mkdtempSync(join(tmpdir(), "graphgen-delta-all-"));
    try {
      const result = await generate({ ...loadConfig(join(REPO, "graphgen.config.json")), includePaths: ["/**/delta"], out, format: false }, { check: true });
      const builders = result.files.filter((f) => f.path.startsWith("src/client/paths/"));
      const withDelta = builders.filter((f) => f.content.includes('functionSegment("delta")'));
      expect(withDelta.filter((f) => !f.content.includes("deltaSync: (options) => deltaSync(transport, deltaRequest, `${path}/delta`, options),")).map((f) => f.path)).toEqual([]);
      // The item type, or the first member of the alias a long union gets (`type DeltaResult = | (User & ...`).
      const itemType = (content: string) => {
        const named = /DeltaSync<Selected<\(?(\w+)/.exec(content)?.[1];
        return named === "DeltaResult" ? /type DeltaResult =\s*\|?\s*\(?(\w+)/.exec(content)?.[1] : named;
      };
      const synced = new Set(withDelta.map((f) => itemType(f.content)));
      for (const type of ["User", "Group", "DriveItem", "Message", "Event", "Contact", "MailFolder", "ChatMessage", "ServicePrincipal", "Application", "Device", "TodoTask", "ListItem", "EducationUser"]) {
        expect(synced, type).toContain(type);
      }
      expect(synced.size).toBeGreaterThanOrEqual(29);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
