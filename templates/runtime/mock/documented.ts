// What Graph's API reference documents its servers doing beyond the metadata, applied by the mock: the
// properties answered without `$select` (unset ones as null or []), secrets never answered, values filled in on
// create, properties required on create, page sizes, statuses. The rules come with the schema
// (generator/mock/documented-behaviour.ts names the reference page of each).
import type { SchemaIndex } from "./resolve.js";
import type { MockStore } from "./store.js";
import { MockGraphError, type DocumentedBehaviour, type Entity, type MockRequest, type ServerValue } from "./types.js";

export function behaviourOf(index: SchemaIndex, type: string): DocumentedBehaviour | undefined {
  return index.schema.documented?.[type];
}

/**
 * An entity as Graph answers it: without `$select`, its type's default set (unset ones as null or `[]`, and for a
 * create the properties `sent`) and none of its select-only properties; secrets masked or left out, nested too.
 */
export function shapeAnswer(
  index: SchemaIndex,
  type: string,
  entity: Entity,
  select: readonly string[] | undefined,
  sent: readonly string[] = [],
): Entity {
  const behaviour = behaviourOf(index, type);
  let shaped = entity;
  if (behaviour && select === undefined) {
    const unset = behaviour.unset ?? {};
    if (behaviour.defaultSelect) {
      shaped = Object.fromEntries(Object.entries(entity).filter(([name]) => name.startsWith("@")));
      for (const name of behaviour.defaultSelect) shaped[name] = entity[name] ?? copy(unset[name] ?? null);
      // A create answers what it was sent besides the default set (user-post-users' identities example).
      for (const name of sent) if (!(behaviour.selectOnly ?? []).includes(name)) shaped[name] = entity[name];
    } else {
      shaped = { ...entity };
      for (const name of behaviour.selectOnly ?? []) delete shaped[name];
      for (const [name, value] of Object.entries(unset)) if (shaped[name] === undefined) shaped[name] = copy(value);
    }
  }
  return hideSecrets(index, shaped, type);
}

/** Secrets of the value's type (its `@odata.type`, else `type`) and of the values it holds, masked or left out. */
function hideSecrets(index: SchemaIndex, value: Entity, type: string | undefined): Entity {
  const named = value["@odata.type"];
  const secrets = behaviourOf(index, typeof named === "string" ? named.replace(/^#/, "") : (type ?? ""))?.secrets ?? {};
  const shown: Entity = {};
  for (const [name, item] of Object.entries(value)) {
    const secret = secrets[name];
    if (secret === "omitted") continue;
    if (secret === "masked" && item !== null && item !== undefined) shown[name] = "******";
    else if (Array.isArray(item))
      shown[name] = item.map((x: unknown) => (isObject(x) ? hideSecrets(index, x, undefined) : x));
    else shown[name] = isObject(item) ? hideSecrets(index, item, undefined) : item;
  }
  return shown;
}

/** Refuses a create body without a property the type's create page lists as required. */
export function checkRequired(index: SchemaIndex, type: string, body: Entity): void {
  const missing = (behaviourOf(index, type)?.required ?? []).filter(
    (name) => body[name] === undefined || body[name] === null,
  );
  if (missing.length === 0) return;
  const short = type.slice(type.lastIndexOf(".") + 1);
  const message = `Property '${missing[0]}' is required when creating a ${short}.`;
  const details = missing.map((name) => ({
    code: "PropertyRequired",
    message: `'${name}' is required.`,
    target: `/${name}`,
  }));
  throw new MockGraphError(400, "Request_BadRequest", message, {}, details);
}

/** Graph takes an enum member in any case and answers it as declared (user-post-messages: `Low` -> `low`). */
export function declareEnums(index: SchemaIndex, type: string, body: Entity): void {
  const properties = index.properties(type);
  for (const [name, value] of Object.entries(body)) {
    const members = index.schema.enumMembers?.[properties.get(name) ?? ""];
    if (!members || typeof value !== "string") continue;
    // Each member of a flags value (`a,B`) alike; an unknown one is left as sent, for the validator to judge.
    const declared = (member: string) => members.find((m) => m.toLowerCase() === member.trim().toLowerCase()) ?? member;
    body[name] = value.split(",").map(declared).join(",");
  }
}

export interface Filling {
  readonly index: SchemaIndex;
  readonly store: MockStore;
  readonly now: () => Date;
  readonly request: MockRequest;
}

/** Sets the values Graph fills in on create (appId, isDraft, organizer, ...) where the body gave none. */
export function fillServerValues(ctx: Filling, type: string, entity: Entity): void {
  for (const [name, value] of Object.entries(behaviourOf(ctx.index, type)?.serverValues ?? {})) {
    if (entity[name] !== undefined) continue;
    if ("composed" in value) {
      const parts = value.composed
        .map((part) => entity[part])
        .filter((part) => typeof part === "string" && part !== "");
      if (parts.length > 0) entity[name] = parts.join(" ");
    } else entity[name] = serverValue(ctx, value);
  }
}

function serverValue(ctx: Filling, value: Exclude<ServerValue, { composed: readonly string[] }>): unknown {
  if ("constant" in value) return copy(value.constant);
  if ("generated" in value) {
    if (value.generated === "now") return ctx.now().toISOString();
    if (value.generated === "sid") return `S-1-12-1-${[...crypto.getRandomValues(new Uint32Array(4))].join("-")}`;
    const guid = crypto.randomUUID();
    return value.generated === "guid" ? guid : guid.replaceAll("-", "").toUpperCase();
  }
  const user = signedInUser(ctx.store, ctx.request) ?? {};
  const displayName = user["displayName"] ?? null;
  if (value.signedIn === "identitySet") return { user: { id: user["id"] ?? null, displayName } };
  return { emailAddress: { name: displayName, address: user["mail"] ?? user["userPrincipalName"] ?? null } };
}

/** The signed-in user's id: the token's `oid` claim, as Graph reads it; undefined for a token that is not a JWT. */
export function signedInId(request: MockRequest): string | undefined {
  const payload = (request.headers["authorization"] ?? "").replace(/^Bearer /i, "").split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    const oid = isObject(claims) ? claims["oid"] : undefined;
    return typeof oid === "string" && oid !== "" ? oid : undefined;
  } catch {
    return undefined;
  }
}

function signedInUser(store: MockStore, request: MockRequest): Entity | undefined {
  const id = signedInId(request);
  return id === undefined ? undefined : (store.item("/users", id) ?? { id });
}

function copy<T>(value: T): T {
  return value === null || typeof value !== "object" ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function isObject(value: unknown): value is Entity {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
