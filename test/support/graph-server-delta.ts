// GET /v1.0/users/delta for the Graph-like test server (a hook, see graph-server.ts): a first sync lists every
// user page by page ($skiptoken cursors in @odata.nextLink) and ends with an @odata.deltaLink whose $deltatoken
// marks the change log; a sync from it returns what changed since, removed users as `@removed` stubs.
import type { GraphReply, ServerHook } from "./graph-server.js";
import { graphError } from "./graph-server.js";

export type User = { id: string } & Record<string, unknown>;

export interface DeltaUsers {
  readonly hook: ServerHook;
  /** Adds or replaces a user (a change the next delta reports). */
  put(user: User): void;
  /** Removes a user: `deleted` for good, `changed` soft-deleted (Graph's two reasons). */
  remove(id: string, reason: "deleted" | "changed"): void;
  /** Emit links on this origin instead of the server's own. */
  linkOrigin: string | undefined;
}

interface Change {
  seq: number;
  id: string;
  removed?: "deleted" | "changed";
}

/** A sync in progress: the items it reports, fixed when it started, and where its deltaLink will point. */
interface Cursor {
  items: Record<string, unknown>[];
  upTo: number;
  select: string | undefined;
}

export function deltaUsers(options: { pageSize: number }): DeltaUsers {
  const users = new Map<string, User>();
  const log: Change[] = [];
  const cursors = new Map<string, Cursor>();
  const state: DeltaUsers = {
    linkOrigin: undefined,
    put(user) {
      users.set(user.id, user);
      log.push({ seq: log.length + 1, id: user.id });
    },
    remove(id, reason) {
      users.delete(id);
      log.push({ seq: log.length + 1, id, removed: reason });
    },
    hook: (request, server) => {
      if (!/^\/v1\.0\/users\/delta(\(\))?$/.test(request.path)) return undefined;
      if (request.method !== "GET") return graphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
      const base = `${state.linkOrigin ?? server.origin}/v1.0/users/delta`;
      const skip = request.query.$skiptoken;
      if (skip !== undefined) {
        const [key, offset] = skip.split(".");
        const cursor = cursors.get(key ?? "");
        return cursor ? page(cursor, Number(offset), key as string, base, server.baseUrl) : graphError(400, "BadRequest", "Invalid skip token.");
      }
      const since = readDeltaToken(request.query.$deltatoken);
      if (since === "invalid") return graphError(400, "BadRequest", "Invalid delta token.");
      const select = since?.select ?? request.query.$select;
      const cursor: Cursor = { items: changesSince(since?.seq ?? 0, select), upTo: log.length, select };
      const key = String(cursors.size + 1);
      cursors.set(key, cursor);
      return page(cursor, 0, key, base, server.baseUrl);
    },
  };

  function changesSince(seq: number, select: string | undefined): Record<string, unknown>[] {
    const latest = new Map<string, Change>();
    for (const change of log) if (change.seq > seq) latest.set(change.id, change);
    if (seq === 0) for (const change of latest.values()) if (change.removed) latest.delete(change.id);
    return [...latest.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((change) =>
        change.removed
          ? { "@odata.type": "#microsoft.graph.user", id: change.id, "@removed": { reason: change.removed } }
          : project(users.get(change.id) as User, select),
      );
  }

  function page(cursor: Cursor, offset: number, key: string, base: string, baseUrl: string): GraphReply {
    const value = cursor.items.slice(offset, offset + options.pageSize);
    const end = offset + options.pageSize >= cursor.items.length;
    const token = Buffer.from(JSON.stringify({ seq: cursor.upTo, select: cursor.select })).toString("base64url");
    const link = end
      ? { "@odata.deltaLink": `${base}?$deltatoken=${token}` }
      : { "@odata.nextLink": `${base}?$skiptoken=${key}.${offset + options.pageSize}` };
    const shape = cursor.select ? `(${cursor.select})` : "";
    return { status: 200, json: { "@odata.context": `${baseUrl}/$metadata#users${shape}`, ...link, value } };
  }

  return state;
}

function readDeltaToken(token: string | undefined): { seq: number; select?: string } | "invalid" | undefined {
  if (token === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { seq: number; select?: string };
    return Number.isInteger(parsed.seq) ? parsed : "invalid";
  } catch {
    return "invalid";
  }
}

function project(user: User, select: string | undefined): Record<string, unknown> {
  if (select === undefined) return { ...user };
  const fields = ["id", ...select.split(",")];
  return Object.fromEntries(fields.filter((f) => f in user).map((f) => [f, user[f]]));
}
