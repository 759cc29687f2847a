import { ApiProblem } from "./api-problem.js";
import type { OperationEffect, OperationRecord, PaymentRecord, RefundRecord } from "./processing-records.js";

/**
 * Payments, refunds and the operations that changed them, in memory. Lookups are scoped to the
 * acquirer and merchant of the request path: another merchant's payment is "not found".
 */
export class ProcessingStore {
  readonly #payments = new Map<string, PaymentRecord>();
  readonly #refunds = new Map<string, RefundRecord>();
  readonly #operations = new Map<string, OperationRecord>();

  /** Every payment, in creation order. */
  get payments(): ReadonlyMap<string, PaymentRecord> {
    return this.#payments;
  }

  /** Every refund, in creation order. */
  get refunds(): ReadonlyMap<string, RefundRecord> {
    return this.#refunds;
  }

  addPayment(payment: PaymentRecord): void {
    this.#payments.set(payment.paymentId, payment);
  }

  addRefund(refund: RefundRecord): void {
    this.#refunds.set(refund.refundId, refund);
  }

  /** Records a processed operation under its `operationId`. */
  recordOperation(
    operationId: string,
    acquirerId: string,
    merchantId: string,
    effect: OperationEffect,
  ): void {
    this.#operations.set(operationId, {
      operationId,
      acquirerId,
      merchantId,
      effect,
      technicallyReversed: false,
    });
  }

  /** @throws ApiProblem 404 when the merchant has no such payment. */
  payment(acquirerId: string, merchantId: string, paymentId: string): PaymentRecord {
    const payment = this.#payments.get(paymentId);
    if (!payment || payment.acquirerId !== acquirerId || payment.merchantId !== merchantId) {
      throw new ApiProblem(404, "payment-not-found", `no payment with paymentId '${paymentId}'`);
    }
    return payment;
  }

  /** @throws ApiProblem 404 when the merchant has no such refund. */
  refund(acquirerId: string, merchantId: string, refundId: string): RefundRecord {
    const refund = this.#refunds.get(refundId);
    if (!refund || refund.acquirerId !== acquirerId || refund.merchantId !== merchantId) {
      throw new ApiProblem(404, "refund-not-found", `no refund with refundId '${refundId}'`);
    }
    return refund;
  }

  /** @throws ApiProblem 404 when the merchant processed no operation with that id. */
  operation(acquirerId: string, merchantId: string, operationId: string): OperationRecord {
    const operation = this.#operations.get(operationId);
    if (!operation || operation.acquirerId !== acquirerId || operation.merchantId !== merchantId) {
      throw new ApiProblem(404, "operation-not-found", `no operation with operationId '${operationId}'`);
    }
    return operation;
  }

  /** Forgets everything. */
  clear(): void {
    this.#payments.clear();
    this.#refunds.clear();
    this.#operations.clear();
  }
}
