import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, TEST_CARDS, type Sandbox } from "../../src/sandbox/index.js";
import { ApiClient, eur, MERCHANT_PATH, operation, paymentRequest } from "./sandbox-client.js";

describe("sandbox card payments", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  async function authorize(amount = 10_000, options: Parameters<typeof paymentRequest>[0] = {}) {
    const created = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount, ...options }));
    expect(created.status).toBe(201);
    return created.json.paymentId as string;
  }

  it("authorises a payment with a complete ApiPaymentResponse, storing no card number", async () => {
    const request = paymentRequest({ amount: 4_250 });
    const answer = await api.post(`${MERCHANT_PATH}/payments`, request);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      operationId: request.operationId,
      responder: "ISSUER",
      responseCode: "0",
      responseCodeCategory: "APPROVED",
      responseCodeDescription: "Approved",
      status: "AUTHORIZED",
      totalAuthorizedAmount: eur(4_250),
      cardPaymentData: { brand: "VISA", ecommerceData: { cardSecurityCodeResult: "MATCH" } },
    });
    expect(answer.json.paymentId).toEqual(expect.any(String));
    expect(answer.json.initialAuthorizationCode).toMatch(/^\d{6}$/);
    expect(answer.json.statusTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(answer.json.references.paymentAccountReference).toMatch(/^5001[0-9A-Z]{25}$/);
    expect(answer.json.references.retrievalReferenceNumber).toMatch(/^\d{12}$/);
    expect(answer.json.references.schemeTransactionId).toEqual(expect.any(String));
    expect(answer.text).not.toContain(TEST_CARDS.visaApproved.cardNumber);
    expect(JSON.stringify(sandbox.getPayment(answer.json.paymentId))).not.toContain(
      TEST_CARDS.visaApproved.cardNumber,
    );
  });

  it("returns the payment status, with its operations only when returnOperations=true", async () => {
    const paymentId = await authorize(2_000);
    const plain = await api.get(`${MERCHANT_PATH}/payments/${paymentId}`);
    expect(plain.status).toBe(200);
    expect(plain.json).toMatchObject({ paymentId, status: "AUTHORIZED", cardPaymentData: { brand: "VISA" } });
    expect(plain.json.operations).toBeUndefined();
    const full = await api.get(`${MERCHANT_PATH}/payments/${paymentId}?returnOperations=true`);
    expect(full.json.operations).toEqual([
      expect.objectContaining({ operationType: "AUTHORIZATION", amount: eur(2_000), responseCode: "0" }),
    ]);
  });

  it("keeps the books: partial capture, refund, then reversal of the rest", async () => {
    const paymentId = await authorize(10_000);
    const tooMuch = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/captures`,
      operation({ amount: eur(10_001) }),
    );
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.detail).toContain("exceeds the amount left to capture (10000)");

    const capture = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/captures`,
      operation({ amount: eur(6_000), captureSequenceNumber: 1, isFinal: false }),
    );
    expect(capture.status).toBe(201);
    expect(capture.json).toMatchObject({ responseCode: "0", payment: { paymentId, status: "CONFIRMED" } });

    const refundTooMuch = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/refunds`,
      operation({ amount: eur(6_001) }),
    );
    expect(refundTooMuch.status).toBe(400);
    const refund = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/refunds`,
      operation({ amount: eur(1_500), captureImmediately: true }),
    );
    expect(refund.status).toBe(201);
    expect(refund.json.refund).toMatchObject({ status: "CONFIRMED" });

    const reversal = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/authorization-reversals`,
      operation(),
    );
    expect(reversal.status).toBe(201);
    expect(reversal.json.totalAuthorizedAmount).toEqual(eur(6_000));

    expect(sandbox.getPaymentAmounts(paymentId)).toEqual({
      currencyCode: "EUR",
      authorized: 10_000,
      reversed: 4_000,
      captured: 6_000,
      refunded: 1_500,
      leftToCapture: 0,
      leftToRefund: 4_500,
    });
    const nothingLeft = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/captures`,
      operation({ amount: eur(1) }),
    );
    expect(nothingLeft.status).toBe(400);

    const status = await api.get(`${MERCHANT_PATH}/payments/${paymentId}?returnOperations=true`);
    expect(status.json.status).toBe("CONFIRMED");
    expect(
      status.json.operations.map((op: { operationType: string; amount: { amount: number } }) => [
        op.operationType,
        op.amount.amount,
      ]),
    ).toEqual([
      ["AUTHORIZATION", 10_000],
      ["CAPTURE", 6_000],
      ["REFUND", 1_500],
      ["AUTHORIZATION_REVERSAL", 4_000],
    ]);
  });

  it("raises the authorisation with an increment and can then capture it all", async () => {
    const paymentId = await authorize(5_000);
    const increment = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/increments`,
      operation({ incrementAmount: eur(2_500) }),
    );
    expect(increment.status).toBe(201);
    expect(increment.json).toMatchObject({
      totalAuthorizedAmount: eur(7_500),
      payment: { status: "AUTHORIZED" },
    });
    expect(increment.json.authorizationCode).toMatch(/^\d{6}$/);
    const capture = await api.post(`${MERCHANT_PATH}/payments/${paymentId}/captures`, operation());
    expect(capture.status).toBe(201);
    expect(sandbox.getPayment(paymentId)).toMatchObject({
      status: "CONFIRMED",
      totalAuthorizedAmount: eur(7_500),
    });
    const late = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/increments`,
      operation({ incrementAmount: eur(1) }),
    );
    expect(late.status).toBe(400);
  });

  it("refuses amounts in another currency and a full reversal leaves the payment REVERSED", async () => {
    const paymentId = await authorize(3_000);
    const usd = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/captures`,
      operation({
        amount: { amount: 100, currencyCode: "USD", numberOfDecimals: 2 },
      }),
    );
    expect(usd.status).toBe(400);
    expect(usd.json.detail).toContain("$.amount.currencyCode");
    const reversal = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/authorization-reversals`,
      operation({
        reversalAmount: eur(3_000),
      }),
    );
    expect(reversal.json.payment.status).toBe("REVERSED");
    const refund = await api.post(`${MERCHANT_PATH}/payments/${paymentId}/refunds`, operation());
    expect(refund.status).toBe(400);
  });

  it("answers 404 with an API error body for unknown ids and other merchants' payments", async () => {
    const unknown = await api.get(`${MERCHANT_PATH}/payments/does-not-exist`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toBe("application/problem+json");
    expect(unknown.json).toMatchObject({
      status: 404,
      title: "Not Found",
      type: "/problems/payment-not-found",
    });
    const paymentId = await authorize(100);
    const elsewhere = await api.get(`/processing/v1/100812/999999999/payments/${paymentId}`);
    expect(elsewhere.status).toBe(404);
  });
});

