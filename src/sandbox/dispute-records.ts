import type { Amount } from "./request-fields.js";

/** `DisputeDocument` metadata as listed in entries. */
export interface DisputeDocumentInfo {
  documentId: string;
  fileName: string;
  mimeType: string;
}

/** A stored document: metadata, bytes and the dispute it was submitted to, if any. */
export interface StoredDocument extends DisputeDocumentInfo {
  data: Buffer;
  disputeId: string | undefined;
}

/** `DisputeEntry` on the wire. */
export interface DisputeEntryRecord {
  entryId: string;
  entryCategory: "DISPUTE" | "COMMUNICATION" | "EVIDENCE" | "POSTING";
  entryType: string;
  entryTypeDescription: string;
  entryDateTime: string;
  elaboration?: string;
  messageText?: string;
  questionnaire?: string;
  responseDueDate?: string;
  schemeReason?: string;
  schemeReasonDescription?: string;
  settlementAmount?: Amount;
  transactionAmount?: Amount;
  userId?: string;
  documents?: DisputeDocumentInfo[];
}

/** `DisputeCase` on the wire (without entries). */
export interface DisputeCaseRecord {
  disputeDateTimeData: {
    openedDateTime: string;
    lastStatusChangedDateTime: string;
    closedDateTime?: string;
    responseDueDate?: string;
  };
  disputeId: string;
  disputeReferences: { acquirerDisputeReference: string; schemeDisputeReference: string };
  disputeStage: string;
  disputeStatus: string;
  disputeStatusCategory: "IN_PROGRESS" | "NEEDS_RESPONSE" | "WON" | "LOST" | "CANCELLED";
  isOpen: boolean;
  merchantBalanceAmount: Amount & { debitCreditIndicator: "DEBIT" | "CREDIT" };
  merchantData: {
    acquirerId: string;
    merchantId: string;
    merchantRootId: string;
    merchantCategoryCode: number;
    merchantCity: string;
    merchantCountryCode: string;
    merchantName: string;
  };
  originalDisputeAmount: Amount;
  originalTransactionData: {
    cardholderVerificationMethod: string;
    localTransactionDateTime: string;
    paymentCategory: string;
    paymentMethodData: {
      maskedIdentifier: string;
      scheme: string;
      schemeBrand: string;
      issuingCountryCode: string;
    };
    pointOfSaleEntryMode: string;
    schemeProcessedDateTime: string;
    settlementAmount: Amount;
    transactionAmount: Amount;
    transactionReferences: {
      acquirerReferenceNumber: string;
      merchantReference: string;
      paymentId: string;
      acquirerTransactionReference: string;
      merchantOperationId: string;
      retrievalReferenceNumber: string;
      schemeTransactionId: string;
      terminalId: string;
      terminalTransactionReference: string;
    };
  };
  schemeReason: string;
  schemeReasonDescription: string;
  unifiedCategory: string;
  unifiedReason: string;
}

/** A dispute with its entry history, oldest first. */
export interface DisputeRecord {
  dispute: DisputeCaseRecord;
  entries: DisputeEntryRecord[];
}

/** ISO-8601 local date-time without offset (`2024-05-01T10:15:30`), the disputes' format. */
export function localDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** ISO-8601 date (`2024-05-01`). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The `DisputeSummary` of a dispute, attached to entries when asked for. */
export function disputeSummary(dispute: DisputeCaseRecord) {
  const transaction = dispute.originalTransactionData;
  const { maskedIdentifier, scheme, schemeBrand } = transaction.paymentMethodData;
  const { acquirerReferenceNumber, merchantReference, paymentId } = transaction.transactionReferences;
  return {
    acquirerDisputeReference: dispute.disputeReferences.acquirerDisputeReference,
    merchantData: {
      acquirerId: dispute.merchantData.acquirerId,
      merchantId: dispute.merchantData.merchantId,
      merchantRootId: dispute.merchantData.merchantRootId,
    },
    originalTransactionData: {
      cardholderVerificationMethod: transaction.cardholderVerificationMethod,
      paymentCategory: transaction.paymentCategory,
      paymentMethodData: { maskedIdentifier, scheme, schemeBrand },
      pointOfSaleEntryMode: transaction.pointOfSaleEntryMode,
      transactionReferences: { acquirerReferenceNumber, merchantReference, paymentId },
    },
    schemeReason: dispute.schemeReason,
    schemeReasonDescription: dispute.schemeReasonDescription,
    unifiedCategory: dispute.unifiedCategory,
    unifiedReason: dispute.unifiedReason,
  };
}
