import type { CommunicatorLogger } from "../log/communicator-logger.js";

/** Logs a message if a logger is set; a failing logger never breaks a call. */
export function safeLog(logger: CommunicatorLogger | undefined, message: string, error?: unknown): void {
  if (!logger) return;
  try {
    if (error === undefined) logger.log(message);
    else logger.log(message, error);
  } catch {
    // Logging is best effort.
  }
}
