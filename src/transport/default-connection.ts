import type { Dispatcher } from "undici";
import type { BodyObfuscator } from "../log/body-obfuscator.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import type { HeaderObfuscator } from "../log/header-obfuscator.js";
import type { LogMessageObfuscators } from "../log/log-message.js";
import type {
  ConnectionBody,
  ConnectionRequestOptions,
  ConnectionResponse,
  PooledConnection,
  RequestHeader,
} from "./connection.js";
import { resolveConnectionOptions } from "./default-connection-options.js";
import type { DefaultConnectionOptions, ResolvedConnectionOptions } from "./default-connection-options.js";
import { createDirectDispatcherFactory } from "./direct-dispatcher-factory.js";
import type { DispatcherFactory } from "./dispatcher-factory.js";
import { ExchangeLog } from "./exchange-log.js";
import { MultipartFormDataObject } from "./multipart-form-data-object.js";
import { encodeMultipartBody } from "./encode-multipart-body.js";
import { OriginPool } from "./origin-pool.js";
import { createProxyDispatcherFactory } from "./proxy-dispatcher-factory.js";
import { raceAbort } from "./race-abort.js";
import { toCommunicationException } from "./to-communication-exception.js";
import { BoundedMap } from "../internal/bounded-map.js";

/** Connection counts of a {@link DefaultConnection}, for monitoring. */
export interface DefaultConnectionStats {
  /** Origins with a pool; a pool is created on the first request to its origin. */
  origins: number;
  /** Open sockets, pooled and temporary. */
  openConnections: number;
  /** Requests sent or waiting whose response has not been fully received. */
  requestsInProgress: number;
}

/**
 * The default {@link PooledConnection}, on undici. Requests may go to any origin; each origin gets
 * a pool of up to `maxConnections` keep-alive connections, created on first use. When more
 * requests are in progress than that, the extra ones are sent on temporary connections that close
 * after their response.
 *
 * Any status resolves; the call rejects only without a response, with a `CommunicationException`
 * naming the method, origin and path (and which timeout fired, for a timeout), the undici error as
 * its `cause`. An aborted `signal` rejects with the signal's reason.
 *
 * The caller supplies every header but Content-Length, which the connection sets for string
 * bodies and for multipart bodies whose length is known. A connection stays busy until its
 * response body has been received, so read every body to its end (or stop reading it by
 * `return()` on its iterator).
 *
 * With logging enabled, each request and response is logged under a random request id; the
 * response body is then read fully before the call resolves. With logging disabled, no logging
 * work at all is done.
 */
export class DefaultConnection implements PooledConnection {
  readonly #options: ResolvedConnectionOptions;
  readonly #factory: DispatcherFactory;
  readonly #pools = new Map<string, OriginPool>();
  /** The origin and request target of each URI, by href: URL getters are slow on the hot path. */
  readonly #targets = new BoundedMap<string, RequestTarget>(1024);
  readonly #closing = new Set<Promise<void>>();
  #closed = false;
  #logger: CommunicatorLogger | undefined;
  #obfuscators: LogMessageObfuscators = {};

