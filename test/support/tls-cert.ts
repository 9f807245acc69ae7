// Throwaway self-signed certificate for 127.0.0.1/localhost, minted with the openssl CLI at test time so
// no private key is ever committed. Use it as the server's `tls` option and as the client's trusted CA.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export interface SelfSignedCert {
  /** PEM private key (PKCS#8). */
  key: string;
  /** PEM certificate, also usable as `ca` or via NODE_EXTRA_CA_CERTS. */
  cert: string;
}

const run = promisify(execFile);

// Our own config file instead of -addext keeps the SAN working on older OpenSSL/LibreSSL builds and
// shields the run from whatever the host's openssl.cnf contains.
const OPENSSL_CONFIG = `
[req]
distinguished_name = dn
x509_extensions = ext
prompt = no

[dn]
CN = 127.0.0.1

[ext]
subjectAltName = IP:127.0.0.1, DNS:localhost
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
`;

/** Creates a P-256 key and a self-signed cert valid for `days` (default 1) in a temp dir, then removes it. */
export async function createSelfSignedCert(options: { days?: number } = {}): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), "graphgen-tls-"));
  try {
    const paths = { config: join(dir, "openssl.cnf"), key: join(dir, "key.pem"), cert: join(dir, "cert.pem") };
    await writeFile(paths.config, OPENSSL_CONFIG);
    // EC keys generate in milliseconds where RSA can take a noticeable share of a test's budget.
    await runOpenssl([
      "req", "-x509", "-new", "-nodes",
      "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
      "-sha256", "-days", String(options.days ?? 1),
      "-config", paths.config, "-keyout", paths.key, "-out", paths.cert,
    ]);
    const [key, cert] = await Promise.all([readFile(paths.key, "utf8"), readFile(paths.cert, "utf8")]);
    return { key, cert };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runOpenssl(args: string[]): Promise<void> {
  try {
    // OPENSSL_CONF is cleared so a broken host config cannot interfere; -config supplies everything needed.
    await run("openssl", args, { env: { ...process.env, OPENSSL_CONF: "" }, timeout: 15_000 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") {
      throw new Error(
        "tls-cert: the `openssl` command-line tool was not found on PATH; it is needed to create the " +
          "throwaway certificate for the HTTPS tests. Install OpenSSL (e.g. `apt-get install openssl`).",
      );
    }
    throw new Error(`tls-cert: openssl failed to create a self-signed certificate: ${e.stderr?.trim() || e.message}`);
  }
}
