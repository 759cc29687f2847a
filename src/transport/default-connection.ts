// Interim version on main; replaced by the transport branch.
import { Pool } from "undici";
import { CommunicationException } from "../errors/communication-exception.js";
import type { ProxyConfiguration } from "../config/proxy-configuration.js";
import type { TlsOptions } from "../config/tls-options.js";
import type { BodyObfuscator } from "../log/body-obfuscator.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import type { HeaderObfuscator } from "../log/header-obfuscator.js";
import type {
  ConnectionBody,
  ConnectionRequestOptions,
  ConnectionResponse,
  PooledConnection,
  RequestHeader,
} from "./connection.js";

export interface DefaultConnectionOptions {
  connectTimeout: number;
  socketTimeout: number;
  maxConnections?: number;
  proxyConfiguration?: ProxyConfiguration | undefined;
  tls?: TlsOptions | undefined;
}

export class DefaultConnection implements PooledConnection {
  readonly #pools = new Map<string, Pool>();
  readonly #options: DefaultConnectionOptions;

  constructor(options: DefaultConnectionOptions) {
    this.#options = options;
  }

  get(uri: URL, headers: RequestHeader[], options?: ConnectionRequestOptions): Promise<ConnectionResponse> {
    return this.#request("GET", uri, headers, undefined, options);
  }
  delete(
    uri: URL,
    headers: RequestHeader[],
    options?: ConnectionRequestOptions,
  ): Promise<ConnectionResponse> {
    return this.#request("DELETE", uri, headers, undefined, options);
  }
  post(uri: URL, headers: RequestHeader[], body: ConnectionBody, options?: ConnectionRequestOptions) {
    return this.#request("POST", uri, headers, body, options);
  }
  put(uri: URL, headers: RequestHeader[], body: ConnectionBody, options?: ConnectionRequestOptions) {
    return this.#request("PUT", uri, headers, body, options);
  }
  async close(): Promise<void> {
    await Promise.all([...this.#pools.values()].map((pool) => pool.close()));
    this.#pools.clear();
  }
  closeIdleConnections(): void {}
  closeExpiredConnections(): void {}
  enableLogging(_logger: CommunicatorLogger): void {}
  disableLogging(): void {}
  setBodyObfuscator(_o: BodyObfuscator): void {}
  setHeaderObfuscator(_o: HeaderObfuscator): void {}

  async #request(
    method: "GET" | "POST" | "PUT" | "DELETE",
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    options: ConnectionRequestOptions | undefined,
  ): Promise<ConnectionResponse> {
    let pool = this.#pools.get(uri.origin);
    if (!pool) {
      const ms = (s: number) => (s === -1 ? 0 : s * 1000);
      pool = new Pool(uri.origin, {
        connections: this.#options.maxConnections ?? 10,
        connect: { timeout: ms(this.#options.connectTimeout) },
        headersTimeout: ms(this.#options.socketTimeout),
        bodyTimeout: ms(this.#options.socketTimeout),
      });
      this.#pools.set(uri.origin, pool);
    }
    const flat: string[] = [];
    for (const header of headers) flat.push(header.name, header.value);
    try {
      const response = await pool.request({
        method,
        path: uri.pathname + uri.search,
        headers: flat,
        body: typeof body === "string" ? body : null,
        signal: options?.signal ?? null,
      });
      return { statusCode: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      if (options?.signal?.aborted) throw error;
      throw new CommunicationException(`${method} ${uri.pathname} failed`, { cause: error });
    }
  }
}
