// Tokens for Graph from what apps already hold: any `TokenCredential` (@azure/identity's
// ClientSecretCredential, DefaultAzureCredential, InteractiveBrowserCredential...) or an MSAL client
// application. Each adapter asks for the chosen cloud's scope, caches the token until shortly before it
// expires, and gives `createGraphClient` the base URL of the same cloud and a fetch that, once, renews the
// token and sends the request again when Graph answers 401 because the token expired. The libraries are
// described by their shape only: neither is a dependency, and a client that does not import this module
// bundles none of it.

/** Graph's clouds, as Microsoft's national cloud deployments page names them. */
export type GraphCloud = "global" | "usGov" | "usGovDoD" | "china";

export interface CloudEndpoints {
  /** Microsoft Graph's service root. */
  readonly graph: string;
  /** Microsoft Entra ID's token service, the authority's host for MSAL and @azure/identity. */
  readonly login: string;
}

/**
 * The service root and token service of each cloud (concepts/deployments.md of Microsoft Graph's docs):
 * `usGov` is Microsoft Graph for US Government L4 (GCC High), `usGovDoD` L5 (DoD), `china` the cloud
 * operated by 21Vianet. A Microsoft 365 GCC tenant uses `global`.
 */
export const GRAPH_CLOUDS: Readonly<Record<GraphCloud, CloudEndpoints>> = {
  global: {
    graph: "https://graph.microsoft.com",
    login: "https://login.microsoftonline.com",
  },
  usGov: {
    graph: "https://graph.microsoft.us",
    login: "https://login.microsoftonline.us",
  },
  usGovDoD: {
    graph: "https://dod-graph.microsoft.us",
    login: "https://login.microsoftonline.us",
  },
  china: {
    graph: "https://microsoftgraph.chinacloudapi.cn",
    login: "https://login.chinacloudapi.cn",
  },
};

/** A cloud's base URL and the scope of every permission the app was granted there: they go together. */
export interface CloudSettings {
  /** `https://graph.microsoft.us/v1.0`: for `createGraphClient({ baseUrl })`. */
  readonly baseUrl: string;
  /** `https://graph.microsoft.us/.default`: what a token for that cloud's Graph is asked for. */
  readonly scope: string;
  /** `https://login.microsoftonline.us`: the authority host for the credential or MSAL app. */
  readonly authorityHost: string;
}

/** The base URL, scope and authority host of a cloud, for an app that gets its tokens itself. */
export const graphCloud = (cloud: GraphCloud = "global", version: "v1.0" | "beta" = "v1.0"): CloudSettings => {
  const { graph, login } = GRAPH_CLOUDS[cloud];
  return {
    baseUrl: `${graph}/${version}`,
    scope: `${graph}/.default`,
    authorityHost: login,
  };
};

/** @azure/identity's `TokenCredential`, by its shape. */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal },
  ): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/** What MSAL's `acquireToken*` methods resolve to, by its shape. */
export interface MsalTokenResult {
  accessToken: string;
  expiresOn: Date | null;
}

/**
 * An MSAL client application, by its shape: a `ConfidentialClientApplication` (client credentials, for an app
 * acting as itself) or a `PublicClientApplication` / confidential one with a signed-in account (silent flow).
 */
export interface MsalAppLike {
  acquireTokenByClientCredential?(request: { scopes: string[]; skipCache?: boolean }): Promise<MsalTokenResult | null>;
  acquireTokenSilent?(request: { scopes: string[]; account: never; forceRefresh?: boolean }): Promise<MsalTokenResult>;
}

export interface AuthOptions {
  /** The cloud whose Graph the client calls: its base URL and `.default` scope. Default `global`. */
  cloud?: GraphCloud;
  /** `v1.0` (default) or `beta`: only the base URL changes; beta types come from a generation from beta metadata. */
  version?: "v1.0" | "beta";
  /** Scopes to ask for instead of the cloud's `.default` one (delegated apps may list theirs). */
  scopes?: string[];
  /** A cached token is renewed this long before it expires. Default 120000 (two minutes). */
  refreshBeforeMs?: number;
  /** MSAL's silent flow: the signed-in account (`AccountInfo`). */
  account?: unknown;
  /** The fetch the returned one sends through (another middleware, a test double). Default: the global fetch. */
  fetch?: typeof fetch;
  /** The clock, in milliseconds since 1970: tests pass their own. Default `Date.now`. */
  now?: () => number;
}

