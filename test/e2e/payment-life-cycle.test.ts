import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { TEST_CARDS, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import type { MerchantClient } from "../../src/v1/index.js";
import {
  eur,
  merchantOf,
  paymentRequest,
  sandboxClient,
  stamp,
  standaloneRefundRequest,
} from "./e2e-fixtures.js";

describe("e2e: the payment and refund life cycle through the SDK", () => {
  let sandbox: Sandbox;
  let client: Client;
  let merchant: MerchantClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    client = sandboxClient(sandbox);
    merchant = merchantOf(client);
  });
  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  it("authorises, increments, captures partially, reads the status with its operations, refunds and reverses the rest", async () => {
    const payments = merchant.cardPayments();
    const created = await payments.processPayment(paymentRequest({ amount: 10_000 }));
    expect(created).toMatchObject({
      status: "AUTHORIZED",
      responseCode: "0",
      totalAuthorizedAmount: eur(10_000),
    });
    const paymentId = created.paymentId!;

    const increment = await payments.incrementPayment(paymentId, { ...stamp(), incrementAmount: eur(2_500) });
    expect(increment.totalAuthorizedAmount).toEqual(eur(12_500));
    expect(increment.authorizationCode).toMatch(/^\d{6}$/);

    const capture = await payments.simpleCaptureOfPayment(paymentId, {
      ...stamp(),
      amount: eur(4_000),
      captureSequenceNumber: 1,
      isFinal: false,
    });
    expect(capture).toMatchObject({ responseCode: "0", payment: { paymentId, status: "CONFIRMED" } });
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({
      authorized: 12_500,
      captured: 4_000,
      leftToCapture: 8_500,
      leftToRefund: 4_000,
    });

    const status = await payments.getPaymentStatus(paymentId, { returnOperations: true });
    expect(status.status).toBe("CONFIRMED");
    expect(status.operations?.map((operation) => operation.operationType)).toEqual([
      "AUTHORIZATION",
      "INCREMENT",
      "CAPTURE",
    ]);
    const plain = await payments.getPaymentStatus(paymentId);
    expect(plain.operations).toBeUndefined();

    const refund = await payments.createRefund(paymentId, { ...stamp(), amount: eur(1_500) });
    expect(refund.refund).toMatchObject({ status: "AUTHORIZED" });
    const refundId = refund.refund!.refundId!;
    const refunds = merchant.cardRefunds();
    const captured = await refunds.captureRefund(refundId, stamp());
    expect(captured.refund).toMatchObject({ refundId, status: "CONFIRMED" });
    const read = await refunds.getRefund(refundId, { returnOperations: true });
    expect(read).toMatchObject({ refundId, status: "CONFIRMED", referencedPaymentId: paymentId });

    const reversal = await payments.reverseAuthorization(paymentId, stamp());
    expect(reversal.totalAuthorizedAmount).toEqual(eur(4_000));
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({
      authorized: 12_500,
      reversed: 8_500,
      captured: 4_000,
      refunded: 1_500,
      leftToCapture: 0,
      leftToRefund: 2_500,
    });
  });

  it("reverses a refund authorisation, which makes its amount refundable again", async () => {
    const payments = merchant.cardPayments();
    const payment = await payments.processPayment(
      paymentRequest({ amount: 3_000, captureImmediately: true }),
    );
    const paymentId = payment.paymentId!;
    const refund = await payments.createRefund(paymentId, { ...stamp(), amount: eur(3_000) });
    expect(sandbox.getPaymentAmounts(paymentId)?.leftToRefund).toBe(0);
    const reversed = await merchant
      .cardRefunds()
      .reverseRefundAuthorization(refund.refund!.refundId!, stamp());
    expect(reversed.refund).toMatchObject({ status: "REVERSED" });
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({ refunded: 0, leftToRefund: 3_000 });
  });

  it("processes a standalone refund, captures it and reads it back", async () => {
    const refunds = merchant.cardRefunds();
    const created = await refunds.processStandaloneRefund(standaloneRefundRequest(1_999));
    expect(created).toMatchObject({
      responseCode: "0",
      status: "AUTHORIZED",
      totalAuthorizedAmount: eur(1_999),
      cardPaymentData: { brand: "MASTERCARD" },
    });
    const refundId = created.refundId!;
    await refunds.captureRefund(refundId, stamp());
    const read = await refunds.getRefund(refundId);
    expect(read.status).toBe("CONFIRMED");
    expect(sandbox.getRefund(refundId)?.status).toBe("CONFIRMED");
    const declined = await refunds.processStandaloneRefund(
      standaloneRefundRequest(500, TEST_CARDS.doNotHonour.cardNumber),
    );
    expect(declined).toMatchObject({ responseCode: "5", status: "NOT_AUTHORIZED" });
  });

  it("technically reverses a capture (rolled back) and an authorisation (payment cancelled)", async () => {
    const payments = merchant.cardPayments();
    const reversals = merchant.technicalReversals();
    const request = paymentRequest({ amount: 6_000 });
    const paymentId = (await payments.processPayment(request)).paymentId!;
    const captureRequest = { ...stamp(), amount: eur(2_000) };
    await payments.simpleCaptureOfPayment(paymentId, captureRequest);
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({ captured: 2_000, leftToCapture: 4_000 });

    const ofCapture = await reversals.technicalReversal(captureRequest.operationId, {
      ...stamp(),
      reason: "capture answer lost",
    });
    expect(ofCapture).toMatchObject({ responseCode: "0" });
    expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({ captured: 0, leftToCapture: 6_000 });
    expect((await payments.getPaymentStatus(paymentId)).status).toBe("AUTHORIZED");

    await reversals.technicalReversal(request.operationId!, { ...stamp(), reason: "no answer received" });
    expect((await payments.getPaymentStatus(paymentId)).status).toBe("CANCELLED");
  });
});
