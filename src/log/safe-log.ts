import type { CommunicatorLogger } from "./communicator-logger.js";
import type { RequestLogMessage } from "./request-log-message.js";
import type { ResponseLogMessage } from "./response-log-message.js";

/**
 * Calls a {@link CommunicatorLogger} so that a failing logger never breaks an API call: if the
 * logger throws, it is told so through `log("An error occurred trying to log request|response
 * '<id>'", error)`, and if that throws too, the failure is dropped. Every function is a no-op
 * when `logger` is undefined (logging disabled).
 */
export const safeLog = {
  /** Logs a plain message, such as a retry. */
  message(logger: CommunicatorLogger | undefined, message: string): void {
    if (logger === undefined) return;
    try {
      logger.log(message);
    } catch {
      // Logging is best effort; the API call goes on.
    }
  },

  /** Logs an outgoing request. */
  request(logger: CommunicatorLogger | undefined, message: RequestLogMessage): void {
    if (logger === undefined) return;
    try {
      logger.logRequest(message);
    } catch (error) {
      reportFailure(logger, `An error occurred trying to log request '${message.requestId}'`, error);
    }
  },

  /** Logs an incoming response. */
  response(logger: CommunicatorLogger | undefined, message: ResponseLogMessage): void {
    if (logger === undefined) return;
    try {
      logger.logResponse(message);
    } catch (error) {
      reportFailure(logger, `An error occurred trying to log response '${message.requestId}'`, error);
    }
  },

  /**
   * Logs that a request failed without a response, as
   * `Error occurred for outgoing request (requestId='<id>', <n> ms)` plus the error.
   * @param durationMs - milliseconds since the request was sent; omitted when unknown.
   */
  requestError(
    logger: CommunicatorLogger | undefined,
    requestId: string,
    durationMs: number | undefined,
    error: unknown,
  ): void {
    if (logger === undefined) return;
    const duration =
      durationMs !== undefined && Number.isFinite(durationMs) && durationMs >= 0
        ? `, ${Math.round(durationMs)} ms`
        : "";
    try {
      logger.log(`Error occurred for outgoing request (requestId='${requestId}'${duration})`, error);
    } catch {
      // A logger that cannot log an error has no better channel to be told about it.
    }
  },
} as const;

function reportFailure(logger: CommunicatorLogger, message: string, error: unknown): void {
  try {
    logger.log(message, error);
  } catch {
    // The logger cannot even report its own failure; the API call must go on regardless.
  }
}
