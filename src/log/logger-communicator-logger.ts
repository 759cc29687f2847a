import type { CommunicatorLogger } from "./communicator-logger.js";
import type { RequestLogMessage } from "./request-log-message.js";
import type { ResponseLogMessage } from "./response-log-message.js";

/**
 * Forwards the SDK's log messages to a general-purpose logger: `logger[level](message)`, and
 * `logger[errorLevel](message, error)` when there is an error. Console, pino, winston and bunyan
 * loggers all fit, e.g. `new LoggerCommunicatorLogger(console, "info", "error")`.
 *
 * The method is looked up on every call, because some loggers (pino) swap their level methods
 * when their level changes.
 */
export class LoggerCommunicatorLogger implements CommunicatorLogger {
  readonly #logger: Record<string, unknown>;
  readonly #level: string;
  readonly #errorLevel: string;

  /**
   * @param logger - the logger; it must have a method named `level` (and `errorLevel`).
   * @param level - the method used for requests, responses and messages without error.
   * @param errorLevel - the method used for messages with an error; default `level`.
   * @throws TypeError when the logger has no such method.
   */
  constructor(logger: object, level: string, errorLevel: string = level) {
    const methods = logger as Record<string, unknown>;
    for (const name of new Set([level, errorLevel])) {
      if (typeof methods[name] !== "function") {
        throw new TypeError(`logger has no function '${name}' to log with`);
      }
    }
    this.#logger = methods;
    this.#level = level;
    this.#errorLevel = errorLevel;
  }

  log(message: string, error?: unknown): void {
    if (error === undefined) this.#call(this.#level, message);
    else this.#call(this.#errorLevel, message, error);
  }

  logRequest(message: RequestLogMessage): void {
    this.#call(this.#level, message.getMessage());
  }

  logResponse(message: ResponseLogMessage): void {
    this.#call(this.#level, message.getMessage());
  }

  #call(method: string, ...args: unknown[]): void {
    (this.#logger[method] as (...args: unknown[]) => unknown).apply(this.#logger, args);
  }
}
