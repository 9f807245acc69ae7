// How a request reaches a row of Graph's permission tables when the tables do not list it as written.
// The tables write a request by the resource it acts on, and document `/me` and `/users/{id}` on one page,
// so each rule below names the request the reference answers for it. Tried in order; the first the tables
// list wins, and the answer records the rules it took.

export type FallbackRule =
  /** `/users/{id}/members/microsoft.graph.user`: the tables list the uncast path. */
  | "cast-as-base"
  /** `GET /users/$count`: counted with the permissions that list the collection (the reference's List page). */
  | "count-as-collection"
  /** `GET /users/{id}/photo/$value`: the media with the permissions of its resource. */
  | "value-as-resource"
  /** `DELETE /groups/{id}/members/{id}/$ref`, `PUT /users/{id}/manager/$ref`: the reference by its relationship. */
  | "ref-as-relationship"
  /** `POST .../owners/$ref`: adding a reference needs what removing one needs (the reference's Add and Remove pages agree). */
  | "add-ref-as-remove-ref"
  /**
   * `/me/drive/root:/{item-path}:/...`, `/me/drive/root/...`, `.../items/{id}/children/{id}`: a drive item addressed
   * by path, as the root or as a child is the item, `/drive/items/{id}`.
   */
  | "item-path-as-item"
  /** `GET /groups/{id}/members/{id}`: reading one item of a collection needs what reading the collection needs. */
  | "item-as-collection"
  /** `PATCH /me`: the signed-in user is a user; delegated permissions only. */
  | "me-as-user"
  /** `GET /users/{id}/calendar`: the tables list some requests under `/me` only; delegated permissions only. */
  | "user-as-me";

export interface RequestVariant {
  path: string;
  method: string;
  via: FallbackRule[];
  /** The request acts as the signed-in user (`/me`): only delegated permissions can call it. */
  signedInUser: boolean;
}

/** A cast to a type of the root namespace: one segment `microsoft.graph.group` (sub-namespace operations have more dots). */
const CAST_SEGMENT = /\/microsoft\.graph\.[A-Za-z0-9_]+(?=\/|$)/g;
const ME = /^\/me(?=\/|$)/i;
const USER = /^\/users\/\{[^/]*\}(?=\/|$)/i;

interface Rewrite {
  rule: FallbackRule;
  apply(path: string, method: string): string;
}

/** The shape rewrites, applied together; each records its rule when it changed the path. */
const REWRITES: readonly Rewrite[] = [
  // A final `microsoft.graph.x` on a POST is a bound action, not a cast.
  { rule: "cast-as-base", apply: (p, m) => p.replace(CAST_SEGMENT, (cast, offset: number) => (offset + cast.length === p.length && m !== "GET" ? cast : "")) },
  { rule: "count-as-collection", apply: (p) => p.replace(/\/\$count$/, "") },
  { rule: "value-as-resource", apply: (p) => p.replace(/\/\$value$/, "") },
  { rule: "ref-as-relationship", apply: (p) => p.replace(/\/\$ref$/, "") },
  {
    rule: "item-path-as-item",
    apply: (p) =>
      p
        .replace(/\/root:\/\{[^}]*\}:/, "/items/{driveItem-id}")
        .replace(/\/drive\/root(?=\/)/, "/drive/items/{driveItem-id}")
        .replace(/(\/items\/\{[^}]*\}):\/\{[^}]*\}:/g, "$1")
        .replace(/\/items\/\{[^}]*\}(?:\/children\/\{[^}]*\})*\/children\/(\{[^}]*\})/, "/items/$1"),
  },
];

function rewritten(path: string, method: string): { path: string; via: FallbackRule[] } {
  const via: FallbackRule[] = [];
  let current = path;
  for (const rewrite of REWRITES) {
    const next = rewrite.apply(current, method);
    if (next !== current) via.push(rewrite.rule);
    current = next;
  }
  return { path: current, via };
}

function swapUser(path: string): { path: string; rule: FallbackRule } | undefined {
  if (ME.test(path)) return { path: path.replace(ME, "/users/{user-id}"), rule: "me-as-user" };
  if (USER.test(path)) return { path: path.replace(USER, "/me"), rule: "user-as-me" };
  return undefined;
}

/**
 * The requests to look up for `method path`, in the order the rules try them: the request itself, its equivalent
 * shape, adding a reference as removing one, each of those on `/me` or `/users/{id}` swapped; only then, for a GET,
 * the collection an item belongs to (and its swap), the loosest rule.
 */
export function requestVariants(path: string, method: string): RequestVariant[] {
  const trimmed = path.trim().replace(/\/+$/, "") || "/";
  const onMe = ME.test(trimmed);
  const shapes: Array<{ path: string; method: string; via: FallbackRule[] }> = [{ path: trimmed, method, via: [] }];
  const equivalent = rewritten(trimmed, method);
  if (equivalent.via.length > 0) shapes.push({ path: equivalent.path, method, via: equivalent.via });
  if (method === "POST" && trimmed.endsWith("/$ref")) {
    shapes.push({ path: `${equivalent.path}/{id}`, method: "DELETE", via: [...equivalent.via, "add-ref-as-remove-ref"] });
  }
  const item = /^(.*)\/\{[^/]*\}$/.exec(equivalent.path);
  const collection = method === "GET" && item?.[1] ? [{ path: item[1], method, via: [...equivalent.via, "item-as-collection" as const] }] : [];
  return [shapes, collection].flatMap((group) => [
    ...group.map((s) => ({ ...s, signedInUser: onMe })),
    ...group.flatMap((s) => {
      const swapped = swapUser(s.path);
      return swapped ? [{ path: swapped.path, method: s.method, via: [...s.via, swapped.rule], signedInUser: true }] : [];
    }),
  ]);
}
