import { TEST_CARDS, type TestCard } from "./test-cards.js";

/** The issuer's answer to an authorisation request. */
export interface CardDecision {
  responseCode: string;
  responseCodeCategory: "APPROVED" | "PARTIALLY_APPROVED" | "DECLINED";
  responseCodeDescription: string;
  responder: "ISSUER" | "WORLDLINE";
  /** Amount approved, in the request's minor units; 0 when declined. */
  approvedAmount: number;
  merchantAdviceCode?: string;
  merchantAdviceCodeDescription?: string;
}

/** What the sandbox keeps of a card: never the full number. */
export interface CardSummary {
  brand: string;
  last4: string;
}

const BY_NUMBER: ReadonlyMap<string, TestCard> = new Map(
  Object.values(TEST_CARDS).map((card: TestCard) => [card.cardNumber, card]),
);

/** Luhn (mod 10) check of a digit string. */
function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The scheme of a PAN from its leading digits; `UNKNOWN` when none matches. */
export function brandOf(cardNumber: string): string {
  const known = BY_NUMBER.get(cardNumber);
  if (known) return known.brand;
  if (cardNumber.startsWith("4")) return "VISA";
  const two = Number(cardNumber.slice(0, 2));
  const four = Number(cardNumber.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "MASTERCARD";
  if (two === 35) return "JCB";
  if (two === 62) return "UNION_PAY";
  if (two === 36 || two === 38 || (two === 30 && Number(cardNumber[2]) <= 5)) return "DINERS";
  return "UNKNOWN";
}

/** Whether an `MMYYYY` expiry date lies before the month of `now`. */
function isExpired(expiryDate: string, now: Date): boolean {
  const month = Number(expiryDate.slice(0, 2));
  const year = Number(expiryDate.slice(2));
  return year * 12 + month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
}

function declined(
  responseCode: string,
  description: string,
  responder: "ISSUER" | "WORLDLINE",
  advice?: [string, string],
): CardDecision {
  return {
    responseCode,
    responseCodeCategory: "DECLINED",
    responseCodeDescription: description,
    responder,
    approvedAmount: 0,
    ...(advice ? { merchantAdviceCode: advice[0], merchantAdviceCodeDescription: advice[1] } : {}),
  };
}

/**
 * The simulated issuer: decides an authorisation for `amount` (minor units) on a card.
 * Expects a syntactically valid `expiryDate` (MMYYYY).
 */
export function decideAuthorization(
  cardNumber: string,
  expiryDate: string,
  amount: number,
  allowPartialApproval: boolean,
  now: Date,
): CardDecision {
  if (!isLuhnValid(cardNumber)) return declined("14", "Invalid card number", "WORLDLINE");
  const card = BY_NUMBER.get(cardNumber);
  if (isExpired(expiryDate, now) || card?.responseCode === "54") {
    return declined("54", "Expired card", "ISSUER", ["01", "New account information available"]);
  }
  if (card?.outcome === "PARTIALLY_APPROVED") {
    if (!allowPartialApproval) {
      return declined("51", "Insufficient funds", "ISSUER", [
        "02",
        "Cannot approve at this time, try again later",
      ]);
    }
    return {
      responseCode: card.responseCode,
      responseCodeCategory: "PARTIALLY_APPROVED",
      responseCodeDescription: card.responseCodeDescription,
      responder: "ISSUER",
      approvedAmount: Math.floor(amount / 2),
    };
  }
  if (card?.outcome === "DECLINED") {
    const advice: [string, string] =
      card.responseCode === "51"
        ? ["02", "Cannot approve at this time, try again later"]
        : ["03", "Do not try again"];
    return declined(card.responseCode, card.responseCodeDescription, "ISSUER", advice);
  }
  return {
    responseCode: "0",
    responseCodeCategory: "APPROVED",
    responseCodeDescription: "Approved",
    responder: "ISSUER",
    approvedAmount: amount,
  };
}

/** The available balance the simulated issuer reports for a card, in minor units. */
export function availableBalanceOf(cardNumber: string): number {
  const card = BY_NUMBER.get(cardNumber);
  if (card?.responseCode === "51") return 0;
  if (card?.outcome === "PARTIALLY_APPROVED") return 2_500;
  return 250_000;
}