/** What `createGraphClient` takes from an adapter: `createGraphClient({ ...tokenCredentialAuth(credential) })`. */
export interface GraphAuth {
  /** The cached token, renewed shortly before it expires; `forceRefresh` renews it now. */
  readonly getAccessToken: (request?: { forceRefresh?: boolean }) => Promise<string>;
  /** The base URL of the cloud the token is for. */
  readonly baseUrl: string;
  /** Sends through `options.fetch`; on a 401 saying the token expired, renews it and sends the request once more. */
  readonly fetch: typeof fetch;
  /** The scopes the tokens are asked for. */
  readonly scopes: readonly string[];
}

interface Token {
  token: string;
  expiresAt: number;
}

/**
 * Graph's answer to an expired token: 401 with `InvalidAuthenticationToken` and a message saying so
 * ("Lifetime validation failed, the token is expired."). Other 401s (a wrong audience) are not retried.
 */
const saysExpired = async (response: Response): Promise<boolean> => {
  if (response.status !== 401) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: { code?: unknown; message?: unknown } } | undefined;
  return body?.error?.code === "InvalidAuthenticationToken" && /expired/i.test(String(body.error.message));
};

/** The adapter around one way of getting a token: the cache, the cloud, and the fetch that renews on expiry. */
const graphAuth = (
  acquire: (scopes: string[], forceRefresh: boolean) => Promise<Token>,
  options: AuthOptions,
): GraphAuth => {
  const settings = graphCloud(options.cloud, options.version);
  const scopes = options.scopes ?? [settings.scope];
  const margin = options.refreshBeforeMs ?? 120_000;
  const now = options.now ?? Date.now;
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let held: Token | undefined;
  let pending: Promise<Token> | undefined;
  const getAccessToken = async (request: { forceRefresh?: boolean } = {}): Promise<string> => {
    if (request.forceRefresh !== true && held && held.expiresAt - margin > now()) return held.token;
    // One request for a token at a time: callers during a renewal wait for the same one.
    pending ??= acquire(scopes, request.forceRefresh === true)
      .then((token) => (held = token))
      .finally(() => (pending = undefined));
    return (await pending).token;
  };
  const renewingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await send(input, init);
    // A stream body was read by the first attempt and cannot be sent again.
    if (init?.body instanceof ReadableStream || !(await saysExpired(response))) return response;
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${await getAccessToken({ forceRefresh: true })}`);
    return send(input, { ...init, headers });
  };
  return {
    getAccessToken,
    baseUrl: settings.baseUrl,
    fetch: renewingFetch,
    scopes,
  };
};

/**
 * An adapter from any `TokenCredential`: `createGraphClient({ ...tokenCredentialAuth(new ClientSecretCredential(tenantId,
 * clientId, secret, { authorityHost: graphCloud("usGov").authorityHost }), { cloud: "usGov" }) })`.
 */
export const tokenCredentialAuth = (credential: TokenCredentialLike, options: AuthOptions = {}): GraphAuth =>
  graphAuth(async (scopes) => {
    const token = await credential.getToken(scopes);
    if (!token) throw new Error(`the credential returned no token for ${scopes.join(" ")}`);
    return { token: token.token, expiresAt: token.expiresOnTimestamp };
  }, options);

/**
 * An adapter from an MSAL client application: with `account`, its silent flow (a signed-in user); else its
 * client-credential flow (the app as itself). MSAL caches too; this cache saves its lookups per request.
 */
export const msalAuth = (app: MsalAppLike, options: AuthOptions = {}): GraphAuth =>
  graphAuth(async (scopes, forceRefresh) => {
    const result =
      options.account !== undefined && app.acquireTokenSilent
        ? await app.acquireTokenSilent({
            scopes,
            account: options.account as never,
            forceRefresh,
          })
        : await app.acquireTokenByClientCredential?.({
            scopes,
            skipCache: forceRefresh,
          });
    if (!result) throw new Error(`MSAL returned no token for ${scopes.join(" ")}`);
    // MSAL gives no expiry for some cached results: then the token is used for the next five minutes.
    return {
      token: result.accessToken,
      expiresAt: result.expiresOn?.getTime() ?? (options.now ?? Date.now)() + 300_000,
    };
  }, options);
