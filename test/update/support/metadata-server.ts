// A metadata mirror on 127.0.0.1 for `graphgen update`: the current file, an edited newer one, and the
// ways a download goes wrong (404, an HTML page, a connection cut mid-body, a cut-off file, redirects,
// a server that never answers).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface MetadataServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startMetadataServer(files: { current: Buffer; next: Buffer; more?: Record<string, Buffer> }): Promise<MetadataServer> {
  const server: Server = createServer((request, response) => {
    // One connection per request: a pooled socket the server is closing would fail the next test's download.
    response.shouldKeepAlive = false;
    const xml = (body: Buffer) => response.writeHead(200, { "content-type": "application/xml", "content-length": body.length }).end(body);
    const more = files.more?.[request.url ?? ""];
    if (more) return xml(more);
    switch (request.url) {
      case "/current.xml":
        return xml(files.current);
      case "/new.xml":
        return xml(files.next);
      case "/moved":
        return response.writeHead(302, { location: "/new.xml" }).end();
      case "/to-plain-http":
        return response.writeHead(301, { location: "http://example.com/new.xml" }).end();
      case "/page":
        return response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!DOCTYPE html><html><body>Sign in</body></html>");
      case "/cut-off.xml":
        return xml(files.next.subarray(0, Math.floor(files.next.length / 2)));
      case "/dropped.xml":
        // Promises the whole file, sends half, then drops the connection.
        response.writeHead(200, { "content-type": "application/xml", "content-length": files.next.length });
        response.write(files.next.subarray(0, 100_000));
        setTimeout(() => response.socket?.destroy(), 20);
        return;
      case "/silent":
        return; // never answers
      default:
        return response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

/** A port nothing listens on: opened and closed again. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
