import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { TEST_CARDS, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { chipCard, dccRequest, eur, merchantOf, sandboxClient, stamp } from "./e2e-fixtures.js";

describe("e2e: account verification, balance inquiry, DCC and ping through the SDK", () => {
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

  it("verifies an account: approved shows the brand and last 4 digits only, a do-not-honour card is declined", async () => {
    const verifications = merchantOf(client).accountVerifications();
    const approved = await verifications.processAccountVerification({
      ...stamp(),
      cardPaymentData: chipCard(TEST_CARDS.jcbApproved.cardNumber),
      merchant: { name: "Shop" },
    });
    expect(approved).toMatchObject({
      responseCode: "0",
      responseCodeCategory: "APPROVED",
      cardPaymentData: { brand: "JCB", pointOfSaleData: { panLast4Digits: "0000" } },
    });
    expect(JSON.stringify(approved)).not.toContain(TEST_CARDS.jcbApproved.cardNumber);
    const declined = await verifications.processAccountVerification({
      ...stamp(),
      cardPaymentData: chipCard(TEST_CARDS.doNotHonour.cardNumber),
    });
    expect(declined).toMatchObject({ responseCode: "5", responseCodeCategory: "DECLINED" });
  });

  it("reports the available balance: 2,500.00 EUR, 25.00 for the partial-approval card, 0 without funds", async () => {
    const inquiries = merchantOf(client).balanceInquiries();
    const balance = (cardNumber: string) =>
      inquiries.processBalanceInquiry({ ...stamp(), cardPaymentData: chipCard(cardNumber) });
    expect((await balance(TEST_CARDS.visaApproved.cardNumber)).availableAmount).toEqual(eur(250_000));
    expect((await balance(TEST_CARDS.partialApproval.cardNumber)).availableAmount).toEqual(eur(2_500));
    expect((await balance(TEST_CARDS.insufficientFunds.cardNumber)).availableAmount).toEqual(eur(0));
  });

  it("quotes a DCC rate and reuses it by rateReferenceId for another amount", async () => {
    const dcc = merchantOf(client).dynamicCurrencyConversion();
    const first = await dcc.requestDccRate(dccRequest(10_000));
    expect(first.result).toBe("OFFERED");
    expect(first.proposal).toMatchObject({
      originalAmount: eur(10_000),
      rate: { exchangeRate: 1.11755, markUp: 3 },
      resultingAmount: { amount: 11_176, currencyCode: "USD", numberOfDecimals: 2 },
    });
    const rateReferenceId = first.proposal!.rateReferenceId!;
    const fresh = await dcc.requestDccRate(dccRequest(10_000));
    expect(fresh.proposal!.rateReferenceId).not.toBe(rateReferenceId);
    const reused = await dcc.requestDccRate(dccRequest(2_000, rateReferenceId));
    expect(reused.proposal).toMatchObject({
      rate: { exchangeRate: 1.11755 },
      resultingAmount: { amount: 2_235, currencyCode: "USD" },
    });
    expect(reused.proposal!.rateReferenceId).toBe(rateReferenceId);
    expect(reused.proposal!.rate?.quotationDateTime).toBe(first.proposal!.rate?.quotationDateTime);
  });

  it("pings the platform: resolves with nothing, one ping request seen", async () => {
    const before = sandbox.countRequests("ping");
    await expect(client.v1().ping().ping()).resolves.toBeUndefined();
    expect(sandbox.countRequests("ping")).toBe(before + 1);
  });
});
