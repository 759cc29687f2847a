import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

function readCert(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./certs/${name}`, import.meta.url)), "utf8");
}

/**
 * The committed test certificates (see `certs/generate.sh`): a CA, a server certificate for
 * `localhost` and `127.0.0.1` signed by it, and a client certificate for mutual TLS. Test use only.
 */
export const testCerts = {
  ca: readCert("ca.pem"),
  serverCert: readCert("server.pem"),
  serverKey: readCert("server-key.pem"),
  clientCert: readCert("client.pem"),
  clientKey: readCert("client-key.pem"),
} as const;
