import type { RequestLogMessage } from "./request-log-message.js";
import type { ResponseLogMessage } from "./response-log-message.js";

/**
 * Receives the SDK's log output: requests, responses and errors of the API communication,
 * already obfuscated. Implementations must not throw; if one does, the call still goes on.
 */
export interface CommunicatorLogger {
  log(message: string, error?: unknown): void;
  logRequest(message: RequestLogMessage): void;
  logResponse(message: ResponseLogMessage): void;
}
