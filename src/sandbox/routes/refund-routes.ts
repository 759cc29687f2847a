import { ApiProblem } from "../api-problem.js";
import { decideAuthorization, type CardDecision } from "../card-check.js";
import { cardResponseData, readCard } from "../card-input.js";
import { APPROVED, decisionFields } from "../processing-answers.js";
import type { RefundRecord, SubOperation } from "../processing-records.js";
import type { ProcessingStore } from "../processing-store.js";
import { refundResource, refundSummary } from "../processing-views.js";
import {
  newAuthorizationCode,
  newReferences,
  newResourceId,
  paymentAccountReferenceOf,
} from "../references.js";
import { RequestFields } from "../request-fields.js";
import { json, type Route, type RouteRequest } from "../route.js";

const BASE = "/processing/v1/{acquirerId}/{merchantId}/refunds";

function refundOf(store: ProcessingStore, request: RouteRequest): RefundRecord {
  const { acquirerId = "", merchantId = "", refundId = "" } = request.params;
  return store.refund(acquirerId, merchantId, refundId);
}

function refundOperation(
  refund: RefundRecord,
  operationId: string,
  operationType: SubOperation["operationType"],
  now: Date,
): SubOperation {
  return {
    operationId,
    operationType,
    operationTimestamp: now.toISOString(),
    amount: refund.amount,
    ...APPROVED,
  };
}

/** A refund credits the card: only invalid, expired and refused cards decline it. */
function refundDecision(decision: CardDecision, amount: number): CardDecision {
  if (decision.responseCodeCategory === "DECLINED" && decision.responseCode !== "51") return decision;
  return { ...APPROVED, responder: "ISSUER", approvedAmount: amount };
}

function requireAuthorized(refund: RefundRecord, action: string): void {
  if (refund.status !== "AUTHORIZED") {
    throw new ApiProblem(
      400,
      "business-rule-violation",
      `refund is ${refund.status} and cannot be ${action}`,
    );
  }
}

/** The refund operations: standalone refund, read, capture, authorisation reversal. */
export function refundRoutes(store: ProcessingStore): Route[] {
  return [
    {
      operation: "processStandaloneRefund",
      method: "POST",
      path: BASE,
      scope: "processing_refund",
      requestModel: "ApiRefundRequest",
      idempotent: true,
      handle(request) {
        const { acquirerId = "", merchantId = "" } = request.params;
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        const amount = fields.amount("amount");
        const card = readCard(fields, "cardPaymentData");
        const decision = refundDecision(
          decideAuthorization(card.cardNumber, card.expiryDate, amount.amount, false, request.now),
          amount.amount,
        );
        const approved = decision.responseCodeCategory !== "DECLINED";
        const captureImmediately = fields.optionalBoolean("cardPaymentData.captureImmediately") ?? false;
        const authorizationCode = approved ? newAuthorizationCode() : undefined;
        const refund: RefundRecord = {
          refundId: newResourceId(),
          acquirerId,
          merchantId,
          referencedPaymentId: undefined,
          card: card.summary,
          amount,
          status: !approved ? "NOT_AUTHORIZED" : captureImmediately ? "CONFIRMED" : "AUTHORIZED",
          authorizationCode,
          references: newReferences(paymentAccountReferenceOf(card.cardNumber)),
          operations: [],
          statusTimestamp: request.now.toISOString(),
        };
        refund.operations.push({
          ...refundOperation(refund, operationId, "AUTHORIZATION", request.now),
          responseCode: decision.responseCode,
          responseCodeCategory: decision.responseCodeCategory,
          responseCodeDescription: decision.responseCodeDescription,
        });
        if (approved && captureImmediately) {
          refund.operations.push(refundOperation(refund, operationId, "CAPTURE", request.now));
        }
        store.addRefund(refund);
        store.recordOperation(operationId, acquirerId, merchantId, {
          type: "STANDALONE_REFUND",
          refundId: refund.refundId,
        });
        return json(201, {
          ...decisionFields(decision),
          ...(authorizationCode ? { authorizationCode } : {}),
          cardPaymentData: cardResponseData(card, approved),
          operationId,
          references: refund.references,
          refundId: refund.refundId,
          status: refund.status,
          statusTimestamp: refund.statusTimestamp,
          totalAuthorizedAmount: { ...amount, amount: approved ? amount.amount : 0 },
        });
      },
    },
    {
      operation: "getRefund",
      method: "GET",
      path: `${BASE}/{refundId}`,
      scope: "processing_refund",
      handle(request) {
        const withOperations = request.query.get("returnOperations")?.toLowerCase() === "true";
        return json(200, refundResource(refundOf(store, request), withOperations));
      },
    },
    {
      operation: "captureRefund",
      method: "POST",
      path: `${BASE}/{refundId}/captures`,
      scope: "processing_refund",
      requestModel: "ApiCaptureRequestForRefund",
      idempotent: true,
      handle(request) {
        const refund = refundOf(store, request);
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        requireAuthorized(refund, "captured");
        refund.status = "CONFIRMED";
        refund.statusTimestamp = request.now.toISOString();
        refund.operations.push(refundOperation(refund, operationId, "CAPTURE", request.now));
        store.recordOperation(operationId, refund.acquirerId, refund.merchantId, {
          type: "REFUND_CAPTURE",
          refundId: refund.refundId,
        });
        return json(201, { operationId, refund: refundSummary(refund), responder: "WORLDLINE", ...APPROVED });
      },
    },
    {
      operation: "reverseRefundAuthorization",
      method: "POST",
      path: `${BASE}/{refundId}/authorization-reversals`,
      scope: "processing_refund",
      requestModel: "ApiRefundReversalRequest",
      idempotent: true,
      handle(request) {
        const refund = refundOf(store, request);
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        requireAuthorized(refund, "reversed");
        refund.status = "REVERSED";
        refund.statusTimestamp = request.now.toISOString();
        refund.operations.push(refundOperation(refund, operationId, "AUTHORIZATION_REVERSAL", request.now));
        const payment = refund.referencedPaymentId
          ? store.payments.get(refund.referencedPaymentId)
          : undefined;
        if (payment) payment.refunded -= refund.amount.amount;
        store.recordOperation(operationId, refund.acquirerId, refund.merchantId, {
          type: "REFUND_REVERSAL",
          refundId: refund.refundId,
        });
        return json(201, { operationId, refund: refundSummary(refund), responder: "WORLDLINE", ...APPROVED });
      },
    },
  ];
}
