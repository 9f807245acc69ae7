// Type-level test, compiled by tsc (npm run typecheck, and test/types/types.test.ts): open types stay
// typo-safe where users write them, instance annotations are allowed on every type, and the dynamic
// members Graph really sends keep working. Every `@ts-expect-error` is an assertion.
import type { Identity, IdentityApiConnector, ThumbnailSet } from "../../generated/src/index.js";

// identity is an open type: extension-shaped keys (`extension_<appId>_<name>`, `<prefix>_<name>`) compile.
export const withExtensions: Identity = {
  displayName: "Jane",
  extension_b7d8e5fa_department: "Sales",
  contoso_badge: 42,
};

export const misspelt: Identity = {
  // @ts-expect-error a misspelt property of an open type is not taken for a dynamic property
  dispalyName: "Jane",
};

// Instance annotations on a closed type, in a request body and from a response.
export const withAnnotations: IdentityApiConnector = {
  displayName: "Test API",
  "@odata.id": "https://graph.microsoft.com/v1.0/identity/apiConnectors/1",
  "owner@odata.bind": "https://graph.microsoft.com/v1.0/users/1",
  "@microsoft.graph.conflictBehavior": "replace",
  "@odata.etag": 'W/"1"',
};

export const closedStaysClosed: IdentityApiConnector = {
  // @ts-expect-error a closed type has no extension properties
  target_url: "https://someapi.com/api",
};

// thumbnailSet's dynamic members (custom sizes) have any name, as Graph sends them.
export function customThumbnail(set: ThumbnailSet): unknown {
  return [set["c300x400_crop"], set["c200x150"], set.large?.url];
}
