import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CallContext } from "../../src/core/call-context.js";
import type { Communicator } from "../../src/core/communicator.js";
import { ApiException } from "../../src/errors/api-exception.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { PlatformException } from "../../src/errors/platform-exception.js";
import { FakePlatform, json } from "./fake-platform.js";
import { communicatorFor, GET_PAYMENT, MERCHANT, PROCESS_PAYMENT } from "./setup.js";

let platform: FakePlatform;
let communicator: Communicator;
const FAST = { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 50 };
const GET = { pathParams: { ...MERCHANT, paymentId: "p" } };

beforeEach(async () => {
  platform = await FakePlatform.start();
  communicator = communicatorFor(platform, { retry: FAST });
});
afterEach(async () => {
  await communicator.close();
  await platform.close();
});

function answers(...replies: Array<() => ReturnType<typeof json> | { status: number; drop: true }>): void {
  let index = 0;
  platform.api = () => replies[Math.min(index++, replies.length - 1)]!();
}

describe("automatic retries", () => {
  it("repeats a GET after 503 and returns the later success", async () => {
    answers(
      () => json(503, { status: 503 }),
      () => json(200, { paymentId: "p" }),
    );
    await expect(communicator.execute(GET_PAYMENT, GET)).resolves.toEqual({ paymentId: "p" });
    expect(platform.apiRequests).toHaveLength(2);
  });

  it("repeats a GET at most maxRetries times, then surfaces the last error as it is", async () => {
    answers(() => json(429, { title: "slow down" }));
    const error = (await communicator.execute(GET_PAYMENT, GET).catch((e: unknown) => e)) as ApiException;
    expect(error).toBeInstanceOf(ApiException);
    expect(error.statusCode).toBe(429);
    expect(platform.apiRequests).toHaveLength(3);
  });

  it("never repeats a POST the server received, whatever the status", async () => {
    answers(() => json(503, { status: 503 }));
    await expect(
      communicator.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} }),
    ).rejects.toBeInstanceOf(PlatformException);
    expect(platform.apiRequests).toHaveLength(1);
  });

  it("never repeats a POST whose connection was reset after the server read it", async () => {
    answers(() => ({ status: 0, drop: true }));
    const error = (await communicator
      .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: { operationId: "op-7" } })
      .catch((e: unknown) => e)) as OutcomeUnknownException;
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.operationId).toBe("op-7");
    expect(error.message).toMatch(/outcome is unknown.*operationId 'op-7'/);
    expect(platform.apiRequests).toHaveLength(1);
  });

  it("repeats a GET whose connection was reset", async () => {
    answers(
      () => ({ status: 0, drop: true }),
      () => json(200, { paymentId: "p" }),
    );
    await expect(communicator.execute(GET_PAYMENT, GET)).resolves.toEqual({ paymentId: "p" });
    expect(platform.apiRequests).toHaveLength(2);
  });

  it("ends the retries when Retry-After asks for longer than maxDelayMs", async () => {
    answers(() => json(503, { status: 503 }, { "retry-after": "120" }));
    await expect(communicator.execute(GET_PAYMENT, GET)).rejects.toBeInstanceOf(PlatformException);
    expect(platform.apiRequests).toHaveLength(1);
  });

  it("waits as long as Retry-After says", async () => {
    await communicator.close();
    communicator = communicatorFor(platform, {
      retry: { maxRetries: 1, initialDelayMs: 10, maxDelayMs: 2000 },
    });
    answers(
      () => json(503, {}, { "retry-after": "1" }),
      () => json(200, {}),
    );
    const started = Date.now();
    await communicator.execute(GET_PAYMENT, GET);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("does nothing more with maxRetries 0", async () => {
    await communicator.close();
    communicator = communicatorFor(platform, { retry: { maxRetries: 0 } });
    answers(() => json(503, {}));
    await expect(communicator.execute(GET_PAYMENT, GET)).rejects.toBeInstanceOf(PlatformException);
    expect(platform.apiRequests).toHaveLength(1);
  });

  it("repeats even a POST when the connection was refused, as nothing was sent", async () => {
    const port = await freePort();
    const tokenOnly = communicatorFor(platform, {
      apiEndpoint: `http://127.0.0.1:${port}`,
      retry: { maxRetries: 2, initialDelayMs: 400, maxDelayMs: 400 },
    });
    const late = new Promise<FakePlatform>((resolve) =>
      setTimeout(() => resolve(FakePlatform.start(port)), 100),
    );
    try {
      await expect(
        tokenOnly.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: { operationId: "o" } }),
      ).resolves.toEqual({});
      const server = await late;
      expect(server.apiRequests).toHaveLength(1);
      await server.close();
    } finally {
      await tokenOnly.close();
    }
  });

  it("keeps the deadline across retries and backoffs", async () => {
    await communicator.close();
    communicator = communicatorFor(platform, {
      retry: { maxRetries: 5, initialDelayMs: 1000, maxDelayMs: 1000 },
    });
    answers(() => json(503, {}));
    const started = Date.now();
    const error = (await communicator
      .execute(GET_PAYMENT, { ...GET, context: new CallContext({ timeoutMs: 300 }) })
      .catch((e: unknown) => e)) as CommunicationException;
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toContain("deadline");
    expect(Date.now() - started).toBeLessThan(900);
    expect(platform.apiRequests).toHaveLength(1);
  });
});

