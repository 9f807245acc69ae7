// The fake Graph against Graph's own API reference: each exchange in test/mock/documented/*.json is a
// request and response from a page of microsoftgraph/microsoft-graph-docs-contrib (page and commit named),
// replayed against the mock generated from the real v1.0 metadata. An exchange the mock still answers
// otherwise carries `pending` with the reason (docs/mock-behaviour.md lists them); the replay checks that
// it still differs, so a fix shows up as a failure asking to drop the mark.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTED_BEHAVIOURS } from "../../generator/mock/documented-behaviour.js";
import { fakeJwt, generateMock, type GeneratedMock } from "./support/generated-mock.js";
import { differences, loadDocumentedPages, type Answer, type DocumentedExchange, type DocumentedRequest } from "./documented/replay.js";

const PAGES = loadDocumentedPages(new URL("./documented", import.meta.url).pathname);

/** The request paths the pages' examples call, in one package: users, groups, apps, mail, calendar, files, lists, Teams. */
const INCLUDE_PATHS = [
  "/identity/apiConnectors/**",
  "/users",
  "/users/*",
  "/users/*/messages",
  "/users/*/messages/*",
  "/users/*/messages/*/attachments",
  "/users/*/messages/*/attachments/createUploadSession",
  "/users/*/events",
  "/users/*/contacts",
  "/users/*/drive",
  "/users/*/drive/root",
  "/users/*/drive/items/*",
  "/users/*/drive/root/{item-path}",
  "/me",
  "/me/messages",
  "/me/messages/*",
  "/me/messages/*/attachments",
  "/me/messages/*/attachments/createUploadSession",
  "/me/sendMail",
  "/me/events",
  "/me/events/*",
  "/me/contacts",
  "/me/contacts/*",
  "/me/drive",
  "/me/drive/root",
  "/me/drive/root/children",
  "/me/drive/items/*",
  "/me/drive/items/*/children",
  "/groups",
  "/groups/*",
  "/groups/*/members/**",
  "/groups/*/owners/**",
  "/applications",
  "/applications/*",
  "/servicePrincipals",
  "/servicePrincipals/*",
  "/drives/*",
  "/drives/*/root",
  "/drives/*/root/children",
  "/drives/*/root/delta",
  "/drives/*/root/{item-path}",
  "/drives/*/items/*",
  "/drives/*/items/*/children",
  "/drives/*/items/*/createUploadSession",
  "/sites/*/lists",
  "/sites/*/lists/*",
  "/sites/*/lists/*/items",
  "/sites/*/lists/*/items/*",
  "/sites/*/lists/*/items/*/fields",
  "/teams/*",
  "/teams/*/channels",
  "/teams/*/channels/*",
  "/teams/*/channels/*/messages",
  "/teams/*/channels/*/messages/*",
  "/chats/*/messages",
  "/chats/*/messages/*",
];

let generated: GeneratedMock;

beforeAll(async () => {
  generated = await generateMock({ includePaths: INCLUDE_PATHS });
}, 300_000);
afterAll(() => generated?.dispose());

/** A fresh mock, seeded as the example presumes; the signed-in user is the token's `oid`, as in Graph. */
async function replay(exchange: DocumentedExchange): Promise<Answer> {
  const mock = generated.createMockGraph();
  for (const [path, items] of Object.entries(exchange.seed ?? {})) mock.seed(path, items);
  const token = fakeJwt({ oid: SIGNED_IN, scp: "User.Read" });
  for (const before of exchange.before ?? []) {
    const answer = await send(mock, before, token);
    if (answer.status >= 300) throw new Error(`${before.method} ${before.url} answered ${answer.status}: ${answer.text}`);
  }
  return send(mock, exchange.request, token);
}

/** The signed-in user of every replay: the pages' own `/me` examples name this id where they show one. */
const SIGNED_IN = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

async function send(mock: any, request: DocumentedRequest, token: string): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...request.headers };
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined) {
    init.body = JSON.stringify(request.body);
    headers["content-type"] ??= "application/json";
  }
  const response: Response = await mock.fetch(request.url, init);
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").startsWith("application/json") ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, json, text };
}

