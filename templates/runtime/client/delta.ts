// Delta sync: every page of a `delta` function, following `@odata.nextLink` to the page that carries
// `@odata.deltaLink`, which a sync job persists (one string) and resumes from. Links are followed on the base
// URL's origin only. Imported by the request builders that have a delta function, so other clients bundle none of it.
import { GraphClientError, GraphError } from "./errors.js";
import { queryString } from "./runtime.js";
import type { CollectionPage, GetOptions, GraphTransport, OperationSpec } from "./runtime.js";

export interface DeltaOptions<Property extends string, Navigation extends string> extends GetOptions<
  Property,
  Navigation
> {
  filter?: string;
  /**
   * Resumes from the `deltaLink` an earlier sync ended with: only what changed since comes. The link holds the
   * query of the first sync, so `select`, `expand` and `filter` are not sent again.
   */
  deltaLink?: string | undefined;
  /**
   * A drive item's delta only (driveitem-delta): `latest` answers no items and the current deltaLink, to hear of
   * changes from now on; a timestamp (`2021-09-29T20:00:00Z`, OneDrive for Business and SharePoint) what changed
   * since then. Sent as `?token=`, as the page shows.
   */
  token?: string | undefined;
}

/** An item gone since the last sync: `reason` is `deleted` (for good) or `changed` (soft-deleted, restorable). */
export interface Removed {
  id: string;
  "@odata.type"?: string;
  "@removed": { reason: "changed" | "deleted" | (string & {}) };
}

/** An item as a delta page holds it: changed or new (`T`), or removed. `"@removed" in item` tells them apart. */
export type DeltaChange<T> = (T & { "@removed"?: undefined }) | Removed;

export type DeltaPage<T> = CollectionPage<DeltaChange<T>>;

export interface DeltaSync<T> extends AsyncIterable<DeltaChange<T>> {
  /** Set once the last page has been read: persist it, and pass it as `deltaLink` to get what changed next. */
  readonly deltaLink: string | undefined;
  /**
   * Set when Graph could not answer changes for the saved link and answered `410 Gone` with a `Location`: the sync
   * started over from there (every item, not changes), as driveitem-delta says to. `code` tells what to do with
   * local state: `resyncChangesApplyDifferences` (the server's version wins) or `resyncChangesUploadDifferences`
   * (upload what the server lacks).
   */
  readonly resync: { readonly code: string } | undefined;
  /** The pages themselves, the last one carrying `@odata.deltaLink`. */
  pages(): AsyncIterable<DeltaPage<T>>;
}

export function deltaSync<T>(
  transport: GraphTransport,
  spec: OperationSpec,
  path: string,
  options: DeltaOptions<string, string> = {},
): DeltaSync<T> {
  const { deltaLink: from, token, ...query } = options;
  let deltaLink: string | undefined;
  let resync: { code: string } | undefined;
  const first = async (): Promise<DeltaPage<T>> => {
    if (from === undefined) {
      if (token === undefined) return transport.send<DeltaPage<T>>(spec, path, query);
      // `?token=` is no OData option: the link is made here, the options' query after it, and followed.
      const options = queryString(query);
      const link = `${transport.baseUrl}${path}?token=${encodeURIComponent(token)}${options && `&${options.slice(1)}`}`;
      return transport.follow<DeltaPage<T>>(spec, link, query);
    }
    try {
      return await transport.follow<DeltaPage<T>>(spec, from, query);
    } catch (error) {
      // driveitem-delta: 410 Gone with a Location header "containing a new nextLink that starts a fresh delta
      // enumeration from scratch". Followed once; the caller reads `resync` to reconcile its local state.
      const location = error instanceof GraphError && error.status === 410 ? error.headers["location"] : undefined;
      if (location === undefined) throw error;
      resync = { code: (error as GraphError).code };
      return transport.follow<DeltaPage<T>>(spec, location, query);
    }
  };
  async function* pages(): AsyncIterable<DeltaPage<T>> {
    let page = await first();
    for (let next = page["@odata.nextLink"]; ; next = page["@odata.nextLink"]) {
      yield page;
      if (next === undefined) break;
      page = await transport.follow<DeltaPage<T>>(spec, next, query);
    }
    if (page["@odata.deltaLink"] === undefined) {
      const message = `${spec.method} ${spec.template}: the last delta page has no @odata.deltaLink to resume from`;
      throw new GraphClientError("invalidResponse", message);
    }
    deltaLink = page["@odata.deltaLink"];
  }
  return {
    get deltaLink() {
      return deltaLink;
    },
    get resync() {
      return resync;
    },
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.value ?? [];
    },
  };
}
