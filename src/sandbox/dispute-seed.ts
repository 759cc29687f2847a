import type {
  DisputeCaseRecord,
  DisputeEntryRecord,
  DisputeRecord,
  StoredDocument,
} from "./dispute-records.js";
import { isoDate, localDateTime } from "./dispute-records.js";

/** The acquirer and merchants the seeded disputes belong to; any ids work for payments. */
export const SANDBOX_MERCHANT = {
  acquirerId: "100812",
  merchantId: "520001857",
  otherMerchantId: "520001858",
  merchantRootId: "520000001",
} as const;

const DAY = 86_400_000;

interface SeedCase {
  id: string;
  scheme: "VISA" | "MASTERCARD";
  last4: string;
  merchantId: string;
  amount: number;
  currencyCode: string;
  openedDaysAgo: number;
  stage: string;
  status: string;
  category: DisputeCaseRecord["disputeStatusCategory"];
  closedDaysAgo?: number;
  dueInDays?: number;
  unifiedCategory: string;
  unifiedReason: string;
  schemeReason: string;
  schemeReasonDescription: string;
  entryMode: string;
  verification: string;
  /** [daysAgo, category, type, description, extra] oldest first. */
  entries: [number, DisputeEntryRecord["entryCategory"], string, string, Partial<DisputeEntryRecord>?][];
}

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The seeded documents, attached to their disputes' evidence entries. */
function seedDocuments(): StoredDocument[] {
  return [
    {
      documentId: "c0f1e2d3-0003-4a5b-8c9d-000000000301",
      fileName: "receipt-duplicate-check.pdf",
      mimeType: "application/pdf",
      data: MINIMAL_PDF,
      disputeId: "1300000003",
    },
    {
      documentId: "c0f1e2d3-0004-4a5b-8c9d-000000000401",
      fileName: "3ds-authentication-log.pdf",
      mimeType: "application/pdf",
      data: MINIMAL_PDF,
      disputeId: "1300000004",
    },
  ];
}