  /** @throws TypeError naming the invalid option. */
  constructor(options: DefaultConnectionOptions) {
    this.#options = resolveConnectionOptions(options);
    const { proxy } = this.#options;
    this.#factory =
      proxy === undefined
        ? createDirectDispatcherFactory(this.#options)
        : createProxyDispatcherFactory(this.#options, proxy);
  }

  /** Sends a GET request. */
  get(uri: URL, headers: RequestHeader[], options?: ConnectionRequestOptions): Promise<ConnectionResponse> {
    return this.#send("GET", uri, headers, undefined, options);
  }

  /** Sends a DELETE request. */
  delete(
    uri: URL,
    headers: RequestHeader[],
    options?: ConnectionRequestOptions,
  ): Promise<ConnectionResponse> {
    return this.#send("DELETE", uri, headers, undefined, options);
  }

  /** Sends a POST request; a multipart body is streamed, with a Content-Length when every part has a known length. */
  post(
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    options?: ConnectionRequestOptions,
  ): Promise<ConnectionResponse> {
    return this.#send("POST", uri, headers, body, options);
  }

  /** Sends a PUT request; bodies as for {@link DefaultConnection.post}. */
  put(
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    options?: ConnectionRequestOptions,
  ): Promise<ConnectionResponse> {
    return this.#send("PUT", uri, headers, body, options);
  }

  /**
   * Closes the connections of every origin whose last request started or got its response at
   * least `idleTimeMs` milliseconds ago and that has no request in progress; the origin's pool is
   * created again on its next request.
   * @throws TypeError when `idleTimeMs` is not a non-negative number.
   */
  closeIdleConnections(idleTimeMs: number): void {
    if (typeof idleTimeMs !== "number" || !(idleTimeMs >= 0)) {
      throw new TypeError(
        `idleTimeMs must be a non-negative number of milliseconds, got ${String(idleTimeMs)}`,
      );
    }
    const now = Date.now();
    for (const [origin, pool] of this.#pools) {
      if (now - pool.lastActivity >= idleTimeMs && pool.stats().size === 0) this.#retire(origin, pool);
    }
  }

  /**
   * Releases what expired connections leave behind. undici already closes a pooled connection when
   * its keep-alive timeout passes (the server's `Keep-Alive: timeout` hint less 2 s, else 4 s) or
   * when the server closes it, so no expired socket stays open; this drops the pools of origins
   * left with no open connection and no request (created again on their next request), and the
   * temporary-connection dispatchers no request uses.
   */
  closeExpiredConnections(): void {
    for (const [origin, pool] of this.#pools) {
      const { connected, size } = pool.stats();
      if (connected === 0 && size === 0) {
        this.#retire(origin, pool);
      } else {
        this.#track(pool.releaseTemporary());
      }
    }
  }

  /**
   * Closes every connection at once (requests still in progress fail) and waits until the
   * sockets are closed. Later calls reject.
   */
  async close(): Promise<void> {
    this.#closed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all([...pools.map((pool) => pool.destroy()), ...this.#closing]);
  }

  /** Connection counts, all origins together. */
  stats(): DefaultConnectionStats {
    const stats: DefaultConnectionStats = {
      origins: this.#pools.size,
      openConnections: 0,
      requestsInProgress: 0,
    };
    for (const pool of this.#pools.values()) {
      const { connected, size } = pool.stats();
      stats.openConnections += connected;
      stats.requestsInProgress += size;
    }
    return stats;
  }

  /** Logs every request and response to `logger` from now on. */
  enableLogging(logger: CommunicatorLogger): void {
    this.#logger = logger;
  }

  /** Stops logging. */
  disableLogging(): void {
    this.#logger = undefined;
  }

  /** Obfuscates logged bodies with `obfuscator` instead of the default rules. */
  setBodyObfuscator(obfuscator: BodyObfuscator): void {
    this.#obfuscators = { ...this.#obfuscators, body: obfuscator };
  }

  /** Obfuscates logged headers with `obfuscator` instead of the default rules. */
  setHeaderObfuscator(obfuscator: HeaderObfuscator): void {
    this.#obfuscators = { ...this.#obfuscators, header: obfuscator };
  }

  #send(
    method: Dispatcher.HttpMethod,
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    options: ConnectionRequestOptions | undefined,
  ): Promise<ConnectionResponse> {
    const signal = options?.signal;
    if (signal !== undefined || this.#logger !== undefined || this.#closed) {
      return this.#sendObserved(method, uri, headers, body, signal, options?.requestId);
    }
    // The common request, outside any async function: one event-loop turn less per call. The
    // dispatcher turns a failure into a CommunicationException itself (PoolGroup.track).
    try {
      return this.#dispatch(method, uri, headers, body, undefined);
    } catch (error) {
      return Promise.reject(toCommunicationException(error, method, uri, this.#options));
    }
  }

  /** A request with an abort signal or a logger, or one refused because the connection is closed. */
  async #sendObserved(
    method: Dispatcher.HttpMethod,
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    signal: AbortSignal | undefined,
    requestId: string | undefined,
  ): Promise<ConnectionResponse> {
    if (signal?.aborted) throw signal.reason;
    if (this.#closed) throw new Error(`DefaultConnection is closed: cannot send ${method} ${uri.pathname}`);
    const logger = this.#logger;
    const log =
      logger === undefined
        ? undefined
        : new ExchangeLog(logger, this.#obfuscators, this.#options.maxLoggedBodyBytes, {
            method,
            uri,
            headers,
            body,
            requestId,
          });
    try {
      const sent = this.#dispatch(method, uri, headers, body, signal);
      const response = await (signal === undefined ? sent : raceAbort(sent, signal));
      const result: ConnectionResponse = {
        statusCode: response.statusCode,
        headers: response.headers,
        body: response.body,
      };
      return log === undefined ? result : await log.logResponse(result);
    } catch (error) {
      const failure: unknown = signal?.aborted
        ? signal.reason
        : toCommunicationException(error, method, uri, this.#options);
      log?.logError(failure);
      throw failure;
    }
  }

  /** Hands the request to the pool of its origin. */
  #dispatch(
    method: Dispatcher.HttpMethod,
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    signal: AbortSignal | undefined,
  ): Promise<Dispatcher.ResponseData> {
    const { origin, path } = this.#targetOf(uri);
    const pool = this.#poolFor(origin);
    const request: Dispatcher.RequestOptions = {
      origin,
      path,
      method,
      headers: flatten(headers),
      body: null,
      signal: signal ?? null,
    };
    if (typeof body === "string") {
      request.body = body;
    } else if (body instanceof MultipartFormDataObject) {
      const multipart = encodeMultipartBody(body);
      request.body = multipart.body;
      if (multipart.contentLength !== undefined) {
        (request.headers as string[]).push("content-length", String(multipart.contentLength));
      }
    }
    return pool.select().request(request);
  }

  #targetOf(uri: URL): RequestTarget {
    const href = uri.href;
    let target = this.#targets.get(href);
    if (target === undefined) {
      target = { origin: uri.origin, path: uri.pathname + uri.search };
      this.#targets.set(href, target);
    }
    return target;
  }

  #poolFor(origin: string): OriginPool {
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      pool = new OriginPool(origin, this.#factory, this.#options);
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  #retire(origin: string, pool: OriginPool): void {
    this.#pools.delete(origin);
    this.#track(pool.close());
  }

  #track(closing: Promise<void> | undefined): void {
    if (closing === undefined) return;
    const settled: Promise<void> = closing
      .catch(() => undefined)
      .then(() => {
        this.#closing.delete(settled);
      });
    this.#closing.add(settled);
  }
}

interface RequestTarget {
  origin: string;
  /** Path and query, as sent in the request line. */
  path: string;
}

function flatten(headers: readonly RequestHeader[]): string[] {
  const flat: string[] = [];
  for (const header of headers) flat.push(header.name, header.value);
  return flat;
}
