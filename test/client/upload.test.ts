// Large file upload: createUploadSession on the Graph server, chunked PUTs to an upload host on another origin
// that drops one chunk, resumed from nextExpectedRanges, byte-identical at the end, and the token never seen by
// the upload host; cancel and resume from a saved upload URL; chunk-size and URL checks.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGraphServer, type GraphServer } from "../support/graph-server.js";
import { startUploadHost, type UploadHost } from "../support/graph-server-upload.js";
import { generateDefaultClient, type GeneratedClient } from "./support/generated-client.js";

const TOKEN = "token-for-graph";
const KIB = 1024;
let generated: GeneratedClient;
let server: GraphServer;
let upload: UploadHost;
let uploadLargeFile: (graph: unknown, session: unknown, content: Uint8Array | Blob, options?: Record<string, unknown>) => Promise<any>;

beforeAll(async () => {
  generated = await generateDefaultClient({
    includePaths: ["/identity/apiConnectors/**", "/drives/{id}/items/{id}/createUploadSession", "/users/{id}/messages/{id}/attachments/createUploadSession"],
  });
  ({ uploadLargeFile } = await import(pathToFileURL(join(generated.dir, "src/client/upload.ts")).href));
  upload = await startUploadHost();
  server = await startGraphServer({ hooks: [upload.hook] });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await upload?.close();
  generated?.dispose();
});
beforeEach(() => {
  server.reset();
  upload.host.reset();
  upload.dropPuts.clear();
});

const client = () => generated.client.createGraphClient({ getAccessToken: () => TOKEN, baseUrl: server.baseUrl, retry: { baseDelayMs: 1 } });
const hostCalls = () => upload.host.requests.map((r) => `${r.method} ${r.headers["content-range"] ?? ""}`.trim());

