// The product page's example request body (../shared/seed), shared by the tests that send or
// validate it. test/types/narrowing.ts and the wire-compatibility test quote it verbatim on purpose.

/** The seed's JavaScript example body for POST /identity/apiConnectors. */
export const SEED_BODY = {
  displayName: "Test API",
  targetUrl: "https://someapi.com/api",
  authenticationConfiguration: {
    "@odata.type": "#microsoft.graph.basicAuthentication",
    username: "MyUsername",
    password: "MyPassword",
  },
};
