import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { SANDBOX_MERCHANT, TEST_CARDS, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { v1Operations } from "../../src/v1/operations.js";
import {
  chipCard,
  dccRequest,
  eur,
  merchantOf,
  paymentRequest,
  sandboxClient,
  stamp,
  standaloneRefundRequest,
} from "./e2e-fixtures.js";

describe("e2e: one tour through every operation of the spec", () => {
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

  it("calls each of the spec's operations through client.v1() with a success answer", async () => {
    const merchant = merchantOf(client);
    const payments = merchant.cardPayments();
    const refunds = merchant.cardRefunds();
    const paymentId = (await payments.processPayment(paymentRequest({ amount: 5_000 }))).paymentId!;
    await payments.getPaymentStatus(paymentId, { returnOperations: true });
    await payments.incrementPayment(paymentId, { ...stamp(), incrementAmount: eur(1_000) });
    await payments.simpleCaptureOfPayment(paymentId, { ...stamp(), amount: eur(3_000) });
    const reversal = { ...stamp(), reversalAmount: eur(1_000) };
    await payments.reverseAuthorization(paymentId, reversal);
    const refundId = (await payments.createRefund(paymentId, { ...stamp(), amount: eur(1_000) })).refund!
      .refundId!;
    await refunds.captureRefund(refundId, stamp());
    await refunds.getRefund(refundId);
    const standalone = (await refunds.processStandaloneRefund(standaloneRefundRequest(700))).refundId!;
    await refunds.reverseRefundAuthorization(standalone, stamp());
    await merchant.technicalReversals().technicalReversal(reversal.operationId, stamp());
    const card = chipCard(TEST_CARDS.visaApproved.cardNumber);
    await merchant.accountVerifications().processAccountVerification({ ...stamp(), cardPaymentData: card });
    await merchant.balanceInquiries().processBalanceInquiry({ ...stamp(), cardPaymentData: card });
    await merchant.dynamicCurrencyConversion().requestDccRate(dccRequest(1_000));
    await client.v1().ping().ping();
    const disputes = client.v1().disputeManagement();
    await disputes.searchDisputes({ isOpen: true });
    await disputes.getDispute("1300000003", { includeEntries: true });
    await disputes.acceptDisputeLiability("1300000001", {});
    const file = { fileName: "note.pdf", contentType: "application/pdf", content: "%PDF-1.4\n%%EOF\n" };
    const { documentId } = await client.v1().disputeDocuments().uploadDisputeDocument({ file });
    await disputes.submitEvidence("1300000002", { documentIds: [{ documentId: documentId! }] });
    const document = await client.v1().disputeDocuments().getDisputeDocument("1300000002", documentId!);
    document.body.resume();
    await client.v1().disputeEntries().searchDisputeEntries({ disputeId: "1300000002" });

    const succeeded = new Set(
      sandbox.requests.filter((r) => r.status !== undefined && r.status < 300).map((r) => r.operation),
    );
    succeeded.delete("token");
    expect([...succeeded].sort()).toEqual(v1Operations.map((operation) => operation.id).sort());
    expect(sandbox.requests.filter((r) => r.status === undefined || r.status >= 300)).toEqual([]);
  });

  it("the guide's deprecated aliases merchants(), payments() and refunds() reach the same resources", async () => {
    const merchant = merchantOf(client);
    const paymentId = (
      await merchant.cardPayments().processPayment(paymentRequest({ captureImmediately: true }))
    ).paymentId!;
    const refundId = (await merchant.cardPayments().createRefund(paymentId, stamp())).refund!.refundId!;
    const legacy = client.v1().acquirer(SANDBOX_MERCHANT.acquirerId).merchants(SANDBOX_MERCHANT.merchantId);
    expect((await legacy.payments().getPaymentStatus(paymentId)).status).toBe("CONFIRMED");
    expect((await legacy.refunds().getRefund(refundId)).refundId).toBe(refundId);
  });
});
