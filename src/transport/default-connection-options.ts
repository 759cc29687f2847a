import { ProxyConfiguration } from "../config/proxy-configuration.js";
import { resolveTlsOptions } from "./tls-options.js";
import type { ResolvedTlsOptions, TlsOptions } from "./tls-options.js";

/** Options of a {@link DefaultConnection}; the timeouts are in seconds, as in the configuration. */
export interface DefaultConnectionOptions {
  /**
   * Seconds to establish a connection: the TCP connect and the TLS handshake (through a proxy,
   * the TCP connect to the proxy, then the TLS handshake through its tunnel). A negative value
   * (conventionally -1) means no timeout.
   */
  connectTimeout: number;
  /**
   * Seconds to wait for the response headers once the request is sent (and for a proxy's answer
   * to CONNECT), then at most between two chunks of the response body. A negative value
   * (conventionally -1) means no timeout.
   */
  socketTimeout: number;
  /** Keep-alive connections kept per origin. Default 10. */
  maxConnections?: number | undefined;
  /** The HTTP proxy every request goes through. */
  proxyConfiguration?: ProxyConfiguration | undefined;
  /** TLS settings for https origins. */
  tls?: TlsOptions | undefined;
  /**
   * With logging on, the largest response body read into memory to be logged; a larger one is
   * logged without its body and handed on as a stream. Bytes; default 16 MiB.
   */
  maxLoggedBodyBytes?: number | undefined;
}

/** The validated options, with timeouts in milliseconds (0 = none). @internal */
export interface ResolvedConnectionOptions {
  connectTimeoutSeconds: number;
  socketTimeoutSeconds: number;
  connectTimeoutMs: number;
  socketTimeoutMs: number;
  maxConnections: number;
  proxy: ProxyConfiguration | undefined;
  tls: ResolvedTlsOptions;
  maxLoggedBodyBytes: number;
}

/** The largest response body buffered for the log unless configured otherwise: 16 MiB. */
export const DEFAULT_MAX_LOGGED_BODY_BYTES = 16 * 1024 * 1024;

/** The pool size when `maxConnections` is not given. */
export const DEFAULT_MAX_CONNECTIONS = 10;

/**
 * Validates {@link DefaultConnectionOptions} and applies the defaults.
 * @throws TypeError naming the offending option.
 */
export function resolveConnectionOptions(options: DefaultConnectionOptions): ResolvedConnectionOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("DefaultConnection options must be an object");
  }
  const connectTimeoutMs = timeoutMs("connectTimeout", options.connectTimeout);
  const socketTimeoutMs = timeoutMs("socketTimeout", options.socketTimeout);
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) {
    throw new TypeError(`maxConnections must be a positive integer, got ${String(maxConnections)}`);
  }
  const maxLoggedBodyBytes = options.maxLoggedBodyBytes ?? DEFAULT_MAX_LOGGED_BODY_BYTES;
  if (!Number.isSafeInteger(maxLoggedBodyBytes) || maxLoggedBodyBytes < 0) {
    throw new TypeError(
      `maxLoggedBodyBytes must be a non-negative integer, got ${String(options.maxLoggedBodyBytes)}`,
    );
  }
  const proxy = options.proxyConfiguration;
  if (proxy !== undefined && !(proxy instanceof ProxyConfiguration)) {
    throw new TypeError("proxyConfiguration must be a ProxyConfiguration");
  }
  return {
    connectTimeoutSeconds: options.connectTimeout,
    socketTimeoutSeconds: options.socketTimeout,
    connectTimeoutMs,
    socketTimeoutMs,
    maxConnections,
    proxy,
    tls: resolveTlsOptions(options.tls),
    maxLoggedBodyBytes,
  };
}

function timeoutMs(name: string, seconds: unknown): number {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds === 0) {
    throw new TypeError(
      `${name} must be a number of seconds, positive or -1 for none, got ${String(seconds)}`,
    );
  }
  // undici takes 0 as "no timeout"; a sub-millisecond timeout still has to fire.
  return seconds < 0 ? 0 : Math.max(1, Math.round(seconds * 1000));
}
