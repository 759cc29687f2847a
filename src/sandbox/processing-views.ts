import {
  amountLeftToCapture,
  amountLeftToRefund,
  netAuthorized,
  paymentStatus,
  type PaymentRecord,
  type RefundRecord,
} from "./processing-records.js";

function paymentAmount(payment: PaymentRecord, amount: number) {
  return { amount, currencyCode: payment.currencyCode, numberOfDecimals: payment.numberOfDecimals };
}

/** `ApiPaymentSummaryForResponse` of a payment. */
export function paymentSummary(payment: PaymentRecord) {
  return {
    paymentId: payment.paymentId,
    references: payment.references,
    status: paymentStatus(payment),
    statusTimestamp: payment.statusTimestamp,
  };
}

/** The payment's current `totalAuthorizedAmount`. */
export function totalAuthorizedAmount(payment: PaymentRecord) {
  return paymentAmount(payment, netAuthorized(payment));
}

/** `ApiPaymentResource` of a payment; `operations` only when asked for. */
export function paymentResource(payment: PaymentRecord, withOperations: boolean) {
  return {
    cardPaymentData: { brand: payment.card.brand },
    ...(payment.initialAuthorizationCode
      ? { initialAuthorizationCode: payment.initialAuthorizationCode }
      : {}),
    ...(withOperations ? { operations: payment.operations } : {}),
    paymentId: payment.paymentId,
    references: payment.references,
    status: paymentStatus(payment),
    statusTimestamp: payment.statusTimestamp,
    totalAuthorizedAmount: totalAuthorizedAmount(payment),
  };
}

/** `ApiRefundSummaryForResponse` of a refund. */
export function refundSummary(refund: RefundRecord) {
  return {
    refundId: refund.refundId,
    references: refund.references,
    status: refund.status,
    statusTimestamp: refund.statusTimestamp,
  };
}

/** `ApiRefundResource` of a refund; `operations` only when asked for. */
export function refundResource(refund: RefundRecord, withOperations: boolean) {
  const authorized = ["NOT_AUTHORIZED", "CANCELLED", "REVERSED"].includes(refund.status)
    ? 0
    : refund.amount.amount;
  return {
    cardPaymentData: { brand: refund.card.brand },
    ...(refund.authorizationCode ? { initialAuthorizationCode: refund.authorizationCode } : {}),
    ...(withOperations
      ? {
          operations: refund.operations.map(({ authorizationCode: _omitted, ...rest }) => rest),
        }
      : {}),
    ...(refund.referencedPaymentId ? { referencedPaymentId: refund.referencedPaymentId } : {}),
    references: refund.references,
    refundId: refund.refundId,
    status: refund.status,
    statusTimestamp: refund.statusTimestamp,
    totalAuthorizedAmount: { ...refund.amount, amount: authorized },
  };
}

/** The bookkeeping of a payment, in its minor units: what tests assert beyond the API's view. */
export function paymentAmounts(payment: PaymentRecord) {
  return {
    currencyCode: payment.currencyCode,
    authorized: payment.authorized,
    reversed: payment.reversed,
    captured: payment.captured,
    refunded: payment.refunded,
    leftToCapture: amountLeftToCapture(payment),
    leftToRefund: amountLeftToRefund(payment),
  };
}
