import { describe, expect, it } from "vitest";
import type { CommunicatorLogger } from "../../src/log/communicator-logger.js";
import { RequestLogMessage } from "../../src/log/request-log-message.js";
import { ResponseLogMessage } from "../../src/log/response-log-message.js";
import { safeLog } from "../../src/log/safe-log.js";

class RecordingLogger implements CommunicatorLogger {
  readonly entries: [string, unknown][] = [];
  constructor(readonly failOn: ReadonlySet<"log" | "request" | "response"> = new Set()) {}
  log(message: string, error?: unknown): void {
    if (this.failOn.has("log")) throw new Error("log failed");
    this.entries.push([message, error]);
  }
  logRequest(message: RequestLogMessage): void {
    if (this.failOn.has("request")) throw new Error("request failed");
    this.entries.push([message.getMessage(), undefined]);
  }
  logResponse(message: ResponseLogMessage): void {
    if (this.failOn.has("response")) throw new Error("response failed");
    this.entries.push([message.getMessage(), undefined]);
  }
}

const request = new RequestLogMessage("r1", "GET", "/p");
const response = new ResponseLogMessage("r1", 200, 1);

describe("safeLog", () => {
  it("passes messages through to a working logger", () => {
    const logger = new RecordingLogger();
    safeLog.request(logger, request);
    safeLog.response(logger, response);
    const error = new Error("reset");
    safeLog.requestError(logger, "r1", 12.2, error);
    safeLog.requestError(logger, "r2", undefined, error);
    expect(logger.entries).toEqual([
      [request.getMessage(), undefined],
      [response.getMessage(), undefined],
      ["Error occurred for outgoing request (requestId='r1', 12 ms)", error],
      ["Error occurred for outgoing request (requestId='r2')", error],
    ]);
  });

  it("reports a failing logRequest/logResponse through log()", () => {
    const logger = new RecordingLogger(new Set(["request", "response"]));
    safeLog.request(logger, request);
    safeLog.response(logger, response);
    expect(logger.entries.map(([message]) => message)).toEqual([
      "An error occurred trying to log request 'r1'",
      "An error occurred trying to log response 'r1'",
    ]);
    expect((logger.entries[0]![1] as Error).message).toBe("request failed");
  });

  it("swallows a logger that fails entirely, and does nothing without a logger", () => {
    const logger = new RecordingLogger(new Set(["log", "request", "response"]));
    expect(() => {
      safeLog.request(logger, request);
      safeLog.response(logger, response);
      safeLog.requestError(logger, "r1", 1, new Error("x"));
      safeLog.request(undefined, request);
      safeLog.response(undefined, response);
      safeLog.requestError(undefined, "r1", 1, new Error("x"));
    }).not.toThrow();
    expect(logger.entries).toEqual([]);
  });
});
