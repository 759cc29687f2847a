import { ApiProblem } from "../api-problem.js";
import {
  disputeSummary,
  localDateTime,
  type DisputeEntryRecord,
  type DisputeRecord,
  type StoredDocument,
} from "../dispute-records.js";
import { inList, inMerchantScope, inRange } from "../dispute-search.js";
import type { DisputeStore } from "../dispute-store.js";
import { parseMultipart } from "../multipart.js";
import { newResourceId } from "../references.js";
import { jsonPath, RequestFields } from "../request-fields.js";
import { json, type Route, type RouteRequest } from "../route.js";

const BASE = "/dispute-management/v1";
const DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/jpeg",
  "image/jpg",
  "image/png",
]);
/** Per-document size limit, in bytes. */
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

function conflict(detail: string): ApiProblem {
  return new ApiProblem(409, "dispute-state-conflict", detail);
}

function disputeAnswer(record: DisputeRecord, includeEntries: boolean, requestId: string) {
  return {
    dispute: includeEntries ? { ...record.dispute, entries: record.entries } : record.dispute,
    requestId,
  };
}

function addEntry(record: DisputeRecord, entry: Omit<DisputeEntryRecord, "entryId">): void {
  record.entries.push({
    entryId: `${record.dispute.disputeId}-${String(record.entries.length + 1).padStart(2, "0")}`,
    ...entry,
  });
}

function sortKey(record: DisputeRecord, sortBy: string): string {
  const dates = record.dispute.disputeDateTimeData;
  switch (sortBy) {
    case "closedDateTime":
      return dates.closedDateTime ?? "";
    case "lastStatusChangedDateTime":
      return dates.lastStatusChangedDateTime;
    case "responseDueDate":
      return dates.responseDueDate ?? "";
    default:
      return dates.openedDateTime;
  }
}

function matchesDispute(fields: RequestFields, record: DisputeRecord): boolean {
  const d = record.dispute;
  const refs = d.originalTransactionData.transactionReferences;
  const equals = (path: string, value: string): boolean => {
    const wanted = fields.optionalString(path);
    return wanted === undefined || wanted === value;
  };
  const isOpen = fields.optionalBoolean("isOpen");
  return (
    equals("disputeId", d.disputeId) &&
    equals("acquirerDisputeReference", d.disputeReferences.acquirerDisputeReference) &&
    equals("acquirerReferenceNumber", refs.acquirerReferenceNumber) &&
    equals("merchantReference", refs.merchantReference) &&
    equals("paymentId", refs.paymentId) &&
    (isOpen === undefined || isOpen === d.isOpen) &&
    inList(fields, "disputeStages", d.disputeStage) &&
    inList(fields, "disputeStatusCategories", d.disputeStatusCategory) &&
    inList(fields, "schemes", d.originalTransactionData.paymentMethodData.scheme) &&
    inList(fields, "unifiedCategories", d.unifiedCategory) &&
    inRange(fields, "openedDateTime", d.disputeDateTimeData.openedDateTime) &&
    inRange(fields, "closedDateTime", d.disputeDateTimeData.closedDateTime) &&
    inRange(fields, "lastStatusChangedDateTime", d.disputeDateTimeData.lastStatusChangedDateTime) &&
    inRange(fields, "responseDueDate", d.disputeDateTimeData.responseDueDate) &&
    inMerchantScope(fields, d.merchantData)
  );
}

function sortOrder(fields: RequestFields, fallback: "ASC" | "DESC"): 1 | -1 {
  const order = fields.optionalString("sortOrder") ?? fallback;
  if (order !== "ASC" && order !== "DESC")
    throw new ApiProblem(400, "validation-error", "$.sortOrder: must be ASC or DESC");
  return order === "ASC" ? 1 : -1;
}

function flagQuery(request: RouteRequest, name: string): boolean {
  return request.query.get(name)?.toLowerCase() === "true";
}

/**
 * Dispute management: search, read, accept liability, submit evidence, upload and download
 * documents, search entries. State changes on a closed dispute, or evidence for a dispute that
 * is not awaiting it, answer 409 `dispute-state-conflict`.
 */
