import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { TEST_CARDS, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { eur, merchantOf, paymentRequest, sandboxClient } from "./e2e-fixtures.js";

/** The merchant advice code the docs give for some declines. */
const MERCHANT_ADVICE: Partial<Record<keyof typeof TEST_CARDS, string>> = {
  doNotHonour: "03",
  insufficientFunds: "02",
  expiredCard: "01",
};

describe("e2e: every test card through the SDK", () => {
  let sandbox: Sandbox;
  let client: Client;
  beforeAll(async () => {
    sandbox = await startSandbox();
    client = sandboxClient(sandbox);
  });
  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  const cards = Object.entries(TEST_CARDS) as [
    keyof typeof TEST_CARDS,
    (typeof TEST_CARDS)[keyof typeof TEST_CARDS],
  ][];

  it.each(cards)("%s: the documented response code, status and amount", async (key, card) => {
    const answer = await merchantOf(client)
      .cardPayments()
      .processPayment(paymentRequest({ amount: 10_001, cardNumber: card.cardNumber }));
    const approved = card.outcome === "APPROVED";
    // Without allowPartialApproval the partial-approval card is declined for lack of funds.
    const expectedCode = card.outcome === "PARTIALLY_APPROVED" ? "51" : card.responseCode;
    expect(answer).toMatchObject({
      responseCode: expectedCode,
      responseCodeCategory: approved ? "APPROVED" : "DECLINED",
      status: approved ? "AUTHORIZED" : "NOT_AUTHORIZED",
      totalAuthorizedAmount: eur(approved ? 10_001 : 0),
      cardPaymentData: { brand: card.brand },
    });
    if (card.outcome !== "PARTIALLY_APPROVED") {
      expect(answer.responseCodeDescription).toBe(card.responseCodeDescription);
    }
    const advice = MERCHANT_ADVICE[key];
    if (advice !== undefined) expect(answer.additionalResponseData?.merchantAdviceCode).toBe(advice);
    expect(JSON.stringify(answer)).not.toContain(card.cardNumber);
    expect(sandbox.getPaymentAmounts(answer.paymentId!)?.authorized).toBe(approved ? 10_001 : 0);
  });

  it("partialApproval with allowPartialApproval: half the amount (rounded down) is approved with code 10", async () => {
    const answer = await merchantOf(client)
      .cardPayments()
      .processPayment(
        paymentRequest({
          amount: 10_001,
          cardNumber: TEST_CARDS.partialApproval.cardNumber,
          allowPartialApproval: true,
        }),
      );
    expect(answer).toMatchObject({
      responseCode: "10",
      responseCodeCategory: "PARTIALLY_APPROVED",
      responseCodeDescription: "Partial approval",
      status: "AUTHORIZED",
      totalAuthorizedAmount: eur(5_000),
    });
    expect(sandbox.getPaymentAmounts(answer.paymentId!)).toMatchObject({
      authorized: 5_000,
      leftToCapture: 5_000,
    });
  });

  it("a number failing the Luhn check is declined 14 by WORLDLINE; a past expiry date 54", async () => {
    const payments = merchantOf(client).cardPayments();
    const luhn = await payments.processPayment(paymentRequest({ cardNumber: "4111111111111112" }));
    expect(luhn).toMatchObject({ responseCode: "14", responder: "WORLDLINE", status: "NOT_AUTHORIZED" });
    const expired = await payments.processPayment(paymentRequest({ expiryDate: "012020" }));
    expect(expired).toMatchObject({ responseCode: "54", status: "NOT_AUTHORIZED" });
  });
});
