import type { CardSummary } from "./card-check.js";
import type { ResponseReferences } from "./references.js";
import type { Amount } from "./request-fields.js";

/** Response-code triple shared by answers and sub-operations. */
export interface ResponseCode {
  responseCode: string;
  responseCodeCategory: "APPROVED" | "PARTIALLY_APPROVED" | "DECLINED";
  responseCodeDescription: string;
}

/** One entry of a payment's or refund's operation history (`SubOperation`). */
export interface SubOperation extends ResponseCode {
  operationId: string;
  operationType: "AUTHORIZATION" | "CAPTURE" | "REFUND" | "INCREMENT" | "AUTHORIZATION_REVERSAL";
  operationTimestamp: string;
  amount: Amount;
  authorizationCode?: string;
}

/** The status values of payments and refunds. */
export type TransactionStatus =
  "AUTHORIZED" | "NOT_AUTHORIZED" | "PENDING" | "PENDING_CAPTURE" | "CONFIRMED" | "REVERSED" | "CANCELLED";

/** A card payment and its amount bookkeeping, all in the payment's minor units. */
export interface PaymentRecord {
  paymentId: string;
  acquirerId: string;
  merchantId: string;
  card: CardSummary;
  currencyCode: string;
  numberOfDecimals: number;
  /** Authorised in total: the approved amount plus increments. */
  authorized: number;
  /** Released by authorisation reversals. */
  reversed: number;
  captured: number;
  /** Refunded and not reversed. */
  refunded: number;
  /** A capture flagged `isFinal` closed the authorisation. */
  finalCaptured: boolean;
  declined: boolean;
  /** Undone by a technical reversal of its authorisation. */
  cancelled: boolean;
  initialAuthorizationCode: string | undefined;
  references: ResponseReferences;
  operations: SubOperation[];
  statusTimestamp: string;
}

/** A refund, standalone or on a payment. */
export interface RefundRecord {
  refundId: string;
  acquirerId: string;
  merchantId: string;
  referencedPaymentId: string | undefined;
  card: CardSummary;
  amount: Amount;
  status: TransactionStatus;
  authorizationCode: string | undefined;
  references: ResponseReferences;
  operations: SubOperation[];
  statusTimestamp: string;
}

/** What an operation did, so that a technical reversal can undo it. */
export type OperationEffect =
  | { type: "PAYMENT"; paymentId: string }
  | { type: "CAPTURE"; paymentId: string; amount: number; final: boolean }
  | { type: "INCREMENT" | "AUTHORIZATION_REVERSAL"; paymentId: string; amount: number }
  | { type: "PAYMENT_REFUND" | "STANDALONE_REFUND"; refundId: string }
  | { type: "REFUND_CAPTURE" | "REFUND_REVERSAL"; refundId: string }
  | { type: "NO_EFFECT" }
  | { type: "TECHNICAL_REVERSAL" };

/** An operation the platform processed, by its `operationId`. */
export interface OperationRecord {
  operationId: string;
  acquirerId: string;
  merchantId: string;
  effect: OperationEffect;
  technicallyReversed: boolean;
}

/** What a payment currently holds authorised: 0 once declined or cancelled. */
export function netAuthorized(payment: PaymentRecord): number {
  return payment.declined || payment.cancelled ? 0 : payment.authorized - payment.reversed;
}

/** The status of a payment derived from its bookkeeping. */
export function paymentStatus(payment: PaymentRecord): TransactionStatus {
  if (payment.declined) return "NOT_AUTHORIZED";
  if (payment.cancelled) return "CANCELLED";
  if (payment.captured > 0) return "CONFIRMED";
  return netAuthorized(payment) > 0 ? "AUTHORIZED" : "REVERSED";
}

/** What can still be captured or reversed on a payment, in minor units. */
export function amountLeftToCapture(payment: PaymentRecord): number {
  if (payment.declined || payment.cancelled || payment.finalCaptured) return 0;
  return Math.max(0, netAuthorized(payment) - payment.captured);
}

/** What can still be refunded on a payment, in minor units. */
export function amountLeftToRefund(payment: PaymentRecord): number {
  return payment.cancelled ? 0 : payment.captured - payment.refunded;
}
