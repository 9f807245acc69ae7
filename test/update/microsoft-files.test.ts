// `graphgen update` on Microsoft's own published files (issue 22): the described v1.0 file of
// 2023-05 carries descriptions that graphgen's shipped overlay also sets; the overlay fills gaps
// only, so the update succeeds and Microsoft's words win where both have some.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { runTsc, tempDir } from "../support/output.js";
import { generate } from "../../generator/generate.js";
import { loadConfig } from "../../generator/config.js";
import { writeDescribed } from "./support/described.js";
import { CONFIG, createProject } from "./support/project.js";

const work = tempDir("update-microsoft");
const project = join(work, "project");
let described: string;

async function run(args: string[], cwd = project) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  described = writeDescribed(join(work, "cleanMetadataWithDescriptionsv1.0.xml"));
  await createProject(project, false);
  // identity is where graphgen's overlay and Microsoft's descriptions meet.
  writeFileSync(join(project, "graphgen.config.json"), JSON.stringify({ ...CONFIG, include: [...CONFIG.include, "identity"] }, null, 2));
}, 120_000);
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(work, { recursive: true, force: true });
});

describe("update --from Microsoft's described v1.0 file of 2023-05", () => {
  it("--check says that file is the older one and that there is nothing to update (exit 0), over the selection", async () => {
    const { code, stdout, stderr } = await run(["update", "--from", described, "--check"]);
    expect(stdout.split("\n")[0]).toBe(`graphgen diff graphgen's shipped v1.0 metadata -> ${described}, over your selection (--all for everything)`);
    expect(stdout.split("\n")[1]).toBe(`note: ${described} is older than graphgen's shipped v1.0 metadata (its newest deprecation notice is dated 2022-04-25, against 2026-03-18)`);
    expect(stderr).toBe(
      `graphgen: ${described} is older than graphgen's shipped v1.0 metadata (its newest deprecation notice is dated 2022-04-25, against 2026-03-18); nothing to update (graphgen update --from it would go back to it)\n`,
    );
    expect(code).toBe(0);
  }, 120_000);

  it("succeeds on a project on graphgen's shipped metadata; Microsoft's descriptions win over graphgen's overlay", async () => {
    const { code, stderr } = await run(["update", "--from", described]);
    expect(stderr).not.toContain("error");
    expect(code).toBe(0);
    expect(readFileSync(join(project, "graphgen/metadata.xml")).equals(readFileSync(described))).toBe(true);
    // The project generates into src/graph, so its package is JavaScript + declarations (emit "js").
    const identity = readFileSync(join(project, "src/graph/src/models/Identity.d.ts"), "utf8");
    // The described file's own words for identity.displayName (the overlay's differ) ...
    expect(identity).toMatch(/\*\s+The display name of the identity\. Note that this might not always be available or up to date\./);
    expect(identity).not.toContain("For drive items, the display name might not always be available");
    // ... and the overlay still fills what that file lacks.
    expect(identity).toMatch(/\*\s+Unique identity of the tenant\. Optional\.\s+\*\/\s+tenantId\?: string \| null;/);
    expect(existsSync(join(project, "graphgen/overlay.xml"))).toBe(true);
  }, 180_000);
});

/**
 * An app written against graphgen's shipped (2026) metadata that uses users, groups and drive uploads,
 * including the three places the pattern search missed (a removed property in `select`, a
 * destructured one, one set in a `createUploadSession` body), a removed type, and code nothing breaks.
 */
const APP = `import type { Group, OnPremisesSyncBehavior, User } from "../src/graph/src/index.js";
import { createGraphClient } from "../src/graph/src/client/index.js";

const client = createGraphClient({ getAccessToken: () => "token" });

export const parent = () => client.users.byId("u1").get({ select: ["displayName", "identityParentId"] });

export function restricted(g: Group): boolean {
  const { isManagementRestricted } = g;
  return isManagementRestricted ?? false;
}

export const upload = () =>
  client.drives.byId("d1").items.byId("i1").createUploadSession({ item: { name: "a.mp4", mediaSource: { contentCategory: "meeting" } } });

export const lastSuccess = (u: User) => u.signInActivity?.lastSuccessfulSignInDateTime;

export const uniqueName = (g: Group) => g.uniqueName?.toUpperCase();

export const cloudManaged = (b: OnPremisesSyncBehavior) => b.isCloudManaged;

export const name = (u: User) => u.displayName ?? "";
`;

const APP_CONFIG = {
  include: ["user", "group"],
  includePaths: ["/users/*", "/groups/*", "/drives/*/items/*/createUploadSession"],
  out: "src/graph",
  format: false,
};

describe("the impact report of update --from the 2023-05 file on an app", () => {
  const app = join(work, "app");

  /** tsc's errors in the app's own files, as `file:line:column TScode`. */
  function tscErrors(dir: string): string[] {
    const output = runTsc(["-p", "sample/tsconfig.json"], dir);
    return [...output.matchAll(/^(sample\/[^(]+)\((\d+),(\d+)\): error (TS\d+)/gm)].map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`);
  }

  it("equals the set of compile errors tsc finds in the app after the update, each with its cause", async () => {
    mkdirSync(join(app, "sample"), { recursive: true });
    writeFileSync(join(app, "graphgen.config.json"), JSON.stringify(APP_CONFIG, null, 2));
    writeFileSync(join(app, "sample/app.ts"), APP);
    writeFileSync(join(app, "sample/tsconfig.json"), JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, skipLibCheck: true }, include: ["."] }));
    await generate(loadConfig(join(app, "graphgen.config.json")));
    expect(tscErrors(app)).toEqual([]);

    const { stdout } = await run(["update", "--from", described, "--project", "sample/tsconfig.json", "--check", "--format", "json"], app);
    const report = JSON.parse(stdout) as { usages: { file: string; line: number; column: number; tsc: string; message: string }[] };
    const reported = report.usages.map((u) => `${u.file}:${u.line}:${u.column} ${u.tsc.split(":")[0]}`);

    // The truth: update for real, then tsc on the app.
    expect((await run(["update", "--from", described], app)).code).toBe(0);
    const actual = tscErrors(app);
    expect(actual.length).toBeGreaterThanOrEqual(6);
    expect(reported).toEqual(actual);
    // The three misses are among them, each with the change that caused it.
    const messageAt = (line: number) => report.usages.find((u) => u.line === line)?.message;
    expect(messageAt(6)).toContain("microsoft.graph.user.identityParentId");
    expect(messageAt(9)).toContain("group.isManagementRestricted");
    expect(messageAt(14)).toContain("microsoft.graph.driveItemUploadableProperties.mediaSource");
    expect(report.usages.every((u) => !u.message.includes("no single metadata change"))).toBe(true);
  }, 600_000);
});
