import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { BodyObfuscator } from "../log/body-obfuscator.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import type { HeaderObfuscator } from "../log/header-obfuscator.js";
import { RequestLogMessage } from "../log/request-log-message.js";
import { ResponseLogMessage } from "../log/response-log-message.js";
import type { ConnectionBody, ConnectionResponse, RequestHeader } from "./connection.js";

/** The obfuscators a connection hands to its log messages. @internal */
export interface LogObfuscators {
  body?: BodyObfuscator;
  header?: HeaderObfuscator;
}

/** What a multipart request body is logged as. */
const BINARY_BODY = "<binary content>";

/**
 * Logs one HTTP exchange: the request when created, then the response (buffering its body) or
 * the error, all under one random request id. A logger that throws never fails the exchange:
 * its failure is reported through `logger.log`, itself guarded. @internal
 */
export class ExchangeLog {
  readonly #logger: CommunicatorLogger;
  readonly #obfuscators: LogObfuscators;
  readonly #requestId = randomUUID();
  readonly #startedAt = performance.now();

  constructor(
    logger: CommunicatorLogger,
    obfuscators: LogObfuscators,
    method: string,
    uri: URL,
    headers: readonly RequestHeader[],
    body: ConnectionBody,
  ) {
    this.#logger = logger;
    this.#obfuscators = obfuscators;
    try {
      const message = new RequestLogMessage(this.#requestId, method, uri.pathname + uri.search, obfuscators);
      let contentType: string | undefined;
      for (const header of headers) {
        message.addHeader(header.name, header.value);
        if (header.name.toLowerCase() === "content-type") contentType = header.value;
      }
      if (body !== undefined) message.setBody(typeof body === "string" ? body : BINARY_BODY, contentType);
      logger.logRequest(message);
    } catch (error) {
      this.#reportFailure("request", error);
    }
  }

  /**
   * Reads the whole response body, logs the response, and returns it with a body over the
   * buffered bytes.
   * @throws whatever reading the body throws.
   */
  async logResponse(response: ConnectionResponse): Promise<ConnectionResponse> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    try {
      const message = new ResponseLogMessage(
        this.#requestId,
        response.statusCode,
        this.#elapsedMs(),
        this.#obfuscators,
      );
      for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === "string") {
          message.addHeader(name, value);
        } else if (value !== undefined) {
          for (const item of value) message.addHeader(name, item);
        }
      }
      const contentType = response.headers["content-type"];
      message.setBody(
        body.length > 0 ? body.toString("utf8") : undefined,
        Array.isArray(contentType) ? contentType[0] : contentType,
      );
      this.#logger.logResponse(message);
    } catch (error) {
      this.#reportFailure("response", error);
    }
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      body: Readable.from(body.length > 0 ? [body] : []),
    };
  }

  /** Logs that the exchange failed with `error`. */
  logError(error: unknown): void {
    try {
      this.#logger.log(
        `Error occurred for outgoing request (requestId='${this.#requestId}', ${this.#elapsedMs()} ms)`,
        error,
      );
    } catch {
      // The logger failed to log a failure; there is nowhere left to report it.
    }
  }

  #elapsedMs(): number {
    return Math.round(performance.now() - this.#startedAt);
  }

  #reportFailure(what: "request" | "response", error: unknown): void {
    try {
      this.#logger.log(`An error occurred trying to log ${what} '${this.#requestId}'`, error);
    } catch {
      // As above: a logger that cannot log its own failure is ignored.
    }
  }
}
