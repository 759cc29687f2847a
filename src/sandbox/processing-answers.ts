import type { CardDecision } from "./card-check.js";
import type { ResponseCode } from "./processing-records.js";

/** The response code of an approved operation. */
export const APPROVED: ResponseCode = {
  responseCode: "0",
  responseCodeCategory: "APPROVED",
  responseCodeDescription: "Approved",
};

/** The response-code fields of an answer, plus `additionalResponseData` on a decline. */
export function decisionFields(decision: CardDecision) {
  return {
    ...(decision.merchantAdviceCode
      ? {
          additionalResponseData: {
            merchantAdviceCode: decision.merchantAdviceCode,
            merchantAdviceCodeDescription: decision.merchantAdviceCodeDescription,
          },
        }
      : {}),
    responder: decision.responder,
    responseCode: decision.responseCode,
    responseCodeCategory: decision.responseCodeCategory,
    responseCodeDescription: decision.responseCodeDescription,
  };
}
