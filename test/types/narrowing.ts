// Type-level test, compiled by tsc (npm run typecheck, and test/types/types.test.ts): the generated
// discriminated unions narrow in user code, and the seed's example body is a valid IdentityApiConnector.
// Every `@ts-expect-error` is an assertion: tsc fails if the line below it compiles.
import type {
  BasicAuthentication,
  ClientCertificateAuthentication,
  Identity,
  IdentityApiConnector,
  Pkcs12Certificate,
} from "../../generated/src/index.js";

// The seed's JavaScript example, verbatim.
const identityApiConnector = {
  displayName: "Test API",
  targetUrl: "https://someapi.com/api",
  authenticationConfiguration: {
    "@odata.type": "#microsoft.graph.basicAuthentication",
    username: "MyUsername",
    password: "MyPassword",
  },
} satisfies IdentityApiConnector;

export function describeAuth(connector: IdentityApiConnector): string {
  const auth = connector.authenticationConfiguration;
  if (!auth) return "none";
  switch (auth["@odata.type"]) {
    case "#microsoft.graph.basicAuthentication": {
      const basic: BasicAuthentication = auth;
      return `basic ${basic.username ?? ""}`;
    }
    case "#microsoft.graph.pkcs12Certificate": {
      const pkcs12: Pkcs12Certificate = auth;
      // @ts-expect-error a pkcs12Certificate has no username: the union narrowed
      return String(pkcs12.username);
    }
    case "#microsoft.graph.clientCertificateAuthentication": {
      const certificate: ClientCertificateAuthentication = auth;
      return `${certificate.certificateList?.length ?? 0} certificates`;
    }
    case undefined:
      return "unknown";
    default: {
      const exhaustive: never = auth;
      return exhaustive;
    }
  }
}

export const seedBody: IdentityApiConnector = identityApiConnector;

export const wrongDiscriminator: IdentityApiConnector = {
  authenticationConfiguration: {
    // @ts-expect-error only the concrete derived types' literals are allowed
    "@odata.type": "#microsoft.graph.user",
  },
};

export const wrongPropertyType: IdentityApiConnector = {
  // @ts-expect-error displayName is a string
  displayName: 42,
};

// Nullable properties admit null; identity is an open type and admits dynamic properties.
export const identity: Identity = { displayName: null, tenantId: "t", thumbnails: { id: "1" }, "custom@odata.type": "x" };
