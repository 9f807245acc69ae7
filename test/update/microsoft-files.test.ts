// `graphgen update` on Microsoft's own published files (issue 22): the described v1.0 file of
// 2023-05 carries descriptions that graphgen's shipped overlay also sets; the overlay fills gaps
// only, so the update succeeds and Microsoft's words win where both have some.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import { tempDir } from "../support/output.js";
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
    const identity = readFileSync(join(project, "src/graph/src/models/Identity.ts"), "utf8");
    // The described file's own words for identity.displayName (the overlay's differ) ...
    expect(identity).toContain("   * The display name of the identity. Note that this might not always be available or up to date.");
    expect(identity).not.toContain("For drive items, the display name might not always be available");
    // ... and the overlay still fills what that file lacks.
    expect(identity).toContain("   * Unique identity of the tenant. Optional.\n   */\n  tenantId?: string | null;");
    expect(existsSync(join(project, "graphgen/overlay.xml"))).toBe(true);
  }, 180_000);
});