const CASES: SeedCase[] = [
  {
    id: "1300000001",
    scheme: "VISA",
    last4: "4821",
    merchantId: SANDBOX_MERCHANT.merchantId,
    amount: 12_999,
    currencyCode: "EUR",
    openedDaysAgo: 4,
    stage: "DISPUTE",
    status: "EVIDENCE_REQUESTED",
    category: "NEEDS_RESPONSE",
    dueInDays: 10,
    unifiedCategory: "CONSUMER_DISPUTE",
    unifiedReason: "GOODS_OR_SERVICES_NOT_RECEIVED",
    schemeReason: "13.1",
    schemeReasonDescription: "Merchandise/Services Not Received",
    entryMode: "Manual",
    verification: "CARD_SECURITY_CODE",
    entries: [
      [
        4,
        "DISPUTE",
        "Iss-Dsp",
        "Dispute received from issuer",
        { messageText: "Cardholder states the order never arrived." },
      ],
      [
        4,
        "EVIDENCE",
        "Acq-EvidenceReq",
        "Evidence requested from merchant",
        {
          questionnaire:
            "Provide proof of delivery (carrier tracking, signed delivery note) or proof of digital access.",
        },
      ],
    ],
  },
  {
    id: "1300000002",
    scheme: "MASTERCARD",
    last4: "0027",
    merchantId: SANDBOX_MERCHANT.merchantId,
    amount: 4_550,
    currencyCode: "EUR",
    openedDaysAgo: 9,
    stage: "DISPUTE",
    status: "EVIDENCE_REQUESTED",
    category: "NEEDS_RESPONSE",
    dueInDays: 5,
    unifiedCategory: "FRAUD_RELATED",
    unifiedReason: "FRAUDULENT_CARD_USAGE",
    schemeReason: "4837",
    schemeReasonDescription: "No Cardholder Authorization",
    entryMode: "CredentialOnFile",
    verification: "THREE_DS",
    entries: [
      [9, "DISPUTE", "Iss-Dsp", "Dispute received from issuer"],
      [
        9,
        "EVIDENCE",
        "Acq-EvidenceReq",
        "Evidence requested from merchant",
        {
          questionnaire: "Provide the 3-D Secure authentication result and the customer's order history.",
        },
      ],
      [
        7,
        "COMMUNICATION",
        "Acq-MsgToMch",
        "Message to merchant",
        {
          messageText: "Reminder: without a 3-D Secure proof this case is likely to be lost.",
          userId: "acquirer.ops",
        },
      ],
    ],
  },
  {
    id: "1300000003",
    scheme: "VISA",
    last4: "7730",
    merchantId: SANDBOX_MERCHANT.merchantId,
    amount: 2_500,
    currencyCode: "EUR",
    openedDaysAgo: 30,
    stage: "PRE_ARBITRATION",
    status: "REVIEW_BY_ISSUER",
    category: "IN_PROGRESS",
    unifiedCategory: "PROCESSING_ERROR",
    unifiedReason: "DUPLICATE_CHARGE_OR_PAID_BY_OTHER_MEANS",
    schemeReason: "12.6.1",
    schemeReasonDescription: "Duplicate Processing",
    entryMode: "Chip",
    verification: "ONLINE_PIN",
    entries: [
      [30, "DISPUTE", "Iss-Dsp", "Dispute received from issuer"],
      [30, "EVIDENCE", "Acq-EvidenceReq", "Evidence requested from merchant"],
      [
        25,
        "EVIDENCE",
        "Mch-Evidence",
        "Evidence submitted by merchant",
        {
          elaboration: "Two distinct purchases on the same day; receipts attached.",
          userId: "merchant.backoffice",
          documents: [
            {
              documentId: "c0f1e2d3-0003-4a5b-8c9d-000000000301",
              fileName: "receipt-duplicate-check.pdf",
              mimeType: "application/pdf",
            },
          ],
        },
      ],
      [12, "DISPUTE", "Iss-PArb", "Pre-arbitration received from issuer"],
    ],
  },
  {
    id: "1300000004",
    scheme: "MASTERCARD",
    last4: "5512",
    merchantId: SANDBOX_MERCHANT.merchantId,
    amount: 8_900,
    currencyCode: "EUR",
    openedDaysAgo: 60,
    closedDaysAgo: 35,
    stage: "DISPUTE",
    status: "SUCCESSFUL_DEFENSE",
    category: "WON",
    unifiedCategory: "AUTHORIZATION_RELATED",
    unifiedReason: "UNAUTHORIZED_TRANSACTION",
    schemeReason: "4808",
    schemeReasonDescription: "Authorization-Related Chargeback",
    entryMode: "Contactless-EMV",
    verification: "NONE",
    entries: [
      [60, "DISPUTE", "Iss-Dsp", "Dispute received from issuer"],
      [
        55,
        "EVIDENCE",
        "Mch-Evidence",
        "Evidence submitted by merchant",
        {
          elaboration: "The transaction was authorised online, authorisation code attached.",
          userId: "merchant.backoffice",
          documents: [
            {
              documentId: "c0f1e2d3-0004-4a5b-8c9d-000000000401",
              fileName: "3ds-authentication-log.pdf",
              mimeType: "application/pdf",
            },
          ],
        },
      ],
      [35, "DISPUTE", "Acq-MchWon", "Dispute won by merchant"],
      [35, "POSTING", "Acq-CreditAdj", "Credit adjustment to merchant"],
    ],
  },
  {
    id: "1300000005",
    scheme: "VISA",
    last4: "9046",
    merchantId: SANDBOX_MERCHANT.merchantId,
    amount: 999,
    currencyCode: "EUR",
    openedDaysAgo: 45,
    closedDaysAgo: 40,
    stage: "DISPUTE",
    status: "ACCEPTED",
    category: "LOST",
    unifiedCategory: "CONSUMER_DISPUTE",
    unifiedReason: "CANCELLED_SUBSCRIPTION",
    schemeReason: "13.2",
    schemeReasonDescription: "Cancelled Recurring Transaction",
    entryMode: "CredentialOnFile",
    verification: "NONE",
    entries: [
      [45, "DISPUTE", "Iss-Dsp", "Dispute received from issuer"],
      [
        40,
        "EVIDENCE",
        "Mch-Accept",
        "Liability accepted by merchant",
        { messageText: "Subscription was cancelled; refund due.", userId: "merchant.backoffice" },
      ],
      [40, "DISPUTE", "Acq-MchLost", "Dispute lost by merchant"],
      [40, "POSTING", "Acq-DebitAdj", "Debit adjustment to merchant"],
    ],
  },
  {
    id: "1300000006",
    scheme: "VISA",
    last4: "3318",
    merchantId: SANDBOX_MERCHANT.otherMerchantId,
    amount: 35_000,
    currencyCode: "GBP",
    openedDaysAgo: 2,
    stage: "INQUIRY",
    status: "REVIEW_BY_ACQUIRER",
    category: "IN_PROGRESS",
    unifiedCategory: "FRAUD_RELATED",
    unifiedReason: "FRAUDULENT_CARD_USAGE",
    schemeReason: "10.4",
    schemeReasonDescription: "Other Fraud - Card Absent Environment",
    entryMode: "Manual",
    verification: "CARD_SECURITY_CODE",
    entries: [[2, "DISPUTE", "Iss-Dsp", "Retrieval request received from issuer"]],
  },
  {
    id: "1300000007",
    scheme: "MASTERCARD",
    last4: "6604",
    merchantId: SANDBOX_MERCHANT.otherMerchantId,
    amount: 15_000,
    currencyCode: "EUR",
    openedDaysAgo: 20,
    closedDaysAgo: 18,
    stage: "DISPUTE",
    status: "DISPUTE_CANCELLED",
    category: "CANCELLED",
    unifiedCategory: "CONSUMER_DISPUTE",
    unifiedReason: "GOODS_OR_SERVICES_NOT_MATCHING_ORDER",
    schemeReason: "4853",
    schemeReasonDescription: "Cardholder Dispute - Not as Described",
    entryMode: "Chip",
    verification: "OFFLINE_PIN",
    entries: [
      [20, "DISPUTE", "Iss-Dsp", "Dispute received from issuer"],
      [18, "DISPUTE", "Iss-DspRev", "Dispute reversed by issuer"],
    ],
  },
];

