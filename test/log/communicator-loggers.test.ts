import { describe, expect, it } from "vitest";
import { ConsoleCommunicatorLogger } from "../../src/log/console-communicator-logger.js";
import { LoggerCommunicatorLogger } from "../../src/log/logger-communicator-logger.js";
import { RequestLogMessage } from "../../src/log/request-log-message.js";
import { ResponseLogMessage } from "../../src/log/response-log-message.js";

const PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2} /;

function capture(): { output: { write(text: string): boolean }; chunks: string[] } {
  const chunks: string[] = [];
  return {
    chunks,
    output: {
      write(text: string) {
        chunks.push(text);
        return true;
      },
    },
  };
}

describe("ConsoleCommunicatorLogger", () => {
  it("prefixes each entry with the local time as yyyy-MM-ddTHH:mm:ss", () => {
    const { output, chunks } = capture();
    const originalTz = process.env["TZ"];
    process.env["TZ"] = "Asia/Kolkata";
    const kolkata = (time: number): string =>
      `${new Date(time + 5.5 * 3600_000).toISOString().slice(0, 19)} `;
    let expected: string[];
    try {
      const before = Date.now();
      new ConsoleCommunicatorLogger({ output }).log("hello");
      expected = [kolkata(before), kolkata(Date.now())];
    } finally {
      if (originalTz === undefined) delete process.env["TZ"];
      else process.env["TZ"] = originalTz;
    }
    expect(chunks).toHaveLength(1);
    expect(expected).toContain(chunks[0]!.slice(0, 20));
    expect(chunks[0]!.slice(20)).toBe("hello\n");
  });

  it("prints the error's stack and causes on the following lines, nothing else of it", () => {
    const { output, chunks } = capture();
    const cause = new Error("socket hang up");
    const error = Object.assign(new Error("request failed", { cause }), { responseBody: "4111111111111111" });
    new ConsoleCommunicatorLogger({ output }).log(
      "Error occurred for outgoing request (requestId='r1', 3 ms)",
      error,
    );
    const lines = chunks.join("").split("\n");
    expect(lines[0]).toMatch(PREFIX);
    expect(lines[0]).toContain("Error occurred for outgoing request (requestId='r1', 3 ms)");
    expect(lines[1]).toBe("Error: request failed");
    expect(lines[2]).toMatch(/^\s+at /);
    const causedBy = lines.findIndex((line) => line === "Caused by: Error: socket hang up");
    expect(causedBy).toBeGreaterThan(2);
    expect(chunks.join("")).not.toContain("4111111111111111");
  });

  it("prints a thrown non-error value, and survives a cyclic cause chain", () => {
    const { output, chunks } = capture();
    const logger = new ConsoleCommunicatorLogger({ output });
    logger.log("m", "plain string");
    expect(chunks[0]).toMatch(/ m\nplain string\n$/);
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    a.cause = b;
    logger.log("cyclic", a);
    expect(chunks[1]!.split("Caused by: ").length).toBe(9);
  });

  it("logs request and response messages", () => {
    const { output, chunks } = capture();
    const logger = new ConsoleCommunicatorLogger({ output });
    const request = new RequestLogMessage("r1", "GET", "/services/v1/ping").addHeader(
      "Authorization",
      "Bearer t",
    );
    logger.logRequest(request);
    logger.logResponse(new ResponseLogMessage("r1", 200, 4));
    expect(chunks[0]!.replace(PREFIX, "")).toBe(`${request.getMessage()}\n`);
    expect(chunks[1]).toMatch(/^\S+ Incoming response \(requestId='r1', 4 ms\):\n {2}status-code: {2}'200'/);
    expect(chunks.join("")).not.toContain("Bearer t");
  });

  it("writes to process.stdout by default", () => {
    const chunks: string[] = [];
    const original = process.stdout.write;
    process.stdout.write = (text: string) => {
      chunks.push(text);
      return true;
    };
    try {
      new ConsoleCommunicatorLogger().log("to stdout");
    } finally {
      process.stdout.write = original;
    }
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/ to stdout\n$/);
  });
});

class FakeConsole {
  readonly calls: [string, unknown[]][] = [];
  info(...args: unknown[]): void {
    this.calls.push(["info", args]);
  }
  error(...args: unknown[]): void {
    this.calls.push(["error", args]);
  }
}

describe("LoggerCommunicatorLogger", () => {
  it("calls logger[level](message) and logger[errorLevel](message, error) with the logger as this", () => {
    const fake = new FakeConsole();
    const logger = new LoggerCommunicatorLogger(fake, "info", "error");
    const error = new Error("boom");
    logger.log("plain");
    logger.log("failed", error);
    logger.logRequest(new RequestLogMessage("r1", "GET", "/p"));
    logger.logResponse(new ResponseLogMessage("r1", 200));
    expect(fake.calls).toEqual([
      ["info", ["plain"]],
      ["error", ["failed", error]],
      [
        "info",
        ["Outgoing request (requestId='r1'):\n  method:       'GET'\n  uri:          '/p'\n  headers:      "],
      ],
      ["info", ["Incoming response (requestId='r1'):\n  status-code:  '200'\n  headers:      "]],
    ]);
  });

  it("uses the level for errors too by default", () => {
    const fake = new FakeConsole();
    new LoggerCommunicatorLogger(fake, "info").log("failed", 1);
    expect(fake.calls).toEqual([["info", ["failed", 1]]]);
  });

  it("looks the method up on every call, as pino swaps methods on level changes", () => {
    const calls: string[] = [];
    const pinoLike: Record<string, (message: string) => void> = { debug: () => calls.push("first") };
    const logger = new LoggerCommunicatorLogger(pinoLike, "debug");
    pinoLike["debug"] = () => calls.push("second");
    logger.log("x");
    expect(calls).toEqual(["second"]);
  });

  it("rejects a logger without the level's method, naming the level", () => {
    expect(() => new LoggerCommunicatorLogger(new FakeConsole(), "verbose")).toThrow(
      new TypeError("logger has no function 'verbose' to log with"),
    );
    expect(() => new LoggerCommunicatorLogger(new FakeConsole(), "info", "fatal")).toThrow(/'fatal'/);
  });
});
