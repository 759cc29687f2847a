import { ApiProblem } from "../api-problem.js";
import { APPROVED } from "../processing-answers.js";
import { netAuthorized, type OperationRecord } from "../processing-records.js";
import type { ProcessingStore } from "../processing-store.js";
import { RequestFields } from "../request-fields.js";
import type { Route } from "../route.js";
import { json } from "../route.js";

function cannotReverse(detail: string): ApiProblem {
  return new ApiProblem(400, "business-rule-violation", detail);
}

/** Undoes what `target` did; the sub-operation disappears from the history, as if never processed. */
function undo(store: ProcessingStore, target: OperationRecord, now: string): void {
  const effect = target.effect;
  switch (effect.type) {
    case "TECHNICAL_REVERSAL":
      throw cannotReverse("a technical reversal cannot itself be reversed");
    case "NO_EFFECT":
      return;
    case "PAYMENT": {
      const payment = store.payments.get(effect.paymentId);
      if (payment && !payment.declined) {
        payment.cancelled = true;
        payment.statusTimestamp = now;
      }
      return;
    }
    case "CAPTURE":
    case "INCREMENT":
    case "AUTHORIZATION_REVERSAL": {
      const payment = store.payments.get(effect.paymentId);
      if (!payment) return;
      if (effect.type === "CAPTURE") {
        if (payment.captured - effect.amount < payment.refunded) {
          throw cannotReverse("the capture was refunded since; reverse the refunds first");
        }
        payment.captured -= effect.amount;
        if (effect.final) payment.finalCaptured = false;
      } else if (effect.type === "INCREMENT") {
        if (netAuthorized(payment) - effect.amount < payment.captured) {
          throw cannotReverse("the increment was captured since and can no longer be reversed");
        }
        payment.authorized -= effect.amount;
      } else {
        payment.reversed -= effect.amount;
      }
      payment.operations = payment.operations.filter((op) => op.operationId !== target.operationId);
      payment.statusTimestamp = now;
      return;
    }
    default: {
      const refund = store.refunds.get(effect.refundId);
      if (!refund) return;
      const payment = refund.referencedPaymentId ? store.payments.get(refund.referencedPaymentId) : undefined;
      if (effect.type === "REFUND_CAPTURE") {
        refund.status = "AUTHORIZED";
      } else if (effect.type === "REFUND_REVERSAL") {
        refund.status = "AUTHORIZED";
        if (payment) payment.refunded += refund.amount.amount;
      } else {
        if (payment && (refund.status === "AUTHORIZED" || refund.status === "CONFIRMED")) {
          payment.refunded -= refund.amount.amount;
          payment.operations = payment.operations.filter((op) => op.operationId !== target.operationId);
        }
        refund.status = refund.status === "NOT_AUTHORIZED" ? refund.status : "CANCELLED";
      }
      if (effect.type !== "PAYMENT_REFUND" && effect.type !== "STANDALONE_REFUND") {
        refund.operations = refund.operations.filter((op) => op.operationId !== target.operationId);
      }
      refund.statusTimestamp = now;
    }
  }
}

/**
 * Technical reversal: undoes any earlier operation of the merchant by its `operationId`, for
 * when its answer was lost. An authorisation or refund becomes CANCELLED; a capture, increment,
 * reversal or refund capture is rolled back and leaves the history. Unknown ids answer 404.
 */
export function technicalReversalRoute(store: ProcessingStore): Route {
  return {
    operation: "technicalReversal",
    method: "POST",
    path: "/processing/v1/{acquirerId}/{merchantId}/operations/{operationId}/reverse",
    scope: "processing_operation_reverse",
    requestModel: "ApiTechnicalReversalRequest",
    idempotent: true,
    handle(request) {
      const { acquirerId = "", merchantId = "", operationId: targetId = "" } = request.params;
      const fields = new RequestFields(request.body);
      const operationId = fields.string("operationId");
      fields.timestamp("transactionTimestamp");
      const target = store.operation(acquirerId, merchantId, targetId);
      if (target.technicallyReversed) throw cannotReverse(`operation '${targetId}' is already reversed`);
      undo(store, target, request.now.toISOString());
      target.technicallyReversed = true;
      store.recordOperation(operationId, acquirerId, merchantId, { type: "TECHNICAL_REVERSAL" });
      return json(201, { operationId, responder: "WORLDLINE", ...APPROVED });
    },
  };
}
