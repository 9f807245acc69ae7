// Type-level tests, compiled by tsc over a generated package: results typed by `select`/`expand`, delta changes
// with `@removed`, batch results typed as their single calls, and the upload's signature. Each
// `@ts-expect-error` must meet an error, so a type that lets too much through fails the compile too.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config.js";
import { generate } from "../../generator/generate.js";
import { REPO } from "./support/generated-client.js";
import { typecheck } from "./support/typecheck.js";

const out = mkdtempSync(join(tmpdir(), "graphgen-typed-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const USAGE = `
import { createGraphClient } from "./src/client/index.js";
import { batch } from "./src/client/batch.js";
import { uploadLargeFile, type UploadedAttachment } from "./src/client/upload.js";
import { GraphError } from "./src/client/errors.js";
import type { DriveItem } from "./src/models/DriveItem.js";

export async function typed(): Promise<void> {
  const graph = createGraphClient({ getAccessToken: () => "token" });

  const connector = await graph.identity.apiConnectors.byId("a").get({ select: ["displayName"] });
  const name: string | null | undefined = connector.displayName;
  const key: string | undefined = connector.id;
  void connector["@odata.type"];
  // @ts-expect-error targetUrl was not selected
  void connector.targetUrl;
  const whole = await graph.identity.apiConnectors.byId("a").get();
  void whole.targetUrl;
  const page = await graph.identity.apiConnectors.list({ select: ["targetUrl"], top: 5 });
  void page.value[0]?.targetUrl;
  // @ts-expect-error displayName was not selected
  void page.value[0]?.displayName;
  for await (const item of graph.identity.apiConnectors.listAll({ select: ["displayName"] })) {
    void item.displayName;
    // @ts-expect-error authenticationConfiguration was not selected
    void item.authenticationConfiguration;
  }

  const user = await graph.users.byId("u").get({ select: ["displayName"], expand: ["manager"] });
  void user.displayName;
  // Present (no undefined), though Graph's metadata lets it be null.
  const manager: {} | null = user.manager;
  // @ts-expect-error mail was neither selected nor expanded
  void user.mail;
  const nested = await graph.users.byId("u").get({ expand: ["manager($select=id)"] });
  const nestedManager: {} | null = nested.manager;
  void nested.mail;
  const plain = await graph.users.byId("u").get({ select: ["displayName"] });
  // @ts-expect-error manager was not expanded
  void plain.manager;
  // @ts-expect-error only navigation properties expand
  await graph.users.byId("u").get({ expand: ["displayName"] });

  const sync = graph.users.deltaSync({ select: ["displayName"] });
  for await (const change of sync) {
    if (change["@removed"]) {
      const reason: string = change["@removed"].reason;
      const id: string = change.id;
      // @ts-expect-error a removed user carries no properties
      void change.displayName;
      void reason, id;
    } else {
      void change.displayName;
      // @ts-expect-error mail was not selected
      void change.mail;
    }
  }
  const saved: string | undefined = sync.deltaLink;
  graph.users.deltaSync({ deltaLink: saved });

  const [one, created, removed] = await batch(graph, (g, step) => {
    const create = g.identity.apiConnectors.create({ displayName: "x" });
    return [g.identity.apiConnectors.byId("a").get({ select: ["displayName"] }), create, step.after(create, () => g.identity.apiConnectors.byId("b").delete())];
  });
  if (one.ok) {
    void one.value.displayName;
    // @ts-expect-error targetUrl was not selected
    void one.value.targetUrl;
  } else if (one.error instanceof GraphError) {
    // A batch item's error is the single call's: GraphError for Graph's answer, with its status and code.
    const status: number = one.error.status;
    void status;
  } else {
    const code: string = "code" in one.error ? one.error.code : one.error.message;
    void code;
  }
  if (created.ok) void created.value.targetUrl;
  if (removed.ok) {
    const nothing: void = removed.value;
    void nothing;
  }
  // @ts-expect-error a batch holds the batch client's calls, not plain values
  await batch(graph, () => [42]);

  const session = await graph.drives.byId("d").items.byId("i").createUploadSession({ item: { name: "f.bin" } });
  const uploaded = await uploadLargeFile<DriveItem>(graph, session ?? {}, new Uint8Array(1), {
    chunkSize: 327680,
    onProgress: (progress) => void (progress.uploaded / progress.total),
  });
  void uploaded?.name;
  // An Outlook attachment's upload resolves to the id and URL of the final Location.
  const attached = await uploadLargeFile<UploadedAttachment>(graph, { uploadUrl: "https://outlook.office.com/x" }, new Uint8Array(1));
  const attachmentId: string | undefined = attached?.id;
  void attachmentId;
  // @ts-expect-error the content is bytes or a Blob
  await uploadLargeFile(graph, {}, "text");
  void name, key, manager, nestedManager;
}
`;

describe("results typed by the query", () => {
  it("compiles the typed usage with tsc, every @ts-expect-error meeting its error", async () => {
    const includePaths = ["/identity/apiConnectors/**", "/users/{id}", "/users/delta", "/drives/{id}/items/{id}/createUploadSession"];
    await generate({ ...loadConfig(join(REPO, "graphgen.config.json")), includePaths, out, format: false }, { force: true });
    writeFileSync(join(out, "usage.ts"), USAGE);
    expect(typecheck(out, ["usage.ts"])).toBe("");
  }, 120_000);
});
