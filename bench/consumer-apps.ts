// The two apps `npm run bench:consumer` compares: the same function (list the users' names, add a user
// to a group) and the same one test, on graphgen's client and fake Graph, and on
// @microsoft/microsoft-graph-client typed with @microsoft/microsoft-graph-types and a hand-written fetch stub.

/** The selection of issue 19: what a mail-and-files app over users and groups asks graphgen for. */
export const INCLUDE_PATHS = ["/users", "/users/*", "/groups/*/members/**", "/me/messages/**", "/me/drive/root/**", "/me/sendMail"];

const GRAPHGEN_APP = `import type { GraphClient } from "./graph/src/client/index.js";

/** The display names of the tenant's users (the id where a user has none). */
export async function listUserNames(graph: GraphClient): Promise<string[]> {
  const page = await graph.users.list({ select: ["id", "displayName"] });
  return page.value.map((user) => user.displayName ?? user.id ?? "?");
}

/** Adds a user to a group. */
export async function addMember(graph: GraphClient, groupId: string, userId: string): Promise<void> {
  await graph.groups.byId(groupId).members.addRef(userId);
}
`;

const GRAPHGEN_TEST = `import { expect, test } from "vitest";
import { createGraphClient } from "./graph/src/client/index.js";
import { createMockGraph } from "./graph/src/mock/index.js";
import { addMember, listUserNames } from "./app.js";

test("lists the users and adds one to a group", async () => {
  const mock = createMockGraph();
  mock.seed("/users", [{ id: "u1", displayName: "Ada" }, { id: "u2", displayName: "Grace" }]);
  mock.seed("/groups", [{ id: "g1", displayName: "Engineering" }]);
  const graph = createGraphClient({ getAccessToken: () => "token", fetch: mock.fetch });
  expect(await listUserNames(graph)).toEqual(["Ada", "Grace"]);
  await addMember(graph, "g1", "u2");
  expect(mock.read("/groups/g1/members").map((member) => member.id)).toEqual(["u2"]);
});
`;

const CLIENT_APP = `import type { Client } from "@microsoft/microsoft-graph-client";
import type { User } from "@microsoft/microsoft-graph-types";

/** The display names of the tenant's users (the id where a user has none). */
export async function listUserNames(client: Client): Promise<string[]> {
  const page = (await client.api("/users").select(["id", "displayName"]).get()) as { value: User[] };
  return page.value.map((user) => user.displayName ?? user.id ?? "?");
}

/** Adds a user to a group. */
export async function addMember(client: Client, groupId: string, userId: string): Promise<void> {
  await client.api(\`/groups/\${groupId}/members/$ref\`).post({ "@odata.id": \`https://graph.microsoft.com/v1.0/directoryObjects/\${userId}\` });
}
`;

const CLIENT_TEST = `import { Client } from "@microsoft/microsoft-graph-client";
import type { User } from "@microsoft/microsoft-graph-types";
import { expect, test, vi } from "vitest";
import { addMember, listUserNames } from "./app.js";

test("lists the users and adds one to a group", async () => {
  const users: User[] = [{ id: "u1", displayName: "Ada" }, { id: "u2", displayName: "Grace" }];
  const members = new Map<string, string[]>([["g1", []]]);
  // The hand-written stub: just the two requests the app makes.
  vi.stubGlobal("fetch", async (input: string | Request, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input.url);
    const method = init?.method ?? (typeof input === "string" ? "GET" : input.method);
    if (method === "GET" && url.pathname === "/v1.0/users") return Response.json({ value: users });
    const ref = /^\\/v1\\.0\\/groups\\/([^/]+)\\/members\\/\\$ref$/.exec(url.pathname);
    if (method === "POST" && ref) {
      const body = JSON.parse(String(init?.body)) as { "@odata.id": string };
      members.get(ref[1]!)?.push(body["@odata.id"].split("/").pop()!);
      return new Response(null, { status: 204 });
    }
    return Response.json({ error: { code: "NotFound", message: url.pathname } }, { status: 404 });
  });
  const client = Client.init({ authProvider: (done) => done(null, "token") });
  expect(await listUserNames(client)).toEqual(["Ada", "Grace"]);
  await addMember(client, "g1", "u2");
  expect(members.get("g1")).toEqual(["u2"]);
});
`;

export const APP_SOURCES = { "app.ts": GRAPHGEN_APP, "app.test.ts": GRAPHGEN_TEST };
export const CLIENT_APP_SOURCES = { "app.ts": CLIENT_APP, "app.test.ts": CLIENT_TEST };
