import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import type { LogMessageObfuscators } from "../log/log-message.js";
import { RequestLogMessage } from "../log/request-log-message.js";
import { ResponseLogMessage } from "../log/response-log-message.js";
import { safeLog } from "../log/safe-log.js";
import { BufferedBody } from "./buffered-body.js";
import type { ConnectionBody, ConnectionResponse, RequestHeader } from "./connection.js";
import { firstValue } from "../internal/first-value.js";

/** The request an {@link ExchangeLog} logs. @internal */
export interface LoggedRequest {
  method: string;
  uri: URL;
  headers: readonly RequestHeader[];
  body: ConnectionBody;
  /** The id to log the exchange under; a random UUID by default. */
  requestId?: string | undefined;
}

/**
 * Logs one HTTP exchange: the request when created, then the response (buffering its body) or
 * the error, all under one random request id. Neither a throwing logger nor a throwing
 * obfuscator fails the exchange: the failure is reported through `logger.log`, itself guarded.
 * @internal
 */
export class ExchangeLog {
  readonly #logger: CommunicatorLogger;
  readonly #obfuscators: LogMessageObfuscators;
  readonly #requestId: string;
  readonly #maxBodyBytes: number;
  readonly #startedAt = performance.now();

  constructor(
    logger: CommunicatorLogger,
    obfuscators: LogMessageObfuscators,
    maxBodyBytes: number,
    { method, uri, headers, body, requestId = randomUUID() }: LoggedRequest,
  ) {
    this.#requestId = requestId;
    this.#logger = logger;
    this.#obfuscators = obfuscators;
    this.#maxBodyBytes = maxBodyBytes;
    let message: RequestLogMessage;
    try {
      message = new RequestLogMessage(requestId, method, uri.pathname + uri.search, obfuscators);
      let contentType: string | undefined;
      for (const { name, value } of headers) {
        message.addHeader(name, value);
        if (contentType === undefined && isContentType(name)) contentType = value;
      }
      if (typeof body === "string") {
        message.setBody(body, contentType);
      } else if (body !== undefined) {
        message.setBinaryBody(contentType);
      }
    } catch (error) {
      this.#buildFailed("request", error);
      return;
    }
    safeLog.request(logger, message);
  }

  /**
   * Reads the whole response body, logs the response, and returns it with a body over the
   * buffered bytes. A body larger than `maxBodyBytes` is not kept: the response is logged without
   * it, and returned with a stream of the whole body.
   * @throws whatever reading the body throws.
   */
  async logResponse(response: ConnectionResponse): Promise<ConnectionResponse> {
    const { statusCode, headers } = response;
    const declared = Number(firstValue(headers["content-length"]));
    const contentType = firstValue(headers["content-type"]);
    const json = contentType !== undefined && contentType.includes("json");
    const body = await BufferedBody.read(response.body, declared, this.#maxBodyBytes, json);
    const buffered = body instanceof BufferedBody ? body : undefined;
    let message: ResponseLogMessage | undefined;
    try {
      message = new ResponseLogMessage(this.#requestId, statusCode, this.#elapsedMs(), this.#obfuscators);
      for (const name in headers) {
        const value = headers[name];
        if (typeof value === "string") {
          message.addHeader(name, value);
        } else if (value !== undefined) {
          for (const item of value) message.addHeader(name, item);
        }
      }
      if (buffered !== undefined)
        message.setBody(buffered.isEmpty ? undefined : buffered.utf8(), contentType);
    } catch (error) {
      this.#buildFailed("response", error);
      message = undefined;
    }
    if (message !== undefined) safeLog.response(this.#logger, message);
    if (buffered === undefined) {
      safeLog.message(
        this.#logger,
        `The body of response '${this.#requestId}' is larger than ${this.#maxBodyBytes} bytes and was not logged`,
      );
    }
    return { statusCode, headers, body };
  }

  /** Logs that the exchange failed with `error`. */
  logError(error: unknown): void {
    safeLog.requestError(this.#logger, this.#requestId, this.#elapsedMs(), error);
  }

  #elapsedMs(): number {
    return performance.now() - this.#startedAt;
  }

  /** Reports that a log message could not be built (a throwing custom obfuscator); never throws. */
  #buildFailed(what: "request" | "response", error: unknown): void {
    try {
      this.#logger.log(`An error occurred trying to log ${what} '${this.#requestId}'`, error);
    } catch {
      // A logger that cannot report its own failure is ignored: the call goes on.
    }
  }
}

/** Whether a header name is Content-Type, in any case; the length check spares most names a copy. */
function isContentType(name: string): boolean {
  return name.length === 12 && name.toLowerCase() === "content-type";
}
