// The generated package as its users get it: built to .js + .d.ts, packed with `npm pack`,
// installed from the tarball into a throwaway project, then compiled with tsc --strict and run,
// both as TypeScript and as a plain ES module. Imports the types, a validator and the client.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { realMetadata, runTsc, tempDir } from "../support/output.js";

const work = tempDir("package");
const pkg = join(work, "pkg");
const consumer = join(work, "consumer");
const NAME = "graph-types-under-test";
let hasClient = false;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
}

beforeAll(async () => {
  await generate({
    metadata: realMetadata,
    include: ["identityApiConnector"],
    includePaths: ["/identity/apiConnectors/**"],
    out: pkg,
    format: false,
    packageName: NAME,
    packageVersion: "1.2.3",
  });
  hasClient = existsSync(join(pkg, "src/client/index.ts"));
  expect(runTsc(["-p", "tsconfig.json"], pkg)).toBe("");
  const tarball = npm(["pack", "--ignore-scripts", "--silent", "--pack-destination", work], pkg).trim().split("\n").pop() as string;
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  npm(["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, tarball)], consumer);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clientImport = () => (hasClient ? `import * as client from "${NAME}/client/index";\n` : "");
const clientUse = () => (hasClient ? "Object.keys(client).length > 0" : "true");

describe("the generated package, installed from its tarball", () => {
  it("ships a manifest with name, version, ESM, exports with types and no side effects", () => {
    const manifest = JSON.parse(readFileSync(join(consumer, "node_modules", NAME, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ name: NAME, version: "1.2.3", type: "module", sideEffects: false });
    expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(manifest.exports["./*"]).toEqual({ types: "./dist/*.d.ts", default: "./dist/*.js" });
    expect(existsSync(join(consumer, "node_modules", NAME, "dist/models/IdentityApiConnector.d.ts"))).toBe(true);
    expect(existsSync(join(consumer, "node_modules", NAME, "src"))).toBe(false);
  });

  it("compiles under tsc --strict and runs, from TypeScript", () => {
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, exactOptionalPropertyTypes: true, outDir: "build", types: [] },
        include: ["main.ts"],
      }),
    );
    writeFileSync(
      join(consumer, "main.ts"),
      `import type { IdentityApiConnector } from "${NAME}";
import type { IdentityApiConnector as FromSubpath } from "${NAME}/models/IdentityApiConnector";
import { validateIdentityApiConnector } from "${NAME}/validators/IdentityApiConnector";
${clientImport()}
const connector: IdentityApiConnector = {
  displayName: "Test API",
  targetUrl: "https://someapi.com/api",
  authenticationConfiguration: { "@odata.type": "#microsoft.graph.basicAuthentication", username: "MyUsername", password: "MyPassword" },
};
const same: FromSubpath = connector;
const checked = validateIdentityApiConnector(same);
console.log(JSON.stringify({ valid: checked.ok, client: ${clientUse()} }));
`,
    );
    expect(runTsc(["-p", "tsconfig.json"], consumer)).toBe("");
    expect(JSON.parse(execFileSync(process.execPath, ["build/main.js"], { cwd: consumer, encoding: "utf8" }))).toEqual({ valid: true, client: true });
  });

  it("runs from a plain ES module", () => {
    writeFileSync(
      join(consumer, "plain.js"),
      `import { validateIdentityApiConnector } from "${NAME}";
import { isIdentityApiConnector } from "${NAME}/validators/IdentityApiConnector";
${clientImport()}
console.log(JSON.stringify({
  valid: validateIdentityApiConnector({ displayName: "Test API" }).ok,
  invalid: isIdentityApiConnector({ displayName: 42 }),
  client: ${clientUse()},
}));
`,
    );
    expect(JSON.parse(execFileSync(process.execPath, ["plain.js"], { cwd: consumer, encoding: "utf8" }))).toEqual({ valid: true, invalid: false, client: true });
  });
});
