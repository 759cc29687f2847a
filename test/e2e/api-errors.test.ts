import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { CallContext } from "../../src/core/call-context.js";
import { ApiException } from "../../src/errors/api-exception.js";
import { AuthorizationException } from "../../src/errors/authorization-exception.js";
import { IdempotenceException } from "../../src/errors/idempotence-exception.js";
import { OAuth2Exception } from "../../src/errors/oauth2-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { ReferenceException } from "../../src/errors/reference-exception.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import { FAULT_AMOUNTS, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import type { ApiPaymentRequest } from "../../src/v1/index.js";
import { eur, merchantOf, paymentRequest, rejectionOf, sandboxClient, stamp } from "./e2e-fixtures.js";

/** A payment request that breaks its JSON schema: the amount is a string. */
function invalidPayment(): ApiPaymentRequest {
  const request = paymentRequest();
  return { ...request, amount: { ...request.amount, amount: "ten euro" as unknown as number } };
}

describe("e2e: API errors through the SDK", () => {
  let sandbox: Sandbox;
  const clients: Client[] = [];
  const clientFor = (overrides: Parameters<typeof sandboxClient>[1] = {}) => {
    const client = sandboxClient(sandbox, overrides);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(() => sandbox.close());

  it("a body the server finds invalid (validation off): ValidationException with the problem detail naming the path", async () => {
    const client = clientFor({ validateRequests: false });
    const error = await rejectionOf(merchantOf(client).cardPayments().processPayment(invalidPayment()));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ statusCode: 400, status: 400, type: "/problems/validation-error" });
    expect((error as ValidationException).detail).toContain("$.amount.amount");
    expect(sandbox.countRequests("processPayment")).toBe(1);
  });

  it("the same body with validateRequests: ValidationException with statusCode 0 and nothing sent, not even a token request", async () => {
    const client = clientFor({ validateRequests: true });
    const error = await rejectionOf(merchantOf(client).cardPayments().processPayment(invalidPayment()));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ statusCode: 0 });
    expect((error as ValidationException).issues.map((issue) => issue.path)).toContain("$.amount.amount");
    expect(sandbox.countRequests()).toBe(0);
  });

  it("a business rule violation (capturing more than authorised) is a ValidationException, not an idempotence one", async () => {
    const payments = merchantOf(clientFor()).cardPayments();
    const paymentId = (await payments.processPayment(paymentRequest({ amount: 1_000 }))).paymentId!;
    const error = await rejectionOf(
      payments.simpleCaptureOfPayment(paymentId, { ...stamp(), amount: eur(1_001) }),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ statusCode: 400, type: "/problems/business-rule-violation" });
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({ captured: 0, leftToCapture: 1_000 });
  });

  it("an unknown payment: ReferenceException 404", async () => {
    const error = await rejectionOf(
      merchantOf(clientFor()).cardPayments().getPaymentStatus("no-such-payment"),
    );
    expect(error).toBeInstanceOf(ReferenceException);
    expect(error).not.toBeInstanceOf(IdempotenceException);
    expect(error).toMatchObject({ statusCode: 404, type: "/problems/payment-not-found" });
  });

  it("an unknown refund and an unknown operationId to reverse: ReferenceException 404 naming what was not found", async () => {
    const merchant = merchantOf(clientFor());
    const refund = await rejectionOf(merchant.cardRefunds().getRefund("no-such-refund"));
    expect(refund).toBeInstanceOf(ReferenceException);
    expect(refund).toMatchObject({ statusCode: 404, type: "/problems/refund-not-found" });
    const reversal = await rejectionOf(
      merchant.technicalReversals().technicalReversal("no-such-operation", { ...stamp(), reason: "test" }),
    );
    expect(reversal).toBeInstanceOf(ReferenceException);
    expect(reversal).toMatchObject({ statusCode: 404, type: "/problems/operation-not-found" });
  });

  it("the same request again while the first is still processed: IdempotenceException (operation in progress)", async () => {
    const payments = merchantOf(clientFor()).cardPayments();
    const request = paymentRequest({ amount: FAULT_AMOUNTS.slow });
    const first = rejectionOf(payments.processPayment(request, new CallContext({ timeoutMs: 1_000 })));
    while (sandbox.countRequests("processPayment") === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await rejectionOf(payments.processPayment(request));
    expect(second).toBeInstanceOf(IdempotenceException);
    expect(second).toMatchObject({
      statusCode: 409,
      type: "/problems/operation-in-progress",
      idempotenceKey: request.operationId,
    });
    expect(await first).toBeInstanceOf(OutcomeUnknownException);
  });

  it("an operationId reused for another body: IdempotenceException carrying the operationId as idempotenceKey", async () => {
    const payments = merchantOf(clientFor()).cardPayments();
    const first = paymentRequest({ amount: 1_000 });
    await payments.processPayment(first);
    const error = await rejectionOf(payments.processPayment({ ...first, amount: eur(2_000) }));
    expect(error).toBeInstanceOf(IdempotenceException);
    expect(error).toBeInstanceOf(ReferenceException);
    expect(error).toMatchObject({
      statusCode: 409,
      type: "/problems/operation-id-conflict",
      idempotenceKey: first.operationId,
    });
  });

  it("a token without the operation's scope: AuthorizationException 403, while an operation in scope works", async () => {
    const client = clientFor({ oauth2Scopes: "services_ping" });
    await client.v1().ping().ping();
    const error = await rejectionOf(merchantOf(client).cardPayments().processPayment(paymentRequest()));
    expect(error).toBeInstanceOf(AuthorizationException);
    expect(error).toMatchObject({ statusCode: 403, type: "/problems/insufficient-scope" });
    expect(sandbox.countRequests("token")).toBe(1);
  });

  it("a wrong client secret: OAuth2Exception naming invalid_client, the secret nowhere in it, no API request", async () => {
    const secret = "wrong-secret-e2e-7f3a";
    const client = clientFor({ oauth2ClientSecret: secret });
    const error = await rejectionOf(client.v1().ping().ping());
    expect(error).toBeInstanceOf(OAuth2Exception);
    expect(error).toMatchObject({ statusCode: 401, error: "invalid_client" });
    expect((error as Error).message).toContain("invalid_client");
    expect(`${(error as Error).message}\n${(error as Error).stack ?? ""}`).not.toContain(secret);
    expect(sandbox.countRequests("token")).toBe(1);
    expect(sandbox.countRequests("ping")).toBe(0);
  });

  it("tokens revoked mid-run: the SDK renews its token once and the call succeeds", async () => {
    const client = clientFor();
    const payments = merchantOf(client).cardPayments();
    const paymentId = (await payments.processPayment(paymentRequest())).paymentId!;
    expect(sandbox.countRequests("token")).toBe(1);
    sandbox.revokeTokens();
    const captured = await payments.simpleCaptureOfPayment(paymentId, stamp());
    expect(captured.payment?.status).toBe("CONFIRMED");
    expect(sandbox.countRequests("token")).toBe(2);
    // The refused capture (401) and its single repetition; the capture happened once.
    expect(
      sandbox.requests.filter((r) => r.operation === "simpleCaptureOfPayment").map((r) => r.status),
    ).toEqual([401, 201]);
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({ captured: 10_000 });
  });

  it("a 401 that persists after the renewal: ApiException 401", async () => {
    // A clock that jumps 2 s each time it is read: every token has expired when it is checked.
    let clock = Date.now();
    const short = await startSandbox({ tokenTtlSeconds: 1, now: () => (clock += 2_000) });
    const expiring = sandboxClient(short);
    try {
      const error = await rejectionOf(expiring.v1().ping().ping());
      expect(error).toBeInstanceOf(ApiException);
      expect(error).toMatchObject({ statusCode: 401 });
      expect(short.countRequests("token")).toBe(2);
      expect(short.countRequests("ping")).toBe(2);
    } finally {
      await expiring.close();
      await short.close();
    }
  });
});