function buildDispute(seed: SeedCase, now: number): DisputeRecord {
  const at = (daysAgo: number): Date => new Date(now - daysAgo * DAY);
  const amount = { amount: seed.amount, currencyCode: seed.currencyCode, numberOfDecimals: 2 };
  const merchantLoses = seed.category !== "WON" && seed.category !== "CANCELLED";
  const lastEntry = seed.entries[seed.entries.length - 1]?.[0] ?? seed.openedDaysAgo;
  const transactionDate = at(seed.openedDaysAgo + 21);
  const dispute: DisputeCaseRecord = {
    disputeDateTimeData: {
      openedDateTime: localDateTime(at(seed.openedDaysAgo)),
      lastStatusChangedDateTime: localDateTime(at(lastEntry)),
      ...(seed.closedDaysAgo !== undefined ? { closedDateTime: localDateTime(at(seed.closedDaysAgo)) } : {}),
      ...(seed.dueInDays !== undefined ? { responseDueDate: isoDate(at(-seed.dueInDays)) } : {}),
    },
    disputeId: seed.id,
    disputeReferences: {
      acquirerDisputeReference: `ADR${seed.id}`,
      schemeDisputeReference: `${seed.scheme === "VISA" ? "VCR" : "MCC"}${seed.id.slice(-6)}4471`,
    },
    disputeStage: seed.stage,
    disputeStatus: seed.status,
    disputeStatusCategory: seed.category,
    isOpen: seed.closedDaysAgo === undefined,
    merchantBalanceAmount: {
      ...amount,
      amount: merchantLoses ? seed.amount : 0,
      debitCreditIndicator: merchantLoses ? "CREDIT" : "DEBIT",
    },
    merchantData: {
      acquirerId: SANDBOX_MERCHANT.acquirerId,
      merchantId: seed.merchantId,
      merchantRootId: SANDBOX_MERCHANT.merchantRootId,
      merchantCategoryCode: 5732,
      merchantCity: seed.merchantId === SANDBOX_MERCHANT.merchantId ? "Brussels" : "London",
      merchantCountryCode: seed.merchantId === SANDBOX_MERCHANT.merchantId ? "BE" : "GB",
      merchantName:
        seed.merchantId === SANDBOX_MERCHANT.merchantId ? "Sandbox Electronics" : "Sandbox Electronics UK",
    },
    originalDisputeAmount: amount,
    originalTransactionData: {
      cardholderVerificationMethod: seed.verification,
      localTransactionDateTime: localDateTime(transactionDate),
      paymentCategory: "SALES",
      paymentMethodData: {
        maskedIdentifier: `************${seed.last4}`,
        scheme: seed.scheme,
        schemeBrand: seed.scheme === "VISA" ? "VISA" : "MCC",
        issuingCountryCode: seed.currencyCode === "GBP" ? "GB" : "FR",
      },
      pointOfSaleEntryMode: seed.entryMode,
      schemeProcessedDateTime: localDateTime(new Date(transactionDate.getTime() + 3_600_000)),
      settlementAmount: amount,
      transactionAmount: amount,
      transactionReferences: {
        acquirerReferenceNumber: `7460981${seed.id}${seed.last4}12`,
        merchantReference: `ORDER-${seed.id.slice(-4)}`,
        paymentId: `5e1d${seed.id}-seed-4000-8000-0000${seed.last4}`,
        acquirerTransactionReference: `ATR${seed.id}`,
        merchantOperationId: `op-${seed.id}`,
        retrievalReferenceNumber: `4102${seed.id.slice(-8)}`,
        schemeTransactionId: `58${seed.id}${seed.last4}`,
        terminalId: "SBX00001",
        terminalTransactionReference: `TTR${seed.id.slice(-6)}`,
      },
    },
    schemeReason: seed.schemeReason,
    schemeReasonDescription: seed.schemeReasonDescription,
    unifiedCategory: seed.unifiedCategory,
    unifiedReason: seed.unifiedReason,
  };
  const entries = seed.entries.map(
    ([daysAgo, entryCategory, entryType, entryTypeDescription, extra], index) => ({
      entryId: `${seed.id}-${String(index + 1).padStart(2, "0")}`,
      entryCategory,
      entryType,
      entryTypeDescription,
      entryDateTime: localDateTime(new Date(now - daysAgo * DAY + index * 60_000)),
      ...(entryType === "Iss-Dsp"
        ? {
            schemeReason: seed.schemeReason,
            schemeReasonDescription: seed.schemeReasonDescription,
            transactionAmount: amount,
            settlementAmount: amount,
          }
        : {}),
      ...(entryType === "Acq-EvidenceReq" && seed.dueInDays !== undefined
        ? { responseDueDate: isoDate(at(-seed.dueInDays)) }
        : {}),
      ...extra,
    }),
  );
  return { dispute, entries };
}

/** Seven disputes across stages and statuses (two awaiting evidence), dated relative to `now`. */
export function seedDisputes(now: number): { disputes: DisputeRecord[]; documents: StoredDocument[] } {
  return { disputes: CASES.map((seed) => buildDispute(seed, now)), documents: seedDocuments() };
}