export function disputeRoutes(store: DisputeStore): Route[] {
  return [
    {
      operation: "searchDisputes",
      method: "POST",
      path: `${BASE}/disputes/search`,
      scope: "disputes_retrieve",
      requestModel: "SearchDisputesRequest",
      handle(request) {
        const fields = new RequestFields(request.body ?? {});
        const page = store.disputeSearches.page(
          fields,
          () => {
            const sortBy = fields.optionalString("sortBy") ?? "openedDateTime";
            const direction = sortOrder(fields, "DESC");
            return [...store.disputes.values()]
              .filter((record) => matchesDispute(fields, record))
              .sort((a, b) => direction * sortKey(a, sortBy).localeCompare(sortKey(b, sortBy)))
              .map((record) => record.dispute.disputeId);
          },
          (id) => store.disputes.get(id)?.dispute,
        );
        return json(200, { disputes: page.items, pagination: page.pagination, requestId: request.requestId });
      },
    },
    {
      operation: "getDispute",
      method: "GET",
      path: `${BASE}/disputes/{disputeId}`,
      scope: "disputes_retrieve",
      handle(request) {
        const record = store.dispute(request.params["disputeId"] ?? "");
        return json(200, disputeAnswer(record, flagQuery(request, "includeEntries"), request.requestId));
      },
    },
    {
      operation: "acceptDisputeLiability",
      method: "POST",
      path: `${BASE}/disputes/{disputeId}/accept`,
      scope: "disputes_manage",
      requestModel: "AcceptDisputeLiabilityRequest",
      handle(request) {
        const record = store.dispute(request.params["disputeId"] ?? "");
        const fields = new RequestFields(request.body ?? {});
        const messageText = fields.optionalString("messageText");
        const userId = fields.optionalString("userId");
        const dispute = record.dispute;
        if (!dispute.isOpen) throw conflict(`dispute is closed (${dispute.disputeStatus})`);
        const now = localDateTime(request.now);
        addEntry(record, {
          entryCategory: "EVIDENCE",
          entryType: "Mch-Accept",
          entryTypeDescription: "Liability accepted by merchant",
          entryDateTime: now,
          ...(messageText ? { messageText } : {}),
          ...(userId ? { userId } : {}),
        });
        addEntry(record, {
          entryCategory: "DISPUTE",
          entryType: "Acq-MchLost",
          entryTypeDescription: "Dispute lost by merchant",
          entryDateTime: now,
        });
        dispute.disputeStatus = "ACCEPTED";
        dispute.disputeStatusCategory = "LOST";
        dispute.isOpen = false;
        dispute.disputeDateTimeData = {
          openedDateTime: dispute.disputeDateTimeData.openedDateTime,
          lastStatusChangedDateTime: now,
          closedDateTime: now,
        };
        return json(
          200,
          disputeAnswer(record, fields.optionalBoolean("includeEntries") ?? false, request.requestId),
        );
      },
    },
    {
      operation: "submitEvidence",
      method: "POST",
      path: `${BASE}/disputes/{disputeId}/submit-evidence`,
      scope: "disputes_manage",
      requestModel: "SubmitEvidenceRequest",
      handle(request) {
        const record = store.dispute(request.params["disputeId"] ?? "");
        const fields = new RequestFields(request.body ?? {});
        const dispute = record.dispute;
        const ids = fields.get("documentIds");
        const documentIds = Array.isArray(ids) ? ids : [];
        const elaboration = fields.optionalString("elaboration");
        if (documentIds.length === 0 && elaboration === undefined) {
          throw new ApiProblem(
            400,
            "validation-error",
            "$.documentIds: at least one document or an elaboration is required",
          );
        }
        const documents: StoredDocument[] = documentIds.map((_, index) => {
          const path = `documentIds.${index}.documentId`;
          const id = fields.string(path);
          const document = store.documents.get(id);
          if (!document)
            throw new ApiProblem(
              400,
              "validation-error",
              `${jsonPath(path)}: no uploaded document with id '${id}'`,
            );
          if (document.disputeId !== undefined && document.disputeId !== dispute.disputeId) {
            throw new ApiProblem(
              400,
              "validation-error",
              `${jsonPath(path)}: document '${id}' belongs to another dispute`,
            );
          }
          return document;
        });
        const partial = fields.optionalAmount("partialAmount");
        if (partial) {
          const original = dispute.originalDisputeAmount;
          if (partial.currencyCode !== original.currencyCode || partial.amount > original.amount) {
            throw new ApiProblem(
              400,
              "validation-error",
              `$.partialAmount: must be in ${original.currencyCode} and at most ${original.amount}`,
            );
          }
        }
        if (dispute.disputeStatusCategory !== "NEEDS_RESPONSE") {
          throw conflict(`dispute is not awaiting evidence (${dispute.disputeStatus})`);
        }
        const userId = fields.optionalString("userId");
        const now = localDateTime(request.now);
        for (const document of documents) document.disputeId = dispute.disputeId;
        addEntry(record, {
          entryCategory: "EVIDENCE",
          entryType: "Mch-Evidence",
          entryTypeDescription: "Evidence submitted by merchant",
          entryDateTime: now,
          transactionAmount: partial ?? dispute.originalDisputeAmount,
          ...(elaboration ? { elaboration } : {}),
          ...(userId ? { userId } : {}),
          documents: documents.map(({ documentId, fileName, mimeType }) => ({
            documentId,
            fileName,
            mimeType,
          })),
        });
        dispute.disputeStatus = "REVIEW_BY_ACQUIRER";
        dispute.disputeStatusCategory = "IN_PROGRESS";
        dispute.disputeDateTimeData = {
          openedDateTime: dispute.disputeDateTimeData.openedDateTime,
          lastStatusChangedDateTime: now,
        };
        return json(
          200,
          disputeAnswer(record, fields.optionalBoolean("includeEntries") ?? false, request.requestId),
        );
      },
    },
    {
      operation: "uploadDisputeDocument",
      method: "POST",
      path: `${BASE}/documents`,
      scope: "disputes_manage",
      handle(request) {
        const parts = parseMultipart(request.contentType, request.raw);
        const file = parts.find((part) => part.name === "file");
        if (!file)
          throw new ApiProblem(400, "validation-error", "$.file: the multipart part 'file' is required");
        if (!file.fileName) throw new ApiProblem(400, "validation-error", "$.file: the part has no filename");
        const mimeType = (file.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        if (!DOCUMENT_TYPES.has(mimeType)) {
          throw new ApiProblem(
            400,
            "validation-error",
            `$.file: content type must be one of ${[...DOCUMENT_TYPES].join(", ")}`,
          );
        }
        if (file.data.length === 0)
          throw new ApiProblem(400, "validation-error", "$.file: the file is empty");
        if (file.data.length > MAX_DOCUMENT_BYTES) {
          throw new ApiProblem(413, "document-too-large", `$.file: larger than ${MAX_DOCUMENT_BYTES} bytes`);
        }
        const documentId = newResourceId();
        store.documents.set(documentId, {
          documentId,
          fileName: file.fileName,
          mimeType,
          data: Buffer.from(file.data),
          disputeId: undefined,
        });
        return json(201, { documentId, requestId: request.requestId });
      },
    },
    {
      operation: "getDisputeDocument",
      method: "GET",
      path: `${BASE}/disputes/{disputeId}/documents/{documentId}`,
      scope: "disputes_retrieve",
      handle(request) {
        const { disputeId = "", documentId = "" } = request.params;
        store.dispute(disputeId);
        const document = store.documents.get(documentId);
        if (!document || document.disputeId !== disputeId) {
          throw new ApiProblem(
            404,
            "document-not-found",
            `dispute '${disputeId}' has no document '${documentId}'`,
          );
        }
        return {
          kind: "binary",
          status: 200,
          contentType: document.mimeType,
          fileName: document.fileName,
          data: document.data,
        };
      },
    },
    {
      operation: "searchDisputeEntries",
      method: "POST",
      path: `${BASE}/dispute-entries/search`,
      scope: "disputes_retrieve",
      requestModel: "SearchDisputeEntriesRequest",
      handle(request) {
        const fields = new RequestFields(request.body ?? {});
        const includeSummary = fields.optionalBoolean("includeDisputeSummary") ?? false;
        const byKey = new Map<string, { record: DisputeRecord; entry: DisputeEntryRecord }>();
        for (const record of store.disputes.values()) {
          for (const entry of record.entries) byKey.set(entry.entryId, { record, entry });
        }
        const page = store.entrySearches.page(
          fields,
          () => {
            const direction = sortOrder(fields, "DESC");
            const disputeId = fields.optionalString("disputeId");
            const entryId = fields.optionalString("entryId");
            return [...byKey.values()]
              .filter(
                ({ record, entry }) =>
                  (disputeId === undefined || disputeId === record.dispute.disputeId) &&
                  (entryId === undefined || entryId === entry.entryId) &&
                  inList(fields, "entryCategories", entry.entryCategory) &&
                  inList(fields, "entryTypes", entry.entryType) &&
                  inRange(fields, "entryDateTime", entry.entryDateTime) &&
                  inMerchantScope(fields, record.dispute.merchantData),
              )
              .sort((a, b) => direction * a.entry.entryDateTime.localeCompare(b.entry.entryDateTime))
              .map(({ entry }) => entry.entryId);
          },
          (key) => {
            const found = byKey.get(key);
            if (!found) return undefined;
            return {
              ...found.entry,
              disputeId: found.record.dispute.disputeId,
              ...(includeSummary ? { disputeSummary: disputeSummary(found.record.dispute) } : {}),
            };
          },
        );
        return json(200, {
          disputeEntries: page.items,
          pagination: page.pagination,
          requestId: request.requestId,
        });
      },
    },
  ];
}
