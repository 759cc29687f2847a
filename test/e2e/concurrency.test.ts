import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { merchantOf, paymentRequest, sandboxClient } from "./e2e-fixtures.js";

const CALLS = 200;

describe("e2e: concurrent SDK calls", () => {
  let sandbox: Sandbox;
  let client: Client;
  beforeAll(async () => {
    sandbox = await startSandbox();
    client = sandboxClient(sandbox, { maxConnections: 10 });
  });
  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  it(`${CALLS} payments started at once on a fresh client: all succeed, one shared token request`, async () => {
    const payments = merchantOf(client).cardPayments();
    const requests = Array.from({ length: CALLS }, (_, i) => paymentRequest({ amount: 1_000 + i }));
    const started = performance.now();
    const answers = await Promise.all(requests.map((request) => payments.processPayment(request)));
    expect(performance.now() - started).toBeLessThan(15_000);

    expect(answers.every((answer) => answer.status === "AUTHORIZED")).toBe(true);
    expect(answers.map((answer) => answer.operationId)).toEqual(
      requests.map((request) => request.operationId),
    );
    expect(new Set(answers.map((answer) => answer.paymentId)).size).toBe(CALLS);
    answers.forEach((answer, i) => {
      expect(sandbox.getPaymentAmounts(answer.paymentId!)?.authorized).toBe(1_000 + i);
    });
    expect(sandbox.countRequests("token")).toBe(1);
    expect(sandbox.countRequests("processPayment")).toBe(CALLS);
  });

  it("tokens revoked under concurrent load: every call succeeds after exactly one renewal", async () => {
    const payments = merchantOf(client).cardPayments();
    await payments.processPayment(paymentRequest());
    const tokensBefore = sandbox.countRequests("token");
    sandbox.revokeTokens();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => payments.processPayment(paymentRequest({ amount: 1_234 }))),
    );
    expect(answers.every((answer) => answer.status === "AUTHORIZED")).toBe(true);
    expect(sandbox.countRequests("token")).toBe(tokensBefore + 1);
  });
});