describe("sandbox refunds", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  function standaloneRefund(amount: number, cardNumber: string = TEST_CARDS.mastercardApproved.cardNumber) {
    return operation({
      amount: eur(amount),
      cardPaymentData: {
        cardEntryMode: "ECOMMERCE",
        cardholderVerificationMethod: "NONE",
        cardData: { cardNumber, expiryDate: "062031" },
      },
      merchant: { name: "Sandbox Electronics", countryCode: "BE" },
      references: { merchantReference: "refund-42" },
    });
  }

  it("processes a standalone refund, then captures it", async () => {
    const created = await api.post(`${MERCHANT_PATH}/refunds`, standaloneRefund(1_999));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      responseCode: "0",
      status: "AUTHORIZED",
      totalAuthorizedAmount: eur(1_999),
      cardPaymentData: { brand: "MASTERCARD" },
    });
    expect(created.json.authorizationCode).toMatch(/^\d{6}$/);
    const refundId = created.json.refundId as string;
    const capture = await api.post(`${MERCHANT_PATH}/refunds/${refundId}/captures`, operation());
    expect(capture.status).toBe(201);
    expect(capture.json.refund).toMatchObject({ refundId, status: "CONFIRMED" });
    const again = await api.post(`${MERCHANT_PATH}/refunds/${refundId}/captures`, operation());
    expect(again.status).toBe(400);
    const read = await api.get(`${MERCHANT_PATH}/refunds/${refundId}?returnOperations=true`);
    expect(read.status).toBe(200);
    expect(read.json.operations.map((op: { operationType: string }) => op.operationType)).toEqual([
      "AUTHORIZATION",
      "CAPTURE",
    ]);
    expect(read.json.referencedPaymentId).toBeUndefined();
  });

  it("reverses a refund authorisation and gives the amount back to the payment", async () => {
    const payment = await api.post(
      `${MERCHANT_PATH}/payments`,
      paymentRequest({ amount: 5_000, captureImmediately: true }),
    );
    expect(payment.json.status).toBe("CONFIRMED");
    const paymentId = payment.json.paymentId as string;
    const refund = await api.post(`${MERCHANT_PATH}/payments/${paymentId}/refunds`, operation());
    expect(refund.status).toBe(201);
    const refundId = refund.json.refund.refundId as string;
    const read = await api.get(`${MERCHANT_PATH}/refunds/${refundId}`);
    expect(read.json).toMatchObject({
      referencedPaymentId: paymentId,
      status: "AUTHORIZED",
      totalAuthorizedAmount: eur(5_000),
    });
    expect(read.json.operations).toBeUndefined();
    expect((await api.post(`${MERCHANT_PATH}/payments/${paymentId}/refunds`, operation())).status).toBe(400);
    const reversal = await api.post(
      `${MERCHANT_PATH}/refunds/${refundId}/authorization-reversals`,
      operation(),
    );
    expect(reversal.status).toBe(201);
    expect(reversal.json.refund.status).toBe("REVERSED");
    const second = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/refunds`,
      operation({ amount: eur(5_000) }),
    );
    expect(second.status).toBe(201);
  });

  it("declines a standalone refund to an expired card and keeps it NOT_AUTHORIZED", async () => {
    const declined = await api.post(
      `${MERCHANT_PATH}/refunds`,
      standaloneRefund(500, TEST_CARDS.expiredCard.cardNumber),
    );
    expect(declined.status).toBe(201);
    expect(declined.json).toMatchObject({
      responseCode: "54",
      responseCodeCategory: "DECLINED",
      status: "NOT_AUTHORIZED",
    });
    const read = await api.get(`${MERCHANT_PATH}/refunds/${declined.json.refundId}`);
    expect(read.json.status).toBe("NOT_AUTHORIZED");
    expect((await api.get(`${MERCHANT_PATH}/refunds/unknown`)).status).toBe(404);
  });
});

describe("sandbox technical reversals", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  const reverse = (operationId: string) =>
    api.post(
      `${MERCHANT_PATH}/operations/${operationId}/reverse`,
      operation({ reason: "no answer received" }),
    );

  it("cancels an authorisation by its operationId", async () => {
    const request = paymentRequest({ amount: 800 });
    const payment = await api.post(`${MERCHANT_PATH}/payments`, request);
    const answer = await reverse(request.operationId);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      responseCode: "0",
      responseCodeCategory: "APPROVED",
      responder: "WORLDLINE",
    });
    expect(answer.json.operationId).not.toBe(request.operationId);
    const status = await api.get(`${MERCHANT_PATH}/payments/${payment.json.paymentId}`);
    expect(status.json).toMatchObject({ status: "CANCELLED", totalAuthorizedAmount: eur(0) });
    expect((await reverse(request.operationId)).status).toBe(400);
  });

  it("rolls back a capture, which then leaves the history", async () => {
    const payment = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount: 1_000 }));
    const paymentId = payment.json.paymentId as string;
    const capture = operation({ amount: eur(400) });
    await api.post(`${MERCHANT_PATH}/payments/${paymentId}/captures`, capture);
    expect((await reverse(capture.operationId)).status).toBe(201);
    const status = await api.get(`${MERCHANT_PATH}/payments/${paymentId}?returnOperations=true`);
    expect(status.json.status).toBe("AUTHORIZED");
    expect(status.json.operations).toHaveLength(1);
    const full = await api.post(
      `${MERCHANT_PATH}/payments/${paymentId}/captures`,
      operation({ amount: eur(1_000) }),
    );
    expect(full.status).toBe(201);
  });

  it("cancels a refund and answers 404 for an unknown operationId", async () => {
    const payment = await api.post(
      `${MERCHANT_PATH}/payments`,
      paymentRequest({ amount: 900, captureImmediately: true }),
    );
    const refund = operation({ amount: eur(900) });
    const created = await api.post(`${MERCHANT_PATH}/payments/${payment.json.paymentId}/refunds`, refund);
    expect((await reverse(refund.operationId)).status).toBe(201);
    expect((await api.get(`${MERCHANT_PATH}/refunds/${created.json.refund.refundId}`)).json.status).toBe(
      "CANCELLED",
    );
    const unknown = await reverse("never-sent");
    expect(unknown.status).toBe(404);
    expect(unknown.json.type).toBe("/problems/operation-not-found");
  });
});

describe("sandbox account verification, balance inquiry, DCC and ping", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  const cardData = (cardNumber: string) => ({
    cardEntryMode: "CHIP",
    cardholderVerificationMethod: "ONLINE_PIN",
    cardData: { cardNumber, expiryDate: "092029", cardSequenceNumber: 1 },
  });

  it("verifies an account, showing only the last 4 digits", async () => {
    const answer = await api.post(
      `${MERCHANT_PATH}/account-verifications`,
      operation({ cardPaymentData: cardData(TEST_CARDS.jcbApproved.cardNumber), merchant: { name: "Shop" } }),
    );
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      responseCode: "0",
      responseCodeCategory: "APPROVED",
      cardPaymentData: { brand: "JCB", pointOfSaleData: { panLast4Digits: "0000" } },
    });
    expect(answer.text).not.toContain(TEST_CARDS.jcbApproved.cardNumber);
    const declined = await api.post(
      `${MERCHANT_PATH}/account-verifications`,
      operation({ cardPaymentData: cardData(TEST_CARDS.doNotHonour.cardNumber) }),
    );
    expect(declined.json).toMatchObject({ responseCode: "5", responseCodeCategory: "DECLINED" });
  });

  it("reports the available balance of a card", async () => {
    const answer = await api.post(
      `${MERCHANT_PATH}/balance-inquiries`,
      operation({ cardPaymentData: cardData(TEST_CARDS.visaApproved.cardNumber) }),
    );
    expect(answer.status).toBe(201);
    expect(answer.json.availableAmount).toEqual(eur(250_000));
    const empty = await api.post(
      `${MERCHANT_PATH}/balance-inquiries`,
      operation({ cardPaymentData: cardData(TEST_CARDS.insufficientFunds.cardNumber) }),
    );
    expect(empty.json.availableAmount).toEqual(eur(0));
  });

  it("quotes deterministic DCC rates and reuses a rate by its rateReferenceId", async () => {
    const path = "/services/v1/100812/520001857/dcc-rates";
    const body = (amount: number, rateReferenceId?: string) => ({
      operationId: crypto.randomUUID(),
      targetCurrency: "USD",
      cardPaymentData: {
        bin: "411111111111",
        brand: "VISA",
        cardCountryCode: "US",
        cardEntryMode: "ECOMMERCE",
      },
      pointOfSaleData: { terminalCountryCode: "BE", terminalId: "SBX00001" },
      transaction: {
        amount: eur(amount),
        transactionTimestamp: new Date().toISOString(),
        transactionType: "PAYMENT",
      },
      ...(rateReferenceId ? { rateReferenceId } : {}),
    });
    const first = await api.post(path, body(10_000));
    expect(first.status).toBe(200);
    expect(first.json.proposal).toMatchObject({
      originalAmount: eur(10_000),
      rate: { exchangeRate: 1.11755, markUp: 3 },
      resultingAmount: { amount: 11_176, currencyCode: "USD", numberOfDecimals: 2 },
    });
    expect(first.json.disclaimerDisplay).toEqual(expect.any(String));
    const second = await api.post(path, body(10_000));
    expect(second.json.proposal.rate.exchangeRate).toBe(1.11755);
    expect(second.json.proposal.rateReferenceId).not.toBe(first.json.proposal.rateReferenceId);
    const reused = await api.post(path, body(2_000, first.json.proposal.rateReferenceId));
    expect(reused.json.proposal).toMatchObject({
      rateReferenceId: first.json.proposal.rateReferenceId,
      resultingAmount: { amount: 2_235 },
    });
    expect(reused.json.proposal.rate.quotationDateTime).toBe(first.json.proposal.rate.quotationDateTime);
    expect((await api.post(path, body(100, "unknown-rate"))).status).toBe(400);
  });

  it("answers ping with 200 and an empty body", async () => {
    const answer = await api.get("/services/v1/ping");
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
  });
});
