import type { Pool, buildConnector } from "undici";
import type { ResolvedConnectionOptions } from "./default-connection-options.js";
import type { TlsMaterial } from "./tls-options.js";

/**
 * The socket options of every connection to an origin: connect timeout (covering the TLS
 * handshake; 0 = none) and TLS settings. @internal
 */
export function connectOptions(options: ResolvedConnectionOptions): buildConnector.BuildOptions {
  const { tls } = options;
  const connect: buildConnector.BuildOptions = {
    timeout: options.connectTimeoutMs,
    minVersion: tls.minVersion,
    rejectUnauthorized: tls.rejectUnauthorized,
  };
  if (tls.ca !== undefined) connect.ca = material(tls.ca);
  if (tls.cert !== undefined) connect.cert = material(tls.cert);
  if (tls.key !== undefined) connect.key = material(tls.key);
  return connect;
}

/** Options of the keep-alive pool of an origin, but for `connect`. @internal */
export function keepAlivePoolOptions(options: ResolvedConnectionOptions): Pool.Options {
  return {
    connections: options.maxConnections,
    headersTimeout: options.socketTimeoutMs,
    bodyTimeout: options.socketTimeoutMs,
  };
}

/**
 * Options of the pool of temporary connections of an origin, but for `connect`: unbounded, and
 * `pipelining: 0`, which sends `Connection: close` and closes each connection after its
 * response. @internal
 */
export function temporaryPoolOptions(options: ResolvedConnectionOptions): Pool.Options {
  return {
    connections: null,
    pipelining: 0,
    headersTimeout: options.socketTimeoutMs,
    bodyTimeout: options.socketTimeoutMs,
  };
}

function material(value: TlsMaterial): string | Buffer | Array<string | Buffer> {
  return typeof value === "string" || Buffer.isBuffer(value) ? value : [...value];
}
