import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { CallContext } from "../../src/core/call-context.js";
import { ApiException } from "../../src/errors/api-exception.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { PlatformException } from "../../src/errors/platform-exception.js";
import { ResponseException } from "../../src/errors/response-exception.js";
import { FAULT_AMOUNTS, startSandbox } from "../../src/sandbox/index.js";
import type { FaultKind, Sandbox } from "../../src/sandbox/index.js";
import { merchantOf, paymentRequest, rejectionOf, sandboxClient } from "./e2e-fixtures.js";

describe("e2e: every sandbox fault through the SDK", () => {
  let sandbox: Sandbox;
  let client: Client;
  beforeAll(async () => {
    sandbox = await startSandbox({ slowResponseMs: 3_000, retryAfterSeconds: 1 });
    client = sandboxClient(sandbox);
  });
  beforeEach(() => sandbox.reset());
  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  const payments = () => merchantOf(client).cardPayments();
  const pay = (kind: FaultKind) => payments().processPayment(paymentRequest({ amount: FAULT_AMOUNTS[kind] }));
  const newPaymentId = async () => (await payments().processPayment(paymentRequest())).paymentId!;

  describe("HTML error pages", () => {
    it.each(["http500", "http502", "http504"] as const)(
      "%s on a POST: ResponseException with the page, sent once",
      async (kind) => {
        const error = await rejectionOf(pay(kind));
        expect(error).toBeInstanceOf(ResponseException);
        const status = Number(kind.slice(4));
        expect(error).toMatchObject({ statusCode: status });
        expect((error as ResponseException).getHeader("Content-Type")).toMatch(/^text\/html/);
        expect((error as ResponseException).body).toContain("<html");
        expect(sandbox.countRequests("processPayment")).toBe(1);
        expect(sandbox.requests.at(-1)).toMatchObject({ operation: "processPayment", status, fault: kind });
      },
    );

    it.each(["http502", "http504"] as const)(
      "%s on a GET: retried, the second attempt succeeds",
      async (kind) => {
        const paymentId = await newPaymentId();
        sandbox.injectFault({ kind, operation: "getPaymentStatus" });
        const status = await payments().getPaymentStatus(paymentId);
        expect(status).toMatchObject({ paymentId, status: "AUTHORIZED" });
        expect(sandbox.countRequests("getPaymentStatus")).toBe(2);
      },
    );

    it("http500 on a GET: not retried (500 is not a 'try again' status), ResponseException", async () => {
      const paymentId = await newPaymentId();
      sandbox.injectFault({ kind: "http500", operation: "getPaymentStatus" });
      const error = await rejectionOf(payments().getPaymentStatus(paymentId));
      expect(error).toBeInstanceOf(ResponseException);
      expect(error).toMatchObject({ statusCode: 500 });
      expect(sandbox.countRequests("getPaymentStatus")).toBe(1);
    });

    it("a GET failing more often than maxRetries surfaces the last page after 1 + 2 requests", async () => {
      const paymentId = await newPaymentId();
      sandbox.injectFault({ kind: "http502", operation: "getPaymentStatus", times: 3 });
      const error = await rejectionOf(payments().getPaymentStatus(paymentId));
      expect(error).toBeInstanceOf(ResponseException);
      expect(error).toMatchObject({ statusCode: 502 });
      expect(sandbox.countRequests("getPaymentStatus")).toBe(3);
    });
  });

  describe("API errors with Retry-After", () => {
    it("http503 on a POST: PlatformException with the problem fields, sent once", async () => {
      const error = await rejectionOf(pay("http503"));
      expect(error).toBeInstanceOf(PlatformException);
      expect(error).toMatchObject({ statusCode: 503, status: 503, type: "/problems/service-unavailable" });
      expect(sandbox.countRequests("processPayment")).toBe(1);
    });

    it("http429 on a POST: ApiException (not a PlatformException), sent once", async () => {
      const error = await rejectionOf(pay("http429"));
      expect(error).toBeInstanceOf(ApiException);
      expect(error).not.toBeInstanceOf(PlatformException);
      expect(error).toMatchObject({ statusCode: 429, type: "/problems/too-many-requests" });
      expect(sandbox.countRequests("processPayment")).toBe(1);
    });

    it.each(["http503", "http429"] as const)(
      "%s on a GET: retried after the 1 s Retry-After, then succeeds with 2 requests",
      async (kind) => {
        const paymentId = await newPaymentId();
        sandbox.injectFault({ kind, operation: "getPaymentStatus" });
        const started = performance.now();
        const status = await payments().getPaymentStatus(paymentId);
        const elapsed = performance.now() - started;
        expect(status.paymentId).toBe(paymentId);
        expect(sandbox.countRequests("getPaymentStatus")).toBe(2);
        expect(elapsed).toBeGreaterThanOrEqual(950);
        expect(elapsed).toBeLessThan(3_000);
      },
    );
  });

  describe("slow answers and deadlines", () => {
    it("slow POST beyond the CallContext deadline: OutcomeUnknownException saying 'deadline', with the operationId", async () => {
      const request = paymentRequest({ amount: FAULT_AMOUNTS.slow });
      const started = performance.now();
      const error = await rejectionOf(
        payments().processPayment(request, new CallContext({ timeoutMs: 300 })),
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(OutcomeUnknownException);
      expect((error as Error).message).toContain("deadline");
      expect(error).toMatchObject({ operationId: request.operationId });
      expect(sandbox.countRequests("processPayment")).toBe(1);
    });

    it("slow GET beyond the deadline: CommunicationException saying 'deadline', not retried", async () => {
      const paymentId = await newPaymentId();
      sandbox.injectFault({ kind: "slow", operation: "getPaymentStatus" });
      const started = performance.now();
      const error = await rejectionOf(
        payments().getPaymentStatus(paymentId, {}, new CallContext({ timeoutMs: 300 })),
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(CommunicationException);
      expect(error).not.toBeInstanceOf(OutcomeUnknownException);
      expect((error as Error).message).toContain("deadline");
      expect(sandbox.countRequests("getPaymentStatus")).toBe(1);
    });
  });

  describe("dropped connections", () => {
    it("drop on processPayment: OutcomeUnknownException with the operationId; re-sending it replays the answer, one payment", async () => {
      const request = paymentRequest({ amount: FAULT_AMOUNTS.drop });
      const error = await rejectionOf(payments().processPayment(request));
      expect(error).toBeInstanceOf(OutcomeUnknownException);
      expect(error).toMatchObject({ operationId: request.operationId });
      expect((error as Error).message).toContain(request.operationId);
      expect(sandbox.countRequests("processPayment")).toBe(1);

      const replayed = await payments().processPayment(request);
      expect(replayed).toMatchObject({
        operationId: request.operationId,
        status: "AUTHORIZED",
        responseCode: "0",
      });
      const again = await payments().processPayment(request);
      expect(again).toEqual(replayed);
      const paymentId = replayed.paymentId!;
      expect(sandbox.getPayment(paymentId)?.operations).toHaveLength(1);
      expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({ authorized: FAULT_AMOUNTS.drop });
      expect(sandbox.countRequests("processPayment")).toBe(3);
    });

    it("drop on a GET: the reset connection is retried and the call succeeds with 2 requests", async () => {
      const paymentId = await newPaymentId();
      sandbox.injectFault({ kind: "drop", operation: "getPaymentStatus" });
      await expect(payments().getPaymentStatus(paymentId)).resolves.toMatchObject({ paymentId });
      expect(sandbox.countRequests("getPaymentStatus")).toBe(2);
    });
  });

  describe("token endpoint faults", () => {
    it("a dropped token request is repeated: the call succeeds with 2 token requests", async () => {
      const fresh = sandboxClient(sandbox);
      try {
        sandbox.injectFault({ kind: "drop", operation: "token" });
        await fresh.v1().ping().ping();
        expect(sandbox.countRequests("token")).toBe(2);
        expect(sandbox.countRequests("ping")).toBe(1);
      } finally {
        await fresh.close();
      }
    });
  });
});
