// The generated fake Graph (createMockGraph) on a real socket for the client tests: the same mock users
// get, generated with the client under test, served on 127.0.0.1 by `listen()` (the brief wants a real
// HTTP server the tests start and stop). The network-only cases (TLS, other origins) keep graph-server.ts.
import { generateMock, type GeneratedMock } from "../../mock/support/generated-mock.js";

export { SEED_BODY } from "./generated-client.js";

export interface ListeningMock {
  readonly generated: GeneratedMock;
  /** The mock: seed, read, fault, handle, requests (the log, paths without `/v1.0`), reset. */
  readonly mock: any;
  /** `http://127.0.0.1:PORT/v1.0` */
  readonly baseUrl: string;
  /** A client of the generated package pointed at the socket. */
  client(options?: Record<string, unknown>): any;
  close(): Promise<void>;
}

/** Generates the default config's package (or `includePaths` of the real metadata) with its mock, and starts the mock on a free port. */
export async function startMockGraph(options: Record<string, unknown> = {}, includePaths?: string[]): Promise<ListeningMock> {
  const own = await generateMock(includePaths ? { includePaths } : {});
  const mock = own.createMockGraph(options);
  const server = await mock.listen();
  return {
    generated: own,
    mock,
    baseUrl: server.baseUrl,
    client: (clientOptions = {}) =>
      own.client.createGraphClient({ getAccessToken: () => "token", baseUrl: server.baseUrl, ...clientOptions }),
    async close() {
      await server.close();
      own.dispose();
    },
  };
}
