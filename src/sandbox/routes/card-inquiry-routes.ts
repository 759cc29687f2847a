import { availableBalanceOf, decideAuthorization } from "../card-check.js";
import { cardResponseData, readCard, type CardInput } from "../card-input.js";
import { APPROVED, decisionFields } from "../processing-answers.js";
import type { ProcessingStore } from "../processing-store.js";
import { newAuthorizationCode, newReferences, paymentAccountReferenceOf } from "../references.js";
import { RequestFields } from "../request-fields.js";
import { json, type Route, type RouteRequest } from "../route.js";

const BASE = "/processing/v1/{acquirerId}/{merchantId}";

/** Reads, decides and records a zero-amount card inquiry; returns the common answer fields. */
function inquire(store: ProcessingStore, request: RouteRequest) {
  const { acquirerId = "", merchantId = "" } = request.params;
  const fields = new RequestFields(request.body);
  const operationId = fields.string("operationId");
  fields.timestamp("transactionTimestamp");
  const card: CardInput = readCard(fields, "cardPaymentData");
  const decision = decideAuthorization(card.cardNumber, card.expiryDate, 0, true, request.now);
  // A zero-amount check only fails on the card itself: a lack of funds is no reason to decline it.
  const approved = decision.responseCodeCategory !== "DECLINED" || decision.responseCode === "51";
  store.recordOperation(operationId, acquirerId, merchantId, { type: "NO_EFFECT" });
  return {
    approved,
    cardNumber: card.cardNumber,
    answer: {
      ...(approved ? { responder: "ISSUER", ...APPROVED } : decisionFields(decision)),
      ...(approved ? { authorizationCode: newAuthorizationCode() } : {}),
      cardPaymentData: cardResponseData(card, approved),
      operationId,
      references: newReferences(paymentAccountReferenceOf(card.cardNumber)),
    },
  };
}

/**
 * Account verification and balance inquiry: zero-amount checks of a card by its issuer. The
 * balance is reported in EUR (the request carries no currency): 2,500.00 for most cards, 25.00
 * for the partial-approval card, 0 for the insufficient-funds card.
 */
export function cardInquiryRoutes(store: ProcessingStore): Route[] {
  return [
    {
      operation: "processAccountVerification",
      method: "POST",
      path: `${BASE}/account-verifications`,
      scope: "processing_accountverification",
      requestModel: "ApiAccountVerificationRequest",
      idempotent: true,
      handle(request) {
        return json(201, inquire(store, request).answer);
      },
    },
    {
      operation: "processBalanceInquiry",
      method: "POST",
      path: `${BASE}/balance-inquiries`,
      scope: "processing_balanceinquiry",
      requestModel: "ApiBalanceInquiryRequest",
      idempotent: true,
      handle(request) {
        const { approved, cardNumber, answer } = inquire(store, request);
        return json(201, {
          ...answer,
          ...(approved
            ? {
                availableAmount: {
                  amount: availableBalanceOf(cardNumber),
                  currencyCode: "EUR",
                  numberOfDecimals: 2,
                },
              }
            : {}),
        });
      },
    },
  ];
}
