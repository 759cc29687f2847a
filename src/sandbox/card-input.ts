import { ApiProblem } from "./api-problem.js";
import { brandOf, type CardSummary } from "./card-check.js";
import { jsonPath, type RequestFields } from "./request-fields.js";

/** The card of a request: the full number lives only for the duration of the request. */
export interface CardInput {
  cardNumber: string;
  expiryDate: string;
  summary: CardSummary;
  entryMode: string;
  securityCodeGiven: boolean;
  addressGiven: boolean;
}

/**
 * Reads `<base>.cardData` and the entry mode of a card-carrying request.
 * @throws ApiProblem 400 naming the field when the number or expiry date is missing or malformed.
 */
export function readCard(fields: RequestFields, base: string): CardInput {
  const numberPath = `${base}.cardData.cardNumber`;
  const cardNumber = fields.string(numberPath).replace(/ /g, "");
  if (!/^\d{12,19}$/.test(cardNumber)) {
    throw new ApiProblem(400, "validation-error", `${jsonPath(numberPath)}: must be 12 to 19 digits`);
  }
  const expiryPath = `${base}.cardData.expiryDate`;
  const expiryDate = fields.string(expiryPath);
  if (!/^(0[1-9]|1[0-2])\d{4}$/.test(expiryDate)) {
    throw new ApiProblem(400, "validation-error", `${jsonPath(expiryPath)}: must be MMYYYY`);
  }
  const brand = fields.optionalString(`${base}.brand`) ?? brandOf(cardNumber);
  return {
    cardNumber,
    expiryDate,
    summary: { brand, last4: cardNumber.slice(-4) },
    entryMode: fields.optionalString(`${base}.cardEntryMode`) ?? "ECOMMERCE",
    securityCodeGiven: fields.get(`${base}.cardData.cardSecurityCode`) !== undefined,
    addressGiven: fields.get(`${base}.ecommerceData.addressVerificationData`) !== undefined,
  };
}

/** `CardPaymentDataForResponse`: brand, plus check results (e-commerce) or the last 4 digits (card present). */
export function cardResponseData(card: CardInput, approved: boolean) {
  if (card.entryMode === "ECOMMERCE") {
    return {
      brand: card.summary.brand,
      ecommerceData: {
        cardSecurityCodeResult: !card.securityCodeGiven ? "OMITTED" : approved ? "MATCH" : "NOT_VERIFIED",
        addressVerificationResult: !card.addressGiven ? "NOT_VERIFIED" : approved ? "MATCH" : "NOT_VERIFIED",
      },
    };
  }
  return { brand: card.summary.brand, pointOfSaleData: { panLast4Digits: card.summary.last4 } };
}
