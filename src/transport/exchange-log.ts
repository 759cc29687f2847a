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
    const message = this.#build("request", () => {
      const request = new RequestLogMessage(this.#requestId, method, uri.pathname + uri.search, obfuscators);
      let contentType: string | undefined;
      for (const header of headers) {
        request.addHeader(header.name, header.value);
        if (header.name.toLowerCase() === "content-type") contentType = header.value;
      }
      if (typeof body === "string") {
        request.setBody(body, contentType);
      } else if (body !== undefined) {
        request.setBinaryBody(contentType);
      }
      return request;
    });
    if (message !== undefined) safeLog.request(logger, message);
  }

  /**
   * Reads the whole response body, logs the response, and returns it with a body over the
   * buffered bytes. A body larger than `maxBodyBytes` is not kept: the response is logged without
   * it, and returned with a stream of the whole body.
   * @throws whatever reading the body throws.
   */
  async logResponse(response: ConnectionResponse): Promise<ConnectionResponse> {
    const declared = Number(firstValue(response.headers["content-length"]));
    const body = await BufferedBody.read(response.body, declared, this.#maxBodyBytes);
    const buffered = body instanceof BufferedBody ? body : undefined;
    const message = this.#build("response", () => {
      const logged = new ResponseLogMessage(
        this.#requestId,
        response.statusCode,
        this.#elapsedMs(),
        this.#obfuscators,
      );
      for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === "string") {
          logged.addHeader(name, value);
        } else if (value !== undefined) {
          for (const item of value) logged.addHeader(name, item);
        }
      }
      if (buffered !== undefined) {
        logged.setBody(
          buffered.byteLength > 0 ? buffered.utf8() : undefined,
          firstValue(response.headers["content-type"]),
        );
      }
      return logged;
    });
    if (message !== undefined) safeLog.response(this.#logger, message);
    if (buffered === undefined) {
      safeLog.message(
        this.#logger,
        `The body of response '${this.#requestId}' is larger than ${this.#maxBodyBytes} bytes and was not logged`,
      );
    }
    return { statusCode: response.statusCode, headers: response.headers, body };
  }

  /** Logs that the exchange failed with `error`. */
  logError(error: unknown): void {
    safeLog.requestError(this.#logger, this.#requestId, this.#elapsedMs(), error);
  }

  #elapsedMs(): number {
    return performance.now() - this.#startedAt;
  }

  /** Builds a log message; a build failure (a throwing custom obfuscator) is reported, not thrown. */
  #build<T>(what: "request" | "response", build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      try {
        this.#logger.log(`An error occurred trying to log ${what} '${this.#requestId}'`, error);
      } catch {
        // A logger that cannot report its own failure is ignored: the call goes on.
      }
      return undefined;
    }
  }
}
