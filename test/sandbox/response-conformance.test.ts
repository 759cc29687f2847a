import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, TEST_CARDS, type Sandbox } from "../../src/sandbox/index.js";
import { ApiClient, eur, MERCHANT_PATH, operation, paymentRequest, type Answer } from "./sandbox-client.js";
import { specViolations } from "./spec-conformance.js";

describe("sandbox answers conform to the response models of spec/acquiring-v1.json", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  function conforms(model: string, answer: Answer): void {
    expect(answer.status, answer.text).toBeLessThan(300);
    expect(specViolations(model, answer.json)).toEqual([]);
  }

  it("the specViolations check itself spots invented fields, wrong types and enum values", () => {
    expect(specViolations("AmountData", { amount: 1, currencyCode: "EUR", numberOfDecimals: 2 })).toEqual([]);
    expect(specViolations("AmountData", { amount: "1", cents: 2 })).toEqual([
      "$.amount: not a integer",
      "$.cents: not a field of AmountData",
    ]);
    expect(specViolations("ApiPaymentSummaryForResponse", { status: "DONE" })).toEqual([
      '$.status: "DONE" is not one of AUTHORIZED, NOT_AUTHORIZED, PENDING, PENDING_CAPTURE, CONFIRMED, REVERSED, CANCELLED',
    ]);
  });

  it("payments, captures, reversals, increments and refunds", async () => {
    const declined = await api.post(
      `${MERCHANT_PATH}/payments`,
      paymentRequest({ cardNumber: TEST_CARDS.insufficientFunds.cardNumber }),
    );
    conforms("ApiPaymentResponse", declined);
    const payment = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount: 10_000 }));
    conforms("ApiPaymentResponse", payment);
    const path = `${MERCHANT_PATH}/payments/${payment.json.paymentId}`;
    conforms(
      "ApiIncrementResponse",
      await api.post(`${path}/increments`, operation({ incrementAmount: eur(500) })),
    );
    conforms("ApiActionResponse", await api.post(`${path}/captures`, operation({ amount: eur(6_000) })));
    conforms(
      "ApiReversalResponse",
      await api.post(`${path}/authorization-reversals`, operation({ reversalAmount: eur(100) })),
    );
    const refund = await api.post(`${path}/refunds`, operation({ amount: eur(1_000) }));
    conforms("ApiActionResponseForRefund", refund);
    conforms("ApiPaymentResource", await api.get(`${path}?returnOperations=true`));
    const refundPath = `${MERCHANT_PATH}/refunds/${refund.json.refund.refundId}`;
    conforms("ApiRefundResource", await api.get(`${refundPath}?returnOperations=true`));
    conforms("ApiActionResponseForRefund", await api.post(`${refundPath}/captures`, operation()));
  });

  it("standalone refunds, card inquiries, technical reversals and DCC", async () => {
    const card = {
      cardEntryMode: "CONTACTLESS",
      cardholderVerificationMethod: "NONE",
      cardData: { cardNumber: TEST_CARDS.mastercardApproved.cardNumber, expiryDate: "112031" },
    };
    const refund = await api.post(
      `${MERCHANT_PATH}/refunds`,
      operation({ amount: eur(700), cardPaymentData: card }),
    );
    conforms("ApiRefundResponse", refund);
    conforms(
      "ApiActionResponseForRefund",
      await api.post(`${MERCHANT_PATH}/refunds/${refund.json.refundId}/authorization-reversals`, operation()),
    );
    const verification = operation({ cardPaymentData: card });
    conforms(
      "ApiAccountVerificationResponse",
      await api.post(`${MERCHANT_PATH}/account-verifications`, verification),
    );
    conforms(
      "ApiBalanceInquiryResponse",
      await api.post(`${MERCHANT_PATH}/balance-inquiries`, operation({ cardPaymentData: card })),
    );
    conforms(
      "ApiTechnicalReversalResponse",
      await api.post(`${MERCHANT_PATH}/operations/${verification.operationId}/reverse`, operation()),
    );
    conforms(
      "GetDccRateResponse",
      await api.post("/services/v1/100812/520001857/dcc-rates", {
        operationId: randomUUID(),
        targetCurrency: "JPY",
        transaction: { amount: eur(2_500), transactionTimestamp: new Date().toISOString() },
      }),
    );
  });

  it("disputes, entries, documents and error bodies", async () => {
    conforms("SearchDisputesResponse", await api.post("/dispute-management/v1/disputes/search", {}));
    conforms(
      "DisputeResponse",
      await api.get("/dispute-management/v1/disputes/1300000003?includeEntries=true"),
    );
    conforms(
      "DisputeEntryResources",
      await api.post("/dispute-management/v1/dispute-entries/search", { includeDisputeSummary: true }),
    );
    conforms(
      "DisputeResponse",
      await api.post("/dispute-management/v1/disputes/1300000001/accept", { includeEntries: true }),
    );
    const boundary = randomUUID();
    const upload = await api.postRaw(
      "/dispute-management/v1/documents",
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--${boundary}--\r\n`,
    );
    conforms("UploadDocumentResponse", upload);
    const error = await api.get(`${MERCHANT_PATH}/payments/unknown`);
    expect(error.status).toBe(404);
    expect(specViolations("ApiPaymentErrorResponse", error.json)).toEqual([]);
  });
});
