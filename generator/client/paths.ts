// The request paths a client would have, as data: what `graphgen paths` prints and a build script can import.
// One entry per request tree node that sends requests, in tree order, each request with its least-privileged
// permissions (the same lookup the generated `permissions` table uses).
import type { Model } from "../model/types.js";
import { parsePathPatterns } from "./include-paths.js";
import { loadGraphPermissions, permissionLookup } from "./permissions.js";
import { nodeRequests, requestNodes, type RequestNode, type RequestRole } from "./request-tree.js";
import { buildRequestTree } from "./tree-walk.js";

export interface PathListing {
  /** `/groups/{group-id}/members` */
  readonly path: string;
  readonly kind: RequestNode["kind"];
  readonly step: RequestNode["step"];
  readonly entityType: string;
  readonly requests: readonly PathRequest[];
}

export interface PathRequest {
  readonly method: string;
  /** `POST /groups/{group-id}/members/$ref`: the key of the generated `permissions` table. */
  readonly key: string;
  readonly template: string;
  readonly role: RequestRole;
  /** The bound operation's segment, for role `operation`. */
  readonly operation?: string;
  /** Least-privileged permission names; empty when Graph's tables do not list the request. */
  readonly delegated: readonly string[];
  readonly application: readonly string[];
}

/** Every request path `includePaths` selects (default: all of them), with methods and permissions. */
export function listRequestPaths(model: Model, options: { includePaths?: readonly string[]; rootNamespace?: string } = {}): PathListing[] {
  const patterns = parsePathPatterns(options.includePaths?.length ? options.includePaths : ["/**"]);
  const roots = buildRequestTree(model, patterns, options.rootNamespace ?? "microsoft.graph");
  const lookup = permissionLookup(loadGraphPermissions());
  return requestNodes(roots).flatMap((node) => {
    const requests = nodeRequests(node).map((request): PathRequest => {
      const { least } = lookup(request.method, request.template);
      return {
        method: request.method,
        key: `${request.method} ${request.template}`,
        template: request.template,
        role: request.role,
        ...(request.operation ? { operation: request.operation } : {}),
        delegated: least?.delegated.map((p) => p.name) ?? [],
        application: least?.application.map((p) => p.name) ?? [],
      };
    });
    return requests.length === 0 ? [] : [{ path: node.template, kind: node.kind, step: node.step, entityType: node.entityType, requests }];
  });
}

/** The listing as text: each path, then its requests indented, with the part of the template below the path. */
export function renderPathListing(listing: readonly PathListing[]): string {
  const lines: string[] = [];
  for (const entry of listing) {
    lines.push(`${entry.path}  (${entry.kind === "collection" ? "collection of " : ""}${entry.entityType})`);
    for (const request of entry.requests) {
      const below = request.template.slice(entry.path.length) || ".";
      const what = request.operation ?? request.role;
      const permissions = `delegated ${request.delegated.join(" | ") || "-"}; application ${request.application.join(" | ") || "-"}`;
      lines.push(`  ${request.method.padEnd(6)} ${below.padEnd(10)} ${what.padEnd(10)} ${permissions}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
