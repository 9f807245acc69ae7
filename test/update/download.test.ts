// Where `graphgen update` reads metadata from: redirects on this machine followed, progress reported
// as bytes arrive, files by path or file: URL, and https required off this machine.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAllowedUrl, readMetadataSource } from "../../generator/update/download.js";
import { realMetadata, repoRoot } from "../support/output.js";
import { startMetadataServer, type MetadataServer } from "./support/metadata-server.js";

const current = readFileSync(realMetadata);
const next = Buffer.from("<edmx:Edmx/>");
let server: MetadataServer;
beforeAll(async () => {
  server = await startMetadataServer({ current, next });
});
afterAll(() => server.close());

describe("readMetadataSource", () => {
  it("follows a redirect on this machine and names the final URL", async () => {
    const source = await readMetadataSource(`${server.url}/moved`, { cwd: repoRoot });
    expect(source).toEqual({ bytes: next, name: `${server.url}/new.xml` });
  });

  it("reports progress up to the declared length", async () => {
    const seen: [number, number | undefined][] = [];
    await readMetadataSource(`${server.url}/current.xml`, { cwd: repoRoot, onProgress: (received, total) => seen.push([received, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([current.length, current.length]);
    expect(seen.every(([received], i) => i === 0 || received > (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it("reads a file by path (relative to cwd) or file: URL", async () => {
    expect((await readMetadataSource("metadata/overlay.xml", { cwd: repoRoot })).bytes).toEqual(readFileSync(`${repoRoot}/metadata/overlay.xml`));
    expect((await readMetadataSource(pathToFileURL(realMetadata).href, { cwd: "/" })).bytes.length).toBe(current.length);
    await expect(readMetadataSource("nope.xml", { cwd: repoRoot })).rejects.toThrow("metadata file nope.xml not found");
  });

  it("takes short names for Microsoft's published files (beta, national clouds) from msgraph-metadata or a mirror of it", async () => {
    const mirror = await startMetadataServer({
      current,
      next,
      more: { "/clean_beta_metadata/cleanMetadataWithDescriptionsbeta.xml": Buffer.from("beta"), "/schemas/v1.0-Fairfax.csdl": Buffer.from("fairfax") },
    });
    try {
      expect(await readMetadataSource("beta", { cwd: repoRoot, mirror: mirror.url })).toEqual({ bytes: Buffer.from("beta"), name: `${mirror.url}/clean_beta_metadata/cleanMetadataWithDescriptionsbeta.xml` });
      expect((await readMetadataSource("v1.0-Fairfax", { cwd: repoRoot, mirror: `${mirror.url}/` })).bytes.toString()).toBe("fairfax");
    } finally {
      await mirror.close();
    }
    // A file of that name wins over the short name.
    expect((await readMetadataSource("LICENSE-msgraph-metadata", { cwd: `${repoRoot}/metadata` })).name).toBe("LICENSE-msgraph-metadata");
    await expect(readMetadataSource("gamma", { cwd: repoRoot })).rejects.toMatchObject({ message: "metadata file gamma not found", hint: expect.stringMatching(/^pass --from an existing CSDL file, an https URL, or one of v1\.0, beta, v1\.0-fairfax, beta-fairfax, v1\.0-mooncake/) });
  });
});

describe("checkAllowedUrl", () => {
  it("allows https anywhere and plain http only on loopback", () => {
    for (const ok of ["https://raw.githubusercontent.com/x.xml", "http://127.0.0.1:8080/x.xml", "http://localhost/x.xml", "http://[::1]:9/x.xml"]) {
      expect(() => checkAllowedUrl(new URL(ok))).not.toThrow();
    }
    expect(() => checkAllowedUrl(new URL("http://10.0.0.1/x.xml"))).toThrow("refusing to download metadata: http://10.0.0.1/x.xml is not https");
    expect(() => checkAllowedUrl(new URL("ftp://example.com/x.xml"))).toThrow("is not https");
  });
});
