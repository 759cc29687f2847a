import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { CommunicatorConfiguration } from "../../src/config/communicator-configuration.js";
import { OperationReversedException } from "../../src/errors/operation-reversed-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { Factory } from "../../src/factory.js";
import type { InDoubtPolicy } from "../../src/in-doubt/in-doubt-policy.js";
import { FAULT_AMOUNTS, SANDBOX_MERCHANT, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import type { ApiPaymentRequest } from "../../src/v1/index.js";
import { FakePlatform, json } from "../core/fake-platform.js";
import { communicatorFor, MERCHANT, PROCESS_PAYMENT } from "../core/setup.js";

let sandbox: Sandbox;
let client: Client | undefined;

beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  await client?.close();
  await sandbox.close();
});

function clientWith(inDoubtPolicy?: InDoubtPolicy): Client {
  client = Factory.createClientFromConfiguration(
    new CommunicatorConfiguration({
      apiEndpoint: sandbox.apiEndpoint,
      oauth2TokenUri: sandbox.tokenUri,
      oauth2ClientId: sandbox.clientId,
      oauth2ClientSecret: sandbox.clientSecret,
      integrator: "in-doubt tests",
      ...(inDoubtPolicy ? { inDoubtPolicy } : {}),
    }),
  );
  return client;
}

/** A payment the sandbox processes and then answers by destroying the connection. */
function droppedPayment(): ApiPaymentRequest {
  return {
    operationId: randomUUID(),
    transactionTimestamp: new Date(),
    amount: { amount: FAULT_AMOUNTS.drop, currencyCode: "EUR", numberOfDecimals: 2 },
    cardPaymentData: {
      cardEntryMode: "ECOMMERCE",
      cardData: { cardNumber: "4111111111111111", expiryDate: "122030" },
    },
  };
}

const payments = (c: Client) =>
  c.v1().acquirer(SANDBOX_MERCHANT.acquirerId).merchant(SANDBOX_MERCHANT.merchantId).cardPayments();

describe("payments left in doubt", () => {
  it("by default reports the unknown outcome with the operationId and sends nothing more", async () => {
    const request = droppedPayment();
    const error = (await payments(clientWith())
      .processPayment(request)
      .catch((e: unknown) => e)) as OutcomeUnknownException;
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(error.operationId).toBe(request.operationId);
    expect(sandbox.countRequests("processPayment")).toBe(1);
    expect(sandbox.countRequests("technicalReversal")).toBe(0);
  });

  it("resend: sends the same request with the same operationId once and returns the platform's answer", async () => {
    const request = droppedPayment();
    const payment = await payments(clientWith("resend")).processPayment(request);
    expect(payment.operationId).toBe(request.operationId);
    expect(payment.status).toBe("AUTHORIZED");
    expect(sandbox.countRequests("processPayment")).toBe(2);
    expect(sandbox.getPaymentAmounts(payment.paymentId!)?.authorized).toBe(FAULT_AMOUNTS.drop);
  });

  it("reverse: undoes the operation with a technical reversal and says so", async () => {
    const request = droppedPayment();
    const error = (await payments(clientWith("reverse"))
      .processPayment(request)
      .catch((e: unknown) => e)) as OperationReversedException;
    expect(error).toBeInstanceOf(OperationReversedException);
    expect(error).toMatchObject({ operationId: request.operationId, wasReceived: true });
    expect(error.cause).toBeInstanceOf(OutcomeUnknownException);
    expect(sandbox.countRequests("technicalReversal")).toBe(1);
    const cancelled = sandbox.requests.find((record) => record.operation === "technicalReversal");
    expect(cancelled?.status).toBe(201);
  });
});

describe("reverse when the platform never received the operation", () => {
  it("reports that nothing was received", async () => {
    const platform = await FakePlatform.start();
    platform.api = (request) =>
      request.url.endsWith("/reverse")
        ? json(404, { title: "operation-not-found" })
        : { status: 0, drop: true };
    const communicator = communicatorFor(platform, { inDoubtPolicy: "reverse" });
    try {
      const error = (await communicator
        .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: { operationId: "op-lost" } })
        .catch((e: unknown) => e)) as OperationReversedException;
      expect(error).toBeInstanceOf(OperationReversedException);
      expect(error.wasReceived).toBe(false);
      expect(platform.apiRequests.map((r) => r.url)).toEqual([
        "/processing/v1/acq%201/m%2F2/payments",
        "/processing/v1/acq%201/m%2F2/operations/op-lost/reverse",
      ]);
      expect(JSON.parse(platform.apiRequests[1]!.body)).toMatchObject({ reason: "TIMEOUT" });
    } finally {
      await communicator.close();
      await platform.close();
    }
  });
});
