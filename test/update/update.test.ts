// `graphgen update` against a metadata mirror on 127.0.0.1: the diff, the exact places in a sample
// app that the breaking changes touch, `--check` as a CI gate, writing + regenerating, and every way
// a download can fail leaving the project's metadata as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { realMetadata, tempDir } from "../support/output.js";
import { closedPort, startMetadataServer, type MetadataServer } from "./support/metadata-server.js";
import { createProject, editedMetadata, withoutApiConnectors } from "./support/project.js";

const work = tempDir("update");
const project = join(work, "project");
const metadataFile = join(project, "graph/metadata.xml");
const next = editedMetadata();
let server: MetadataServer;

async function run(args: string[], cwd = project) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const USAGES = [
  "Your code: 2 place(s) stop compiling with this update (tsc errors it adds):",
  "  sample/main.ts:4:29  reads `federatedIdentityCredential.issuer`, which was removed (TS2339)",
  "  sample/main.ts:5:13  reads `federatedIdentityCredential.name`, which became nullable (TS18049)",
].join("\n");

beforeAll(async () => {
  server = await startMetadataServer({ current: readFileSync(realMetadata), next, more: { "/paths.xml": withoutApiConnectors(), "/commented.xml": Buffer.concat([readFileSync(realMetadata), Buffer.from("<!-- republished -->\n")]), "/newer.xml": withNewerNotice(next) } });
  await createProject(project, true);
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe("graphgen update --check", () => {
  it("prints the diff and exactly the places the sample app breaks, writes nothing, exits 1", async () => {
    const config = readFileSync(join(project, "graphgen.config.json"), "utf8");
    const { code, stdout, stderr } = await run(["update", "--from", `${server.url}/new.xml`, "--project", "sample/tsconfig.json", "--check"]);
    expect(stdout).toContain(`graphgen diff graph/metadata.xml -> ${server.url}/new.xml, over your selection (--all for everything)\n4 change(s): 4 breaking, 0 non-breaking; implies a major version bump`);
    expect(stdout).toContain("  - property removed: microsoft.graph.federatedIdentityCredential.issuer (Edm.String)\n");
    expect(stdout).toContain("  - now nullable: microsoft.graph.federatedIdentityCredential.name\n");
    expect(stdout).toContain("  - complex type removed: microsoft.graph.pkcs12Certificate\n");
    expect(stdout).toContain(`\n${USAGES}\n`);
    expect(stderr).toBe(`graphgen: graph/metadata.xml differs from ${server.url}/new.xml (their deprecation notices do not tell which is newer); run graphgen update to take it\n`);
    expect(code).toBe(1);
    expect(readFileSync(metadataFile).equals(readFileSync(realMetadata))).toBe(true);
    expect(readFileSync(join(project, "graphgen.config.json"), "utf8")).toBe(config);
  }, 60_000);

  it("calls the project out of date when the new file's newest deprecation notice is newer", async () => {
    const { code, stdout, stderr } = await run(["update", "--from", `${server.url}/newer.xml`, "--check"]);
    expect(stdout).toContain(`\nnote: graph/metadata.xml is older than ${server.url}/newer.xml (its newest deprecation notice is dated 2026-03-18, against 2027-01-15)\n`);
    expect(stderr).toBe("graphgen: graph/metadata.xml is out of date; run graphgen update\n");
    expect(code).toBe(1);
  }, 60_000);

  it("with --fail-on breaking fails because the app is touched; exits 0 when the app touches nothing", async () => {
    const touched = await run(["update", "--from", `${server.url}/moved`, "--project", "sample/tsconfig.json", "--check", "--fail-on", "breaking"]);
    expect(touched.stderr).toBe(`graphgen: graph/metadata.xml differs from ${server.url}/new.xml (their deprecation notices do not tell which is newer), and 2 place(s) in your code break; run graphgen update to take it\n`);
    expect(touched.code).toBe(1);
    writeFileSync(join(project, "untouched.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, files: [] }));
    const untouched = await run(["update", "--from", `${server.url}/new.xml`, "--project", "untouched.json", "--check", "--fail-on", "breaking"]);
    expect(untouched.stdout).toContain("\nyour code compiles as before: the update adds no tsc error to it\n");
    expect(untouched.code).toBe(0);
  }, 60_000);

  it("reports as JSON for tools", async () => {
    const { code, stdout } = await run(["update", "--from", `${server.url}/new.xml`, "--project", "sample/tsconfig.json", "--check", "--format", "json"]);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ old: "graph/metadata.xml", new: `${server.url}/new.xml`, bump: "major", breaking: 4, checked: true });
    expect(report.usages).toEqual([
      {
        file: "sample/main.ts",
        line: 4,
        column: 29,
        tsc: "TS2339: Property 'issuer' does not exist on type 'FederatedIdentityCredential'.",
        symbol: "federatedIdentityCredential.issuer",
        message: "reads `federatedIdentityCredential.issuer`, which was removed (TS2339)",
      },
      {
        file: "sample/main.ts",
        line: 5,
        column: 13,
        tsc: "TS18049: 'credential.name' is possibly 'null' or 'undefined'.",
        symbol: "federatedIdentityCredential.name",
        message: "reads `federatedIdentityCredential.name`, which became nullable (TS18049)",
      },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it("names the client call whose request path was removed, once per call chain", async () => {
    const { code, stdout } = await run(["update", "--from", `${server.url}/paths.xml`, "--project", "sample/tsconfig.json", "--check"]);
    expect(stdout).toContain(
      [
        "4 change(s): 4 breaking, 0 non-breaking; implies a major version bump\n\nBreaking:",
        "  - request path removed: /identity/apiConnectors",
        "  - request path removed: /identity/apiConnectors/$count",
        "  - request path removed: /identity/apiConnectors/{identityApiConnector-id}",
        "  - request path removed: /identity/apiConnectors/{identityApiConnector-id}/uploadClientCertificate\n",
      ].join("\n"),
    );
    expect(stdout).toContain(
      '\nYour code uses 1 thing(s) this update breaks (found by searching your code: the new metadata cannot be generated with this config: include path "/identity/apiConnectors/**" matches no request path of the metadata):\n  sample/client.ts:4:48  calls `client.identity.apiConnectors`, whose path /identity/apiConnectors was removed\n',
    );
    expect(code).toBe(1);
  }, 60_000);

  it("names a removed type where the code imports it or its validator (where tsc stops), and a property read by destructuring", async () => {
    const dir = join(project, "certs");
    mkdirSync(dir);
    writeFileSync(join(dir, "tsconfig.json"), readFileSync(join(project, "sample/tsconfig.json")));
    writeFileSync(
      join(dir, "upload.ts"),
      [
        'import type { FederatedIdentityCredential, Pkcs12Certificate } from "../src/graph/src/index.js";',
        'import { isPkcs12Certificate } from "../src/graph/src/index.js";',
        'export const certificate: Pkcs12Certificate = { pkcs12Value: "MIIK", password: "p" };',
        "export const issuerOf = ({ issuer }: FederatedIdentityCredential) => issuer;",
        "export const looksLikeOne = (value: unknown) => isPkcs12Certificate(value);",
        "",
      ].join("\n"),
    );
    const { stdout } = await run(["update", "--from", `${server.url}/new.xml`, "--project", "certs/tsconfig.json", "--check"]);
    expect(stdout).toContain(
      [
        "\nYour code: 3 place(s) stop compiling with this update (tsc errors it adds):",
        `  certs/upload.ts:1:44  TS2305: Module '"../src/graph/src/index.js"' has no exported member 'Pkcs12Certificate'. (caused by complex type removed: microsoft.graph.pkcs12Certificate)`,
        `  certs/upload.ts:2:10  TS2305: Module '"../src/graph/src/index.js"' has no exported member 'isPkcs12Certificate'. (caused by complex type removed: microsoft.graph.pkcs12Certificate)`,
        "  certs/upload.ts:4:28  reads `federatedIdentityCredential.issuer`, which was removed (TS2339)\n",
      ].join("\n"),
    );
  }, 60_000);

  it("passes (exit 0) when the published file differs outside the generated API only", async () => {
    const { code, stdout, stderr } = await run(["update", "--from", `${server.url}/commented.xml`, "--project", "sample/tsconfig.json", "--check"]);
    expect(stdout).toContain("no API changes; no version bump needed\n");
    expect(stderr).toBe(`graphgen: graph/metadata.xml differs from ${server.url}/commented.xml outside the generated API only; graphgen update takes it (new doc comments)\n`);
    expect(code).toBe(0);
  }, 60_000);

  it("regenerates the new metadata from the downloaded bytes in memory, leaving nothing in the temporary folder", async () => {
    const ours = () => readdirSync(tmpdir()).filter((name) => name.startsWith("graphgen-update"));
    const before = ours();
    const { code, stdout } = await run(["update", "--from", `${server.url}/new.xml`, "--project", "sample/tsconfig.json", "--check"]);
    expect(stdout).toContain(`\n${USAGES}\n`);
    expect(code).toBe(1);
    expect(ours()).toEqual(before);
  });

  it("is up to date, exit 0, when the published file is the project's", async () => {
    const { code, stdout } = await run(["update", "--from", `${server.url}/current.xml`, "--check"]);
    expect(stdout).toBe(`graphgen: graph/metadata.xml is up to date with ${server.url}/current.xml\n`);
    expect(code).toBe(0);
  });
});

describe("graphgen update, failing downloads leave the metadata as it was", () => {
  const failures: [string, () => Promise<string[]>, string][] = [
    ["an unreachable server", async () => ["--from", `http://127.0.0.1:${await closedPort()}/new.xml`], "could not reach 127.0.0.1:PORT (connection refused)"],
    ["a 404", async () => ["--from", `${server.url}/gone.xml`], "HTTP 404 Not Found"],
    ["an HTML page", async () => ["--from", `${server.url}/page`], "answered with an HTML page, not CSDL metadata"],
    ["a dropped connection", async () => ["--from", `${server.url}/dropped.xml`], "the connection to 127.0.0.1:PORT broke after"],
    ["a cut-off file", async () => ["--from", `${server.url}/cut-off.xml`], "is not complete CSDL metadata"],
    ["a server that never answers", async () => ["--from", `${server.url}/silent`, "--timeout", "0.3"], "timed out after 0.3 s"],
    ["a redirect to plain http", async () => ["--from", `${server.url}/to-plain-http`], "refusing to download metadata: URL/to-plain-http redirects to http://example.com/new.xml"],
    ["a plain-http URL off this machine", async () => ["--from", "http://example.com/new.xml"], "refusing to download metadata: http://example.com/new.xml is not https"],
  ];
  it.each(failures)("%s", async (_name, args, message) => {
    const { code, stdout, stderr } = await run(["update", ...(await args()), "--project", "sample/tsconfig.json"]);
    const shown = stderr.replace(server.url, "URL").replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");
    expect(shown).toMatch(/^graphgen: error: /);
    expect(shown).toContain(message);
    expect(shown).toMatch(/\n {2}fix: .+\n$/);
    expect(stdout).toBe("");
    expect(code).toBe(1);
    expect(readFileSync(metadataFile).equals(readFileSync(realMetadata))).toBe(true);
    expect(readdirSync(join(project, "graph"))).toEqual(["metadata.xml"]);
  });
});

describe("graphgen update", () => {
  it("writes the new metadata and regenerates; a second run is up to date", async () => {
    const { code, stdout } = await run(["update", "--from", `${server.url}/new.xml`, "--project", "sample/tsconfig.json"]);
    expect(stdout).toContain(`\n${USAGES}\n`);
    // src/graph is JavaScript + declarations (emit's default inside src/): the removed type's model and validator, .js and .d.ts each.
    expect(stdout).toMatch(/\nwrote graph\/metadata\.xml; regenerated src\/graph \(\d+ written, 4 removed\)\n$/);
    expect(code).toBe(0);
    expect(readFileSync(metadataFile).equals(next)).toBe(true);
    expect(existsSync(join(project, "src/graph/src/models/Pkcs12Certificate.d.ts"))).toBe(false);
    expect(existsSync(join(project, "src/graph/src/validators/Pkcs12Certificate.js"))).toBe(false);
    expect(readFileSync(join(project, "src/graph/src/models/FederatedIdentityCredential.d.ts"), "utf8")).not.toContain("issuer");
    const again = await run(["update", "--from", `${server.url}/new.xml`]);
    expect(again.stderr + again.stdout).toBe(`graphgen: graph/metadata.xml is up to date with ${server.url}/new.xml\n`);
  }, 60_000);

  it("moves a project on graphgen's shipped metadata to its own copy (and the overlay and descriptions it was used with)", async () => {
    const shipped = join(work, "shipped");
    await createProject(shipped, false);
    writeFileSync(join(work, "downloaded.xml"), next);
    const { code, stdout } = await run(["update", "--config", "shipped/graphgen.config.json", "--from", "downloaded.xml"], work);
    // Paths typed on the command line are relative to where the command runs, not to the config.
    expect(stdout).toContain("graphgen diff graphgen's shipped v1.0 metadata -> downloaded.xml, over your selection (--all for everything)\n");
    expect(stdout).toMatch(/\nwrote shipped\/graphgen\/metadata\.xml, shipped\/graphgen\/overlay\.xml, shipped\/graphgen\/descriptions\.json, shipped\/graphgen\.config\.json; regenerated shipped\/src\/graph/);
    expect(code).toBe(0);
    const config = JSON.parse(readFileSync(join(shipped, "graphgen.config.json"), "utf8"));
    expect(config).toMatchObject({ metadata: "graphgen/metadata.xml", overlays: ["graphgen/overlay.xml", "graphgen/descriptions.json"], include: ["identityApiConnector", "federatedIdentityCredential"] });
    expect(readFileSync(join(shipped, "graphgen/metadata.xml")).equals(next)).toBe(true);
  }, 60_000);

  it("needs a config file", async () => {
    const { code, stderr } = await run(["update", "--from", `${server.url}/new.xml`], work);
    expect(stderr).toBe(`graphgen: error: config file ${join(work, "graphgen.config.json")} not found\n  fix: run \`graphgen init\` first: update records the metadata's location in the config\n`);
    expect(code).toBe(1);
  });
});

/** `metadata` with one more deprecation notice, dated after every notice of the shipped file. */
function withNewerNotice(metadata: Buffer): Buffer {
  const text = metadata.toString("utf8");
  const anchor = `<Annotations Target="microsoft.graph.alertDetection">`;
  if (!text.includes(anchor)) throw new Error("metadata edit: alertDetection annotations not found");
  const notice = `<Annotations Target="microsoft.graph.thumbnail/width">
        <Annotation Term="Org.OData.Core.V1.Revisions">
          <Collection>
            <Record>
              <PropertyValue Property="Date" Date="2027-01-15" />
              <PropertyValue Property="Description" String="Use the source item's dimensions." />
              <PropertyValue Property="Kind">
                <EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember>
              </PropertyValue>
              <PropertyValue Property="RemovalDate" Date="2028-01-15" />
            </Record>
          </Collection>
        </Annotation>
      </Annotations>
      `;
  return Buffer.from(text.replace(anchor, `${notice}${anchor}`), "utf8");
}
