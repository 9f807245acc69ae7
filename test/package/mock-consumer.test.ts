// Acceptance of the fake Graph as users get it: the package generated from the full v1.0 metadata is packed,
// installed from its tarball into a throwaway project, and that project's own test (mock-consumer/) is
// compiled with tsc --strict and run with node: an app function that lists a group's members and adds one,
// tested against the mock without a socket; the seed's connector round trip; Graph's 400; a retried 429.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { realMetadata, repoRoot, runTsc, tempDir } from "../support/output.js";

const work = tempDir("mock-consumer");
const pkg = join(work, "pkg");
const consumer = join(work, "consumer");
const NAME = "graph-mock-under-test";
const INCLUDE_PATHS = ["/identity/apiConnectors/**", "/groups/{group-id}/members/**", "/users"];

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
}

beforeAll(async () => {
  await generate({ metadata: realMetadata, includePaths: INCLUDE_PATHS, out: pkg, format: false, packageName: NAME, packageVersion: "1.0.0" });
  expect(runTsc(["-p", "tsconfig.json"], pkg)).toBe("");
  const tarball = npm(["pack", "--ignore-scripts", "--silent", "--pack-destination", work], pkg).trim().split("\n").pop() as string;
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  npm(["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, tarball)], consumer);
  for (const file of ["app.ts", "check-app.ts"]) {
    const source = readFileSync(join(repoRoot, "test/package/mock-consumer", file), "utf8");
    writeFileSync(join(consumer, file), source.replaceAll("PACKAGE/", `${NAME}/`));
  }
  const compilerOptions = { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, exactOptionalPropertyTypes: true, outDir: "build", types: [] };
  writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["app.ts", "check-app.ts"] }));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a consumer's test against the generated mock, installed from the tarball", () => {
  it("exports the mock as <package>/mock beside the client", () => {
    const manifest = JSON.parse(readFileSync(join(consumer, "node_modules", NAME, "package.json"), "utf8"));
    expect(manifest.exports["./mock"]).toEqual({ types: "./dist/mock/index.d.ts", default: "./dist/mock/index.js" });
  });

  it("compiles under tsc --strict (typed seeds included) and passes, with no socket", () => {
    expect(runTsc(["-p", "tsconfig.json"], consumer)).toBe("");
    const output = JSON.parse(execFileSync(process.execPath, ["build/check-app.js"], { cwd: consumer, encoding: "utf8" }));
    expect(output.app).toEqual({
      before: ["Ada"],
      after: ["u1", "u2"],
      again: ["Ada", "Grace"],
      requests: ["GET /groups/{group-id}/members 200", "POST /groups/{group-id}/members/$ref 204", "GET /groups/{group-id}/members 200"],
    });
    expect(output.roundTrip).toEqual({ created: "Test API", got: "Test API", listed: 1, uploaded: "Renamed", left: 0 });
    expect(output.invalid).toEqual({
      status: 400,
      code: "BadRequest",
      message: "POST /identity/apiConnectors failed with 400 BadRequest: Invalid request body: /displayName: expected Edm.String, received number 42",
    });
    expect(output.throttled).toEqual([429, 200]);
    // The figure the issue asks for (under 50 ms), reported rather than asserted.
    console.log(`mock consumer test: app test ${output.timing.coldMs.toFixed(1)} ms cold, ${output.timing.warmMedianMs.toFixed(2)} ms warm (median of 20)`);
  });
});