describe("uploadLargeFile", () => {
  it("uploads 5 MiB in 1280 KiB chunks, resumes after a dropped chunk, and never sends the token to the upload host", async () => {
    const content = new Uint8Array(randomBytes(5 * KIB * KIB));
    const graph = client();
    const session = await graph.drives.byId("d1").items.byId("root:/big.bin:").createUploadSession({ item: { name: "big.bin" } });
    expect(new URL(session.uploadUrl).origin).toBe(upload.host.origin);
    expect(server.requests).toEqual([expect.objectContaining({ method: "POST", token: TOKEN, path: "/v1.0/drives/d1/items/root%3A%2Fbig.bin%3A/createUploadSession" })]);

    upload.dropPuts.add(2);
    const progress: number[] = [];
    const item = await uploadLargeFile(graph, session, content, { chunkSize: 4 * 320 * KIB, onProgress: (p: { uploaded: number }) => progress.push(p.uploaded) });

    expect(item).toMatchObject({ name: "big.bin", size: content.length });
    expect(hostCalls()).toEqual([
      "PUT bytes 0-1310719/5242880",
      "PUT bytes 1310720-2621439/5242880",
      "GET",
      "PUT bytes 1310720-2621439/5242880",
      "PUT bytes 2621440-3932159/5242880",
      "PUT bytes 3932160-5242879/5242880",
    ]);
    expect(progress).toEqual([1310720, 2621440, 3932160, 5242880]);
    const stored = [...upload.sessions.values()].find((s) => s.completed === item || s.completed?.id === item.id);
    expect(Buffer.compare(stored!.received, Buffer.from(content))).toBe(0);
    expect(upload.authorized).toEqual([]);
    expect(upload.host.requests.every((r) => r.headers.authorization === undefined && !r.rawBody.includes(TOKEN))).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("cancels with an AbortSignal and resumes later from the saved upload URL", async () => {
    const content = new Blob([randomBytes(3 * 320 * KIB + 1000)]);
    const graph = client();
    const session = await graph.drives.byId("d1").items.byId("i1").createUploadSession({ item: { name: "resumed.bin" } });
    const saved = JSON.stringify({ uploadUrl: session.uploadUrl });
    const controller = new AbortController();
    const cancelled = await uploadLargeFile(graph, session, content, {
      chunkSize: 320 * KIB,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error("user cancelled")),
    }).catch((e: unknown) => e);
    expect(cancelled).toEqual(new Error("user cancelled"));
    expect(hostCalls()).toEqual(["PUT bytes 0-327679/984040"]);

    upload.host.reset();
    const item = await uploadLargeFile(graph, JSON.parse(saved), content, { chunkSize: 320 * KIB });
    expect(hostCalls()).toEqual(["GET", "PUT bytes 327680-655359/984040", "PUT bytes 655360-983039/984040", "PUT bytes 983040-984039/984040"]);
    const stored = [...upload.sessions.values()].find((s) => s.completed?.id === item.id);
    expect(Buffer.compare(stored!.received, Buffer.from(await content.arrayBuffer()))).toBe(0);
  });

  // concepts/outlook-large-attachments.md at 43b498394ec440e548985309e1d8689c9e16adcf (microsoftgraph/
  // microsoft-graph-docs-contrib): PUTs with Content-Type application/octet-stream; "A successful upload returns
  // HTTP 200 OK and an uploadSession object" with nextExpectedRanges ["2097152"]; "the final PUT operation returns
  // HTTP 201 Created and a Location header ... You can get the attachment ID from the URL".
  it("uploads an Outlook attachment as documented: 200 with the session is not the end, the id comes from the final Location", async () => {
    const graph = client();
    const session = await graph.users.byId("u1").messages.byId("AAMkADI5MAAIT3drCAAA=").attachments.createUploadSession({
      AttachmentItem: { attachmentType: "file", name: "flower", size: 3483322 },
    });
    const content = new Uint8Array(randomBytes(3483322));
    const progress: number[] = [];
    const attachment = await uploadLargeFile(graph, session, content, { chunkSize: 6 * 320 * KIB, onProgress: (p: { uploaded: number }) => progress.push(p.uploaded) });
    const stored = [...upload.sessions.values()].find((s) => s.name === "flower")!;
    expect(attachment).toEqual({
      id: stored.completed!.id,
      location: `https://outlook.office.com/api/v2.0/Users('u1')/Messages('AAMkADI5MAAIT3drCAAA%3D')/Attachments('${stored.completed!.id}')`,
    });
    expect(hostCalls()).toEqual(["PUT bytes 0-1966079/3483322", "PUT bytes 1966080-3483321/3483322"]);
    expect(upload.host.requests.map((r) => r.headers["content-type"])).toEqual(["application/octet-stream", "application/octet-stream"]);
    expect(Buffer.compare(stored.received, Buffer.from(content))).toBe(0);
    // The bare "{start}" range of Outlook's 200 is read, and 1.00 is reported once, with the 201.
    expect(progress).toEqual([1966080, 3483322]);
  });

  it("refuses a chunk size Graph would refuse, and an upload URL that is not https, before sending", async () => {
    const graph = client();
    const session = { uploadUrl: `${upload.host.origin}/upload/x`, nextExpectedRanges: ["0-"] };
    await expect(uploadLargeFile(graph, session, new Uint8Array(10), { chunkSize: 1000 * KIB })).rejects.toMatchObject({
      code: "invalidUpload",
      message: "chunkSize must be a multiple of 320 KiB (327680 bytes) less than 60 MiB: 1024000",
    });
    // driveitem-createuploadsession: "Each chunk MUST be less than 60 MiB": 60 MiB itself (192 x 320 KiB) is refused.
    await expect(uploadLargeFile(graph, session, new Uint8Array(10), { chunkSize: 60 * KIB * KIB })).rejects.toMatchObject({ code: "invalidUpload" });
    await expect(uploadLargeFile(graph, { uploadUrl: "http://upload.example.com/x" }, new Uint8Array(10))).rejects.toMatchObject({
      code: "invalidUpload",
      message: "the upload session has no uploadUrl, or one that is not https (plain http on loopback only)",
    });
    expect(upload.host.requests).toEqual([]);
  });

  it("reports an expired session as GraphError without the upload URL's credentials", async () => {
    const error = await uploadLargeFile(client(), { uploadUrl: `${upload.host.origin}/upload/expired?tempauth=secret` }, new Uint8Array(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.client.GraphError);
    expect(error).toMatchObject({ status: 404, code: "itemNotFound", message: "GET upload URL failed with 404 itemNotFound: The upload session was not found." });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("tempauth");
  });
});
