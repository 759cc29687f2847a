/** What the simulated issuer answers for a card. */
export type TestCardOutcome = "APPROVED" | "DECLINED" | "PARTIALLY_APPROVED";

/** A card number with a fixed answer from the simulated issuer. */
export interface TestCard {
  /** Luhn-valid PAN to send in `cardPaymentData.cardData.cardNumber`. */
  readonly cardNumber: string;
  readonly brand: string;
  readonly outcome: TestCardOutcome;
  /** The API `responseCode` (a number carried as a string, "0" = approved). */
  readonly responseCode: string;
  readonly responseCodeDescription: string;
}

/**
 * Test cards of the sandbox. Any other Luhn-valid number with an expiry date in the future is
 * approved; a number failing the Luhn check is declined with "14" and an expiry date in the past
 * with "54", whatever the card. The partial-approval card approves half the requested amount
 * when `allowPartialApproval` is true and is declined with "51" otherwise.
 */
export const TEST_CARDS = {
  visaApproved: {
    cardNumber: "4111111111111111",
    brand: "VISA",
    outcome: "APPROVED",
    responseCode: "0",
    responseCodeDescription: "Approved",
  },
  mastercardApproved: {
    cardNumber: "5555555555554444",
    brand: "MASTERCARD",
    outcome: "APPROVED",
    responseCode: "0",
    responseCodeDescription: "Approved",
  },
  mastercard2SeriesApproved: {
    cardNumber: "2223003122003222",
    brand: "MASTERCARD",
    outcome: "APPROVED",
    responseCode: "0",
    responseCodeDescription: "Approved",
  },
  jcbApproved: {
    cardNumber: "3530111333300000",
    brand: "JCB",
    outcome: "APPROVED",
    responseCode: "0",
    responseCodeDescription: "Approved",
  },
  doNotHonour: {
    cardNumber: "4000000000000051",
    brand: "VISA",
    outcome: "DECLINED",
    responseCode: "5",
    responseCodeDescription: "Do not honour",
  },
  mastercardDoNotHonour: {
    cardNumber: "5100000000000057",
    brand: "MASTERCARD",
    outcome: "DECLINED",
    responseCode: "5",
    responseCodeDescription: "Do not honour",
  },
  insufficientFunds: {
    cardNumber: "4000000000000515",
    brand: "VISA",
    outcome: "DECLINED",
    responseCode: "51",
    responseCodeDescription: "Insufficient funds",
  },
  expiredCard: {
    cardNumber: "4000000000000549",
    brand: "VISA",
    outcome: "DECLINED",
    responseCode: "54",
    responseCodeDescription: "Expired card",
  },
  invalidCardNumber: {
    cardNumber: "4000000000000143",
    brand: "VISA",
    outcome: "DECLINED",
    responseCode: "14",
    responseCodeDescription: "Invalid card number",
  },
  partialApproval: {
    cardNumber: "4000000000000101",
    brand: "VISA",
    outcome: "PARTIALLY_APPROVED",
    responseCode: "10",
    responseCodeDescription: "Partial approval",
  },
} as const satisfies Record<string, TestCard>;
