// A fetch over node:https that trusts one extra CA (the test's self-signed certificate), for clients
// talking to the TLS test server without NODE_EXTRA_CA_CERTS in a child process.
import https from "node:https";

export function tlsFetch(ca: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(new Headers(init?.headers));
    const body = init?.body == null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const request = https.request(url, { method: init?.method ?? "GET", headers, ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const status = res.statusCode ?? 500;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") responseHeaders.set(name, value);
          const content = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(content, { status, headers: responseHeaders }));
        });
      });
      request.on("error", reject);
      init?.signal?.addEventListener("abort", () => request.destroy(init.signal?.reason as Error), { once: true });
      request.end(body);
    });
  };
}
