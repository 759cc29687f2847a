import { ApiProblem } from "../api-problem.js";
import { decideAuthorization } from "../card-check.js";
import { cardResponseData, readCard } from "../card-input.js";
import { APPROVED, decisionFields } from "../processing-answers.js";
import {
  amountLeftToCapture,
  amountLeftToRefund,
  netAuthorized,
  paymentStatus,
  type PaymentRecord,
  type RefundRecord,
  type SubOperation,
} from "../processing-records.js";
import type { ProcessingStore } from "../processing-store.js";
import {
  paymentResource,
  paymentSummary,
  refundSummary,
  totalAuthorizedAmount,
} from "../processing-views.js";
import {
  newAuthorizationCode,
  newReferences,
  newResourceId,
  paymentAccountReferenceOf,
} from "../references.js";
import { RequestFields, type Amount } from "../request-fields.js";
import { json, type Route, type RouteRequest } from "../route.js";

const BASE = "/processing/v1/{acquirerId}/{merchantId}/payments";

function businessRule(detail: string): ApiProblem {
  return new ApiProblem(400, "business-rule-violation", detail);
}

function checkCurrency(payment: PaymentRecord, amount: Amount | undefined, path: string): void {
  if (amount && amount.currencyCode !== payment.currencyCode) {
    throw businessRule(`$.${path}.currencyCode: must be the payment's currency ${payment.currencyCode}`);
  }
}

function paymentOf(store: ProcessingStore, request: RouteRequest): PaymentRecord {
  const { acquirerId = "", merchantId = "", paymentId = "" } = request.params;
  return store.payment(acquirerId, merchantId, paymentId);
}

function subOperation(
  payment: PaymentRecord,
  operationId: string,
  operationType: SubOperation["operationType"],
  amount: number,
  now: Date,
  authorizationCode?: string,
): SubOperation {
  return {
    operationId,
    operationType,
    operationTimestamp: now.toISOString(),
    amount: { amount, currencyCode: payment.currencyCode, numberOfDecimals: payment.numberOfDecimals },
    ...(authorizationCode ? { authorizationCode } : {}),
    ...APPROVED,
  };
}

function actionAnswer(operationId: string, payment: PaymentRecord) {
  return { operationId, payment: paymentSummary(payment), responder: "WORLDLINE", ...APPROVED };
}

/**
 * The card-payment operations: authorise, read, capture, reverse, increment, refund.
 * Amount rules: a capture or reversal never exceeds what is authorised and not yet captured; a
 * refund never exceeds what is captured and not yet refunded. Violations answer 400
 * `business-rule-violation` (409 is kept for `operationId` conflicts).
 */
