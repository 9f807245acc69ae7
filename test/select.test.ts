// The selection on the real v1.0 metadata: request paths bring their types' closure without following
// navigation properties (issue 19: six paths pulled in 3,718 types), a navigation property that points
// outside is retyped to its nearest selected base, and `include` keeps the whole closure.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../generator/generate.js";
import { loadModel } from "../generator/load.js";
import { structuredType } from "../generator/model/queries.js";
import type { Model } from "../generator/model/types.js";
import { selectTypes } from "../generator/select.js";
import { realMetadata, repoRoot, runTsc, tempDir } from "./support/output.js";

const { model } = loadModel(realMetadata, [join(repoRoot, "metadata/overlay.xml")], repoRoot);
const options = { include: [], all: false, rootNamespace: "microsoft.graph" };
const work = tempDir("select");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const navigation = (m: Model, type: string, name: string) => structuredType(m, type)?.navigationProperties.find((p) => p.name === name);

describe("a request path's types", () => {
  const selection = selectTypes(model, { ...options, pathTypes: ["microsoft.graph.user"] });

  it("come with their bases, derived types and property types, not what their navigation reaches", () => {
    expect(selection.types).toEqual(expect.arrayContaining(["microsoft.graph.user", "microsoft.graph.agentUser", "microsoft.graph.directoryObject", "microsoft.graph.entity", "microsoft.graph.assignedLicense"]));
    expect(selection.types).not.toContain("microsoft.graph.chat");
    expect(selection.types).not.toContain("microsoft.graph.onenote");
    const everything = selectTypes(model, { ...options, include: ["microsoft.graph.user"] });
    expect(selection.types.length).toBeLessThan(everything.types.length / 5);
  });

  it("type a navigation property outside the selection as its nearest selected base, with no derived type", () => {
    expect(selection.types).not.toContain("microsoft.graph.onenote");
    expect(navigation(selection.model, "microsoft.graph.user", "onenote")).toMatchObject({ type: { name: "microsoft.graph.entity", collection: false }, derivedTypeConstraint: [] });
    // Inside the selection it keeps its type; the original model is untouched.
    expect(navigation(selection.model, "microsoft.graph.user", "manager")?.type.name).toBe("microsoft.graph.directoryObject");
    expect(navigation(model, "microsoft.graph.user", "onenote")?.type.name).toBe("microsoft.graph.onenote");
  });

  it("follow navigation when the type is also included by name", () => {
    const both = selectTypes(model, { ...options, include: ["user"], pathTypes: ["microsoft.graph.user"] });
    expect(both.types).toContain("microsoft.graph.onenote");
    expect(navigation(both.model, "microsoft.graph.user", "onenote")?.type.name).toBe("microsoft.graph.onenote");
  });
});

describe("all", () => {
  it("selects what the closure of every type, each included by name, reaches, with the model unchanged", () => {
    const pathTypes = ["microsoft.graph.user"];
    const all = selectTypes(model, { ...options, all: true, pathTypes });
    const closure = selectTypes(model, { ...options, include: [...model.types.keys()], pathTypes });
    expect(all.types).toEqual(closure.types);
    expect(all.types).toHaveLength(model.types.size);
    expect(all.boundOperations).toEqual(closure.boundOperations);
    expect(all.model).toBe(model);
    expect(closure.model).toBe(model);
  });
});

describe("a package generated for request paths alone", () => {
  it("types user.onenote as Entity, and compiles", async () => {
    const out = join(work, "users");
    const result = await generate({ metadata: realMetadata, includePaths: ["/users/*", "/me/messages/**"], out, format: false });
    expect(result.files.some((f) => f.path === "src/models/Onenote.ts")).toBe(false);
    expect(readFileSync(join(out, "src/models/User.ts"), "utf8")).toContain("  onenote?: Entity | null;\n");
    expect(runTsc(["-p", "tsconfig.json", "--noEmit"], out)).toBe("");
  }, 120_000);
});
