// `graphgen paths`: the request tree with methods and least-privileged permissions, as text and as JSON.
import { describe, expect, it } from "vitest";
import { runCli } from "../../generator/cli.js";
import type { PathListing } from "../../generator/client/paths.js";
import { REPO } from "./support/generated-client.js";

const run = async (args: string[]) => {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO });
  return { code, stdout, stderr };
};

describe("graphgen paths", () => {
  it("prints each path with its requests and permissions", async () => {
    const { code, stdout } = await run(["paths", "--include-path", "/users/*/manager"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "/users/{user-id}/manager  (microsoft.graph.directoryObject)",
        "  GET    .          get        delegated User.Read.All; application User.Read.All",
        "  PUT    /$ref      setRef     delegated User.ReadWrite.All; application User.ReadWrite.All",
        "  DELETE /$ref      removeRef  delegated User.ReadWrite.All; application User.ReadWrite.All",
        "",
      ].join("\n"),
    );
  });

  it("gives JSON keyed like the generated permissions table, casts and counts included", async () => {
    const { code, stdout } = await run(["paths", "--json", "--include-path", "/users/*/memberOf/**"]);
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as PathListing[];
    const group = listing.find((entry) => entry.path === "/users/{user-id}/memberOf/microsoft.graph.group");
    expect(group).toMatchObject({ kind: "collection", step: "cast", entityType: "microsoft.graph.group" });
    expect(group?.requests.map((r) => r.key)).toEqual([
      "GET /users/{user-id}/memberOf/microsoft.graph.group",
      "GET /users/{user-id}/memberOf/microsoft.graph.group/$count",
    ]);
  });

  it("fails for a path that does not exist, naming the closest", async () => {
    const { code, stderr } = await run(["paths", "--include-path", "/grops/**"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'graphgen: error: include path "/grops/**" matches no request path of the metadata\n  fix: did you mean "/groups/**"? closest paths: /groups, /chats, /drives; `graphgen paths` lists them all\n',
    );
  });
});
