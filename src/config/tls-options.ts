/** TLS settings of the connections to the platform and the token endpoint. */
export interface TlsOptions {
  /** Trusted CA certificates (PEM) instead of Node's defaults. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string | Buffer;
  /** Private key (PEM) of the client certificate. */
  key?: string | Buffer;
  /** The lowest TLS version accepted; TLS 1.2 at the least. Default `TLSv1.2`. */
  minVersion?: "TLSv1.2" | "TLSv1.3";
}