describe("responses whose body breaks off", () => {
  it("reports a POST whose 201 body broke off as an outcome unknown, without repeating it", async () => {
    platform.api = () => ({ ...json(201, { paymentId: "p-1", status: "AUTHORIZED" }), cut: true });
    const error = (await communicator
      .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: { operationId: "op-9" } })
      .catch((e: unknown) => e)) as OutcomeUnknownException;
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(error.message).toContain("body of the 201 response could not be read");
    expect(error.operationId).toBe("op-9");
    expect(platform.apiRequests).toHaveLength(1);
  });

  it("repeats a GET whose body broke off", async () => {
    answers(
      () => ({ ...json(200, { paymentId: "p-1", status: "AUTHORIZED" }), cut: true }),
      () => json(200, { paymentId: "p-1" }),
    );
    await expect(communicator.execute(GET_PAYMENT, GET)).resolves.toEqual({ paymentId: "p-1" });
    expect(platform.apiRequests).toHaveLength(2);
  });

  it("reports a GET whose body keeps breaking off as a CommunicationException", async () => {
    platform.api = () => ({ ...json(200, { paymentId: "p-1", status: "AUTHORIZED" }), cut: true });
    const error = await communicator.execute(GET_PAYMENT, GET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error).not.toBeInstanceOf(OutcomeUnknownException);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("response size limit", () => {
  const LARGE_BODIES: [string, Record<string, string>][] = [
    ["with a Content-Length", {}],
    ["chunked", { "transfer-encoding": "chunked" }],
  ];

  it.each(LARGE_BODIES)("refuses a body over maxResponseBodyBytes (%s)", async (_, headers) => {
    await communicator.close();
    communicator = communicatorFor(platform, { maxResponseBodyBytes: 100, retry: { maxRetries: 0 } });
    platform.api = () => json(200, { padding: "x".repeat(1000) }, headers);
    const error = (await communicator.execute(GET_PAYMENT, GET).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toContain("larger than the limit of 100 bytes (maxResponseBodyBytes)");
  });

  it.each(LARGE_BODIES)("refuses it with logging on too, without logging it (%s)", async (_, headers) => {
    await communicator.close();
    communicator = communicatorFor(platform, { maxResponseBodyBytes: 100, retry: { maxRetries: 0 } });
    const logged: string[] = [];
    communicator.enableLogging({
      log: (message) => logged.push(message),
      logRequest: (message) => logged.push(message.getMessage()),
      logResponse: (message) => logged.push(message.getMessage()),
    });
    platform.api = () => json(200, { padding: "x".repeat(1000) }, headers);
    const error = (await communicator.execute(GET_PAYMENT, GET).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toContain("larger than the limit of 100 bytes (maxResponseBodyBytes)");
    expect(logged.some((line) => line.includes("xxxx"))).toBe(false);
    expect(logged.some((line) => line.includes("is larger than 100 bytes and was not logged"))).toBe(true);
  });
});

describe("retry logging", () => {
  it("logs each retry with the failed attempt's request id and the reason", async () => {
    const lines: string[] = [];
    communicator.enableLogging({
      log: (message) => lines.push(message),
      logRequest: (message) => lines.push(message.getMessage()),
      logResponse: (message) => lines.push(message.getMessage()),
    });
    answers(
      () => json(503, {}),
      () => json(200, { paymentId: "p" }),
    );
    await communicator.execute(GET_PAYMENT, GET);
    const failed = lines.find((line) => line.startsWith("Incoming response") && line.includes("'503'"));
    const requestId = /requestId='([^']+)'/.exec(failed ?? "")?.[1];
    expect(requestId).toBeDefined();
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Retrying request '${requestId}' \\(retry 1 of 2\\) in \\d+ ms: status 503$`),
      ),
    );
  });
});
