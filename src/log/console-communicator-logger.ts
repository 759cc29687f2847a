import { inspect } from "node:util";
import type { CommunicatorLogger } from "./communicator-logger.js";
import type { RequestLogMessage } from "./request-log-message.js";
import type { ResponseLogMessage } from "./response-log-message.js";

/** Where a {@link ConsoleCommunicatorLogger} writes; `process.stdout` fits. */
export interface LogOutput {
  write(text: string): unknown;
}

/** Options of a {@link ConsoleCommunicatorLogger}. */
export interface ConsoleCommunicatorLoggerOptions {
  /** Where to write; default `process.stdout`. */
  output?: LogOutput | undefined;
}

/** Causes deeper than this are not printed; it also stops a cyclic `cause` chain. */
const MAX_CAUSES = 8;

/**
 * Writes each message to standard output (or the given output), prefixed with the local time as
 * `yyyy-MM-ddTHH:mm:ss `, as the other SDKs' SysOut loggers do. An error is printed on the
 * following lines as its stack trace, then each `cause` as `Caused by: <stack>`; only stacks are
 * printed, never an error's other properties, which may hold a response body.
 */
export class ConsoleCommunicatorLogger implements CommunicatorLogger {
  readonly #output: LogOutput;

  constructor(options: ConsoleCommunicatorLoggerOptions = {}) {
    this.#output = options.output ?? process.stdout;
  }

  log(message: string, error?: unknown): void {
    let text = `${datePrefix(new Date())}${message}\n`;
    if (error !== undefined) text += describeError(error);
    this.#output.write(text);
  }

  logRequest(message: RequestLogMessage): void {
    this.log(message.getMessage());
  }

  logResponse(message: ResponseLogMessage): void {
    this.log(message.getMessage());
  }
}

function datePrefix(now: Date): string {
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())} `
  );
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function describeError(error: unknown): string {
  let text = "";
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current !== undefined; depth++) {
    if (depth > 0) text += "Caused by: ";
    if (!(current instanceof Error))
      return `${text}${typeof current === "string" ? current : inspect(current)}\n`;
    text += `${current.stack ?? `${current.name}: ${current.message}`}\n`;
    current = current.cause;
  }
  return text;
}
