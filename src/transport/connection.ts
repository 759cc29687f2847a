import type { BodyObfuscator } from "../log/body-obfuscator.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import type { HeaderObfuscator } from "../log/header-obfuscator.js";
import type { MultipartFormDataObject } from "./multipart-form-data-object.js";

/** One HTTP request header. */
export interface RequestHeader {
  name: string;
  value: string;
}

/** What a {@link Connection} resolves with, for any HTTP status. */
export interface ConnectionResponse {
  statusCode: number;
  /** Header names are lower-case. */
  headers: Record<string, string | string[] | undefined>;
  /** The response body; it can be read once. */
  body: AsyncIterable<Uint8Array>;
}

/** A request body: JSON text, a multipart form, or none. */
export type ConnectionBody = string | MultipartFormDataObject | undefined;

/** Per-request options a connection may honour; a custom connection may ignore them. */
export interface ConnectionRequestOptions {
  /** Aborts the request; the promise then rejects with the abort reason. */
  signal?: AbortSignal;
  /** The id under which to log the exchange, so that the caller's own log lines can name it. */
  requestId?: string;
}

/**
 * Sends HTTP requests to the Worldline platform. Resolves with the response for any status and
 * rejects only when no response arrived (connect failure, timeout, reset, TLS failure).
 */
export interface Connection {
  get(uri: URL, headers: RequestHeader[], options?: ConnectionRequestOptions): Promise<ConnectionResponse>;
  delete(uri: URL, headers: RequestHeader[], options?: ConnectionRequestOptions): Promise<ConnectionResponse>;
  post(
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    options?: ConnectionRequestOptions,
  ): Promise<ConnectionResponse>;
  put(
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    options?: ConnectionRequestOptions,
  ): Promise<ConnectionResponse>;
  /** Releases every socket; the connection cannot be used afterwards. */
  close(): Promise<void>;
  enableLogging(logger: CommunicatorLogger): void;
  disableLogging(): void;
  setBodyObfuscator(obfuscator: BodyObfuscator): void;
  setHeaderObfuscator(obfuscator: HeaderObfuscator): void;
}

/** A {@link Connection} backed by a pool of keep-alive connections. */
export interface PooledConnection extends Connection {
  /** Closes pooled connections that have been idle for at least `idleTimeMs` milliseconds. */
  closeIdleConnections(idleTimeMs: number): void;
  /** Closes pooled connections that the server or the pool can no longer use. */
  closeExpiredConnections(): void;
}

/** Whether `connection` implements {@link PooledConnection}. */
export function isPooledConnection(connection: Connection): connection is PooledConnection {
  const candidate = connection as Partial<PooledConnection>;
  return (
    typeof candidate.closeIdleConnections === "function" &&
    typeof candidate.closeExpiredConnections === "function"
  );
}