describe.each(PAGES)("$page at $commit", (page) => {
  it.each(page.exchanges.map((exchange) => [exchange.pending ? `${exchange.name} (still differs)` : exchange.name, exchange] as const))(
    "%s",
    async (_, exchange) => {
      const found = differences(exchange, await replay(exchange));
      // SHOW_DIFFERENCES=1 prints what a pending exchange still answers otherwise.
      if (exchange.pending && process.env.SHOW_DIFFERENCES) console.log(`${page.page} ${exchange.name}:\n  ${found.join("\n  ")}`);
      if (exchange.pending) expect(found, `the mock now answers ${page.page}'s ${exchange.name} as documented: drop its "pending"`).not.toEqual([]);
      else expect(found).toEqual([]);
    },
  );
});

describe("what the pending exchanges already hold", () => {
  it("answers an enum member sent in another case as declared (user-post-messages: importance Low -> low)", async () => {
    const mock = generated.createMockGraph();
    const token = fakeJwt({ oid: SIGNED_IN });
    const answer = await send(mock, { method: "POST", url: "https://graph.microsoft.com/v1.0/me/messages", body: { subject: "s", importance: "HIGH" } }, token);
    expect(answer).toMatchObject({ status: 201, json: { importance: "high", isDraft: true } });
  });
});

describe("the client's Outlook upload against the mock (outlook-large-attachments at 43b498394ec440e548985309e1d8689c9e16adcf)", () => {
  it("attaches a file in chunks: 200 with a bare range, then 201 with the attachment's Location, which the client reads", async () => {
    const mock = generated.createMockGraph();
    const token = fakeJwt({ oid: SIGNED_IN });
    const graph = generated.client.createGraphClient({ getAccessToken: () => token, fetch: mock.fetch, retry: { baseDelayMs: 1 } });
    const draft = await graph.me.messages.create({ subject: "flower" });
    const session = await graph.me.messages.byId(draft.id).attachments.createUploadSession({ AttachmentItem: { attachmentType: "file", name: "flower", size: 700 * 1024 } });
    const { uploadLargeFile } = await generated.module("client/upload");
    const attachment = await uploadLargeFile(graph, session, new Uint8Array(700 * 1024), { chunkSize: 320 * 1024 });
    const puts = mock.requests.filter((r: any) => r.method === "PUT");
    expect(puts.map((r: any) => `${r.status} ${r.headers["content-type"]}`)).toEqual(["200 application/octet-stream", "200 application/octet-stream", "201 application/octet-stream"]);
    expect(attachment.location).toBe(`https://graph.microsoft.com/v1.0/users/${SIGNED_IN}/messages/${draft.id}/attachments/${attachment.id}`);
    expect(mock.read(`/users/${SIGNED_IN}/messages/${draft.id}/attachments`)).toEqual([{ "@odata.type": "#microsoft.graph.fileAttachment", id: attachment.id, name: "flower", size: 700 * 1024 }]);
  });
});

describe("the documented exchanges", () => {
  it("name their page and commit, and say why where they differ", () => {
    const exchanges = PAGES.flatMap((page) => page.exchanges);
    expect(PAGES.filter((page) => !/^api-reference\/v1\.0\/api\/[\w-]+\.md$/.test(page.page) || !/^[0-9a-f]{40}$/.test(page.commit))).toEqual([]);
    expect(exchanges.filter((e) => e.pending !== undefined && e.pending.length < 20).map((e) => e.name)).toEqual([]);
    expect(Object.values(Object.assign({}, ...exchanges.map((e) => e.docsOnly ?? {}))).filter((why) => String(why).length < 20)).toEqual([]);
    const passing = exchanges.filter((e) => !e.pending).length;
    console.log(`documented exchanges: ${passing} of ${exchanges.length} replayed as documented, from ${PAGES.length} pages`);
    expect(passing).toBeGreaterThan(0);
  });

  it("are listed in docs/mock-behaviour.md where they differ, with the table's pages", () => {
    const doc = readFileSync(new URL("../../docs/mock-behaviour.md", import.meta.url), "utf8");
    const pageName = (page: string) => page.slice(page.lastIndexOf("/") + 1, -".md".length);
    const unlisted = PAGES.flatMap((page) => page.exchanges.filter((e) => e.pending && !doc.includes(`\`${pageName(page.page)}\` ${e.name}: ${e.pending}`)).map((e) => `${page.page} ${e.name}`));
    expect(unlisted).toEqual([]);
    expect(DOCUMENTED_BEHAVIOURS.filter((row) => !doc.includes(`/blob/${row.commit}/${row.page}`)).map((row) => `${row.type} ${row.page}`)).toEqual([]);
  });
});
