import { describe, expect, it } from "vitest";
import { CallContext } from "../../src/core/call-context.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { PlatformException } from "../../src/errors/platform-exception.js";
import { rejectionOf } from "../e2e/e2e-fixtures.js";
import { startRawHttpServer, writeJson } from "../helpers/raw-http-server.js";
import type { RawHandler } from "../helpers/raw-http-server.js";
import {
  apiRequests,
  CHAOS_RETRY,
  chaosClient,
  chaosPayments,
  chaosScope,
  payment,
  paymentAnswer,
  withTokens,
} from "./chaos-harness.js";

const UNAVAILABLE = { type: "/problems/service-unavailable", title: "Service Unavailable", status: 503 };

describe("chaos: stalls, socket timeouts and retried statuses", () => {
  const scope = chaosScope();
  const start = async (api: RawHandler, socketTimeout = 5) => {
    const server = scope.track(await startRawHttpServer(withTokens(api)));
    const client = scope.track(chaosClient(server.origin, { socketTimeout }));
    const payments = chaosPayments(client);
    return { server, payments };
  };
  /** Milliseconds between the API requests the server received. */
  const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i]!);
  const stall: RawHandler = () => undefined;

  // undici runs its headers and body timeouts on timers of about 0.5 s resolution, so a 0.3 s
  // socket timeout fires after up to about 1 s: the bounds below allow for that.
  it("a GET stalled before the response head: CommunicationException naming the socket timeout, sent once", async () => {
    const { server, payments } = await start(stall, 0.3);
    const started = performance.now();
    const error = await rejectionOf(payments.getPaymentStatus("p-1"));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error).not.toBeInstanceOf(OutcomeUnknownException);
    expect((error as Error).message).toContain("socket timeout (0.3 s)");
    expect(apiRequests(server.requests).map((r) => r.method)).toEqual(["GET"]);
  });

  it("a POST stalled before the response head: OutcomeUnknownException naming the socket timeout and the operationId", async () => {
    const { server, payments } = await start(stall, 0.3);
    const request = payment();
    const error = await rejectionOf(payments.processPayment(request));
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect((error as Error).message).toContain("socket timeout");
    expect(error).toMatchObject({ operationId: request.operationId });
    expect(apiRequests(server.requests).map((r) => r.method)).toEqual(["POST"]);
  });

  it("a GET whose body stalls after the head: CommunicationException once the socket timeout passes", async () => {
    const { payments } = await start((_request, socket) => {
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"payment',
      );
    }, 0.3);
    const started = performance.now();
    const error = await rejectionOf(payments.getPaymentStatus("p-1"));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(CommunicationException);
  });

  it("503 then 200 on a GET: retried once after initialDelayMs", async () => {
    let calls = 0;
    const { server, payments } = await start((_request, socket) => {
      if (++calls === 1) writeJson(socket, 503, UNAVAILABLE);
      else writeJson(socket, 200, paymentAnswer());
    });
    await expect(payments.getPaymentStatus("p-1")).resolves.toMatchObject({ status: "AUTHORIZED" });
    const seen = apiRequests(server.requests);
    expect(seen).toHaveLength(2);
    const [gap] = gaps(seen.map((r) => r.receivedAt));
    // The first retry waits exactly initialDelayMs (the backoff ceiling is initialDelayMs * 2^0).
    expect(gap).toBeGreaterThanOrEqual(CHAOS_RETRY.initialDelayMs - 5);
    expect(gap).toBeLessThan(CHAOS_RETRY.initialDelayMs + 400);
  });

  it("503 with Retry-After: 1 then 200 on a GET: the retry waits the second asked for", async () => {
    let calls = 0;
    const { server, payments } = await start((_request, socket) => {
      if (++calls === 1) writeJson(socket, 503, UNAVAILABLE, { "Retry-After": "1" });
      else writeJson(socket, 200, paymentAnswer());
    });
    await payments.getPaymentStatus("p-1");
    const [gap] = gaps(apiRequests(server.requests).map((r) => r.receivedAt));
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(1_500);
  });

  it("503 three times on a GET: 1 + maxRetries requests with growing, bounded delays, then PlatformException", async () => {
    const { server, payments } = await start((_request, socket) => writeJson(socket, 503, UNAVAILABLE));
    const error = await rejectionOf(payments.getPaymentStatus("p-1"));
    expect(error).toBeInstanceOf(PlatformException);
    expect(error).toMatchObject({ statusCode: 503, type: UNAVAILABLE.type });
    const seen = apiRequests(server.requests);
    expect(seen).toHaveLength(1 + CHAOS_RETRY.maxRetries);
    const [first, second] = gaps(seen.map((r) => r.receivedAt));
    const initial = CHAOS_RETRY.initialDelayMs;
    expect(first).toBeGreaterThanOrEqual(initial - 5);
    expect(second).toBeGreaterThanOrEqual(initial - 5);
    expect(second).toBeLessThan(2 * initial + 400);
  });

  it("503 with a Retry-After beyond maxDelayMs on a GET: no retry, the PlatformException surfaces at once", async () => {
    const { server, payments } = await start((_request, socket) =>
      writeJson(socket, 503, UNAVAILABLE, { "Retry-After": "30" }),
    );
    const started = performance.now();
    await expect(payments.getPaymentStatus("p-1")).rejects.toBeInstanceOf(PlatformException);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(apiRequests(server.requests)).toHaveLength(1);
  });

  it("503 then 200 on a POST: not retried, PlatformException, the server saw one POST", async () => {
    let calls = 0;
    const { server, payments } = await start((_request, socket) => {
      if (++calls === 1) writeJson(socket, 503, UNAVAILABLE);
      else writeJson(socket, 201, paymentAnswer());
    });
    const error = await rejectionOf(payments.processPayment(payment()));
    expect(error).toBeInstanceOf(PlatformException);
    expect(apiRequests(server.requests).map((r) => r.method)).toEqual(["POST"]);
  });

  it("a deadline shorter than the Retry-After wait: CommunicationException saying 'deadline', the wait cancelled", async () => {
    const { server, payments } = await start((_request, socket) =>
      writeJson(socket, 503, UNAVAILABLE, { "Retry-After": "1" }),
    );
    const started = performance.now();
    const error = await rejectionOf(
      payments.getPaymentStatus("p-1", {}, new CallContext({ timeoutMs: 300 })),
    );
    expect(performance.now() - started).toBeLessThan(800);
    expect(error).toBeInstanceOf(CommunicationException);
    expect((error as Error).message).toContain("deadline");
    expect(apiRequests(server.requests)).toHaveLength(1);
  });
});
