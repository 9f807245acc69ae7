// Which module holds each request builder (generator/client/grouping.ts): a subtree of up to the limit shares
// the module of its top path; a larger one gives its top path a module of its own and splits below it.
import { describe, expect, it } from "vitest";
import { groupRequestNodes, MODULE_PATHS } from "../../generator/client/grouping.js";
import type { RequestNode } from "../../generator/client/request-tree.js";

/** A node with what grouping reads: its path, the navigation below it, its key item and item path. */
function node(template: string, children: RequestNode[] = [], extra: { item?: RequestNode; itemPath?: RequestNode } = {}): RequestNode {
  return { template, segments: template.split("/").slice(1), children, ...extra } as unknown as RequestNode;
}

// /users (collection) -> /users/{user-id} -> manager, messages -> /messages/{message-id} -> attachments
const attachments = node("/users/{user-id}/messages/{message-id}/attachments");
const message = node("/users/{user-id}/messages/{message-id}", [attachments]);
const messages = node("/users/{user-id}/messages", [], { item: message });
const manager = node("/users/{user-id}/manager");
const user = node("/users/{user-id}", [manager, messages]);
const users = node("/users", [], { item: user });
const me = node("/me");

describe("request builder modules", () => {
  it("puts a small tree in its root's module, in tree order", () => {
    const { modules, moduleOf } = groupRequestNodes([users, me]);
    expect(modules.map((m) => [m.modulePath, m.nodes.map((n) => n.template)])).toEqual([
      ["client/paths/users", ["/users", "/users/{user-id}", "/users/{user-id}/manager", "/users/{user-id}/messages", "/users/{user-id}/messages/{message-id}", "/users/{user-id}/messages/{message-id}/attachments"]],
      ["client/paths/me", ["/me"]],
    ]);
    expect(moduleOf(attachments)).toBe("client/paths/users");
    expect(MODULE_PATHS).toBe(40);
  });

  it("gives a path whose subtree is over the limit a module of its own, and splits below it", () => {
    const { modules, moduleOf } = groupRequestNodes([users, me], 3);
    expect(modules.map((m) => [m.modulePath, m.nodes.length])).toEqual([
      ["client/paths/users", 1],
      ["client/paths/users/byId", 1],
      ["client/paths/users/byId/manager", 1],
      ["client/paths/users/byId/messages", 3],
      ["client/paths/me", 1],
    ]);
    expect(moduleOf(user)).toBe("client/paths/users/byId");
    expect(moduleOf(message)).toBe("client/paths/users/byId/messages");
    // Every path is in exactly one module.
    expect(modules.flatMap((m) => m.nodes).length).toBe(7);
  });

  it("refuses a node it did not place", () => {
    expect(() => groupRequestNodes([me]).moduleOf(users)).toThrow("internal: no request builder module for /users");
  });
});