export function paymentRoutes(store: ProcessingStore): Route[] {
  return [
    {
      operation: "processPayment",
      method: "POST",
      path: BASE,
      scope: "processing_payment",
      requestModel: "ApiPaymentRequest",
      idempotent: true,
      handle(request) {
        const { acquirerId = "", merchantId = "" } = request.params;
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        const amount = fields.amount("amount");
        const card = readCard(fields, "cardPaymentData");
        const allowPartial = fields.optionalBoolean("cardPaymentData.allowPartialApproval") ?? false;
        const captureImmediately = fields.optionalBoolean("cardPaymentData.captureImmediately") ?? false;
        const decision = decideAuthorization(
          card.cardNumber,
          card.expiryDate,
          amount.amount,
          allowPartial,
          request.now,
        );
        const approved = decision.approvedAmount > 0;
        const authorizationCode = approved ? newAuthorizationCode() : undefined;
        const payment: PaymentRecord = {
          paymentId: newResourceId(),
          acquirerId,
          merchantId,
          card: card.summary,
          currencyCode: amount.currencyCode,
          numberOfDecimals: amount.numberOfDecimals,
          authorized: decision.approvedAmount,
          reversed: 0,
          captured: approved && captureImmediately ? decision.approvedAmount : 0,
          refunded: 0,
          finalCaptured: approved && captureImmediately,
          declined: !approved,
          cancelled: false,
          initialAuthorizationCode: authorizationCode,
          references: newReferences(paymentAccountReferenceOf(card.cardNumber)),
          operations: [],
          statusTimestamp: request.now.toISOString(),
        };
        payment.operations.push({
          ...subOperation(
            payment,
            operationId,
            "AUTHORIZATION",
            approved ? decision.approvedAmount : amount.amount,
            request.now,
            authorizationCode,
          ),
          responseCode: decision.responseCode,
          responseCodeCategory: decision.responseCodeCategory,
          responseCodeDescription: decision.responseCodeDescription,
        });
        if (payment.captured > 0) {
          payment.operations.push(
            subOperation(payment, operationId, "CAPTURE", payment.captured, request.now),
          );
        }
        store.addPayment(payment);
        store.recordOperation(operationId, acquirerId, merchantId, {
          type: "PAYMENT",
          paymentId: payment.paymentId,
        });
        return json(201, {
          ...decisionFields(decision),
          cardPaymentData: cardResponseData(card, approved),
          ...(authorizationCode ? { initialAuthorizationCode: authorizationCode } : {}),
          operationId,
          paymentId: payment.paymentId,
          references: payment.references,
          status: paymentStatus(payment),
          statusTimestamp: payment.statusTimestamp,
          totalAuthorizedAmount: totalAuthorizedAmount(payment),
        });
      },
    },
    {
      operation: "getPaymentStatus",
      method: "GET",
      path: `${BASE}/{paymentId}`,
      scope: "processing_payment",
      handle(request) {
        const withOperations = request.query.get("returnOperations")?.toLowerCase() === "true";
        return json(200, paymentResource(paymentOf(store, request), withOperations));
      },
    },
    {
      operation: "simpleCaptureOfPayment",
      method: "POST",
      path: `${BASE}/{paymentId}/captures`,
      scope: "processing_payment",
      requestModel: "ApiCaptureRequest",
      idempotent: true,
      handle(request) {
        const payment = paymentOf(store, request);
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        const amount = fields.optionalAmount("amount");
        const captureAmount = takeFromAuthorisation(
          payment,
          amount,
          "amount",
          "capture",
          "the amount left to capture",
        );
        const final = fields.optionalBoolean("isFinal") ?? amount === undefined;
        payment.captured += captureAmount;
        payment.finalCaptured ||= final;
        payment.statusTimestamp = request.now.toISOString();
        payment.operations.push(subOperation(payment, operationId, "CAPTURE", captureAmount, request.now));
        store.recordOperation(operationId, payment.acquirerId, payment.merchantId, {
          type: "CAPTURE",
          paymentId: payment.paymentId,
          amount: captureAmount,
          final,
        });
        return json(201, actionAnswer(operationId, payment));
      },
    },
    {
      operation: "reverseAuthorization",
      method: "POST",
      path: `${BASE}/{paymentId}/authorization-reversals`,
      scope: "processing_payment",
      requestModel: "ApiPaymentReversalRequest",
      idempotent: true,
      handle(request) {
        const payment = paymentOf(store, request);
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        const amount = fields.optionalAmount("reversalAmount");
        const reversed = takeFromAuthorisation(
          payment,
          amount,
          "reversalAmount",
          "reverse",
          "the authorised amount not captured",
        );
        payment.reversed += reversed;
        payment.statusTimestamp = request.now.toISOString();
        payment.operations.push(
          subOperation(payment, operationId, "AUTHORIZATION_REVERSAL", reversed, request.now),
        );
        store.recordOperation(operationId, payment.acquirerId, payment.merchantId, {
          type: "AUTHORIZATION_REVERSAL",
          paymentId: payment.paymentId,
          amount: reversed,
        });
        return json(201, {
          ...actionAnswer(operationId, payment),
          totalAuthorizedAmount: totalAuthorizedAmount(payment),
        });
      },
    },
    {
      operation: "incrementPayment",
      method: "POST",
      path: `${BASE}/{paymentId}/increments`,
      scope: "processing_payment",
      requestModel: "ApiIncrementRequest",
      idempotent: true,
      handle(request) {
        const payment = paymentOf(store, request);
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        const amount = fields.amount("incrementAmount");
        if (payment.declined || payment.cancelled || payment.finalCaptured || netAuthorized(payment) === 0) {
          throw businessRule(`payment is ${paymentStatus(payment)} and can no longer be incremented`);
        }
        checkCurrency(payment, amount, "incrementAmount");
        const authorizationCode = newAuthorizationCode();
        payment.authorized += amount.amount;
        payment.statusTimestamp = request.now.toISOString();
        payment.operations.push(
          subOperation(payment, operationId, "INCREMENT", amount.amount, request.now, authorizationCode),
        );
        store.recordOperation(operationId, payment.acquirerId, payment.merchantId, {
          type: "INCREMENT",
          paymentId: payment.paymentId,
          amount: amount.amount,
        });
        return json(201, {
          ...actionAnswer(operationId, payment),
          authorizationCode,
          totalAuthorizedAmount: totalAuthorizedAmount(payment),
        });
      },
    },
    {
      operation: "createRefund",
      method: "POST",
      path: `${BASE}/{paymentId}/refunds`,
      scope: "processing_refund",
      requestModel: "ApiPaymentRefundRequest",
      idempotent: true,
      handle(request) {
        const payment = paymentOf(store, request);
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        fields.timestamp("transactionTimestamp");
        const amount = fields.optionalAmount("amount");
        const left = amountLeftToRefund(payment);
        if (left === 0)
          throw businessRule(`payment is ${paymentStatus(payment)} with no captured amount left to refund`);
        checkCurrency(payment, amount, "amount");
        const refundAmount = amount?.amount ?? left;
        if (refundAmount > left) {
          throw businessRule(
            `$.amount.amount: ${refundAmount} exceeds the captured amount not yet refunded (${left})`,
          );
        }
        const captureImmediately = fields.optionalBoolean("captureImmediately") ?? false;
        const authorizationCode = newAuthorizationCode();
        const refund: RefundRecord = {
          refundId: newResourceId(),
          acquirerId: payment.acquirerId,
          merchantId: payment.merchantId,
          referencedPaymentId: payment.paymentId,
          card: payment.card,
          amount: {
            amount: refundAmount,
            currencyCode: payment.currencyCode,
            numberOfDecimals: payment.numberOfDecimals,
          },
          status: captureImmediately ? "CONFIRMED" : "AUTHORIZED",
          authorizationCode,
          references: newReferences(payment.references.paymentAccountReference),
          operations: [
            subOperation(payment, operationId, "AUTHORIZATION", refundAmount, request.now, authorizationCode),
          ],
          statusTimestamp: request.now.toISOString(),
        };
        if (captureImmediately) {
          refund.operations.push(subOperation(payment, operationId, "CAPTURE", refundAmount, request.now));
        }
        payment.refunded += refundAmount;
        payment.statusTimestamp = request.now.toISOString();
        payment.operations.push(subOperation(payment, operationId, "REFUND", refundAmount, request.now));
        store.addRefund(refund);
        store.recordOperation(operationId, payment.acquirerId, payment.merchantId, {
          type: "PAYMENT_REFUND",
          refundId: refund.refundId,
        });
        return json(201, { operationId, refund: refundSummary(refund), responder: "WORLDLINE", ...APPROVED });
      },
    },
  ];
}

/**
 * The amount a capture or an authorisation reversal takes from what is authorised and not yet
 * captured: the requested one, or all that is left when none is given.
 * @throws ApiProblem (400 business-rule-violation) when nothing is left, the currency differs, or
 * the amount exceeds what is left.
 */
function takeFromAuthorisation(
  payment: PaymentRecord,
  amount: Amount | undefined,
  field: string,
  verb: string,
  what: string,
): number {
  const left = amountLeftToCapture(payment);
  if (left === 0) throw businessRule(`payment is ${paymentStatus(payment)} with nothing left to ${verb}`);
  checkCurrency(payment, amount, field);
  const taken = amount?.amount ?? left;
  if (taken > left) throw businessRule(`$.${field}.amount: ${taken} exceeds ${what} (${left})`);
  return taken;
}
