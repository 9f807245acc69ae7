// `listen()`: the same fake Graph on a real socket, on 127.0.0.1 and a free port, for code that does not
// use the generated client. node:http is imported only when called, through a name the bundler does not
// follow, so a test bundle for the browser that only uses `mock.fetch` never holds it.
import type { MockReply, MockRequest } from "./types.js";

export interface MockServer {
  /** `http://127.0.0.1:PORT/v1.0`: the base URL to give the code under test. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** An answer with its bytes; undefined drops the connection. */
export type SocketHandler = (
  origin: string,
  request: MockRequest,
) => Promise<(MockReply & { body: Uint8Array | undefined }) | undefined>;

/** The little of node:http used here, so the package's types need no @types/node. */
interface NodeHttp {
  createServer(handler: (req: IncomingMessage, res: ServerResponse) => void): HttpServer;
}
interface IncomingMessage extends AsyncIterable<Uint8Array> {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly socket: { destroy(): void };
}
interface ServerResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body?: Uint8Array): void;
}
interface HttpServer {
  listen(port: number, host: string, ready: () => void): void;
  address(): { port: number } | string | null;
  close(done: () => void): void;
  closeAllConnections(): void;
}

const NODE_HTTP: string = "node:http";

export async function listen(handler: SocketHandler): Promise<MockServer> {
  const http = (await import(NODE_HTTP)) as NodeHttp;
  let origin = "";
  const server = http.createServer((req, res) => {
    void answer(req, res).catch(() => req.socket.destroy());
  });
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const url = new URL(req.url ?? "/", origin);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = String(value);
    const body = chunks.length === 0 ? undefined : concat(chunks);
    const request: MockRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
    };
    const reply = await handler(origin, request);
    if (!reply) return req.socket.destroy();
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body);
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    baseUrl: `${origin}/v1.0`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() until they time out.
        server.closeAllConnections();
      }),
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
