import { ApiProblem } from "../api-problem.js";
import {
  localDateTime,
  type DisputeEntryRecord,
  type DisputeRecord,
  type StoredDocument,
} from "../dispute-records.js";
import type { DisputeStore } from "../dispute-store.js";
import { jsonPath, RequestFields } from "../request-fields.js";
import { json, type Route, type RouteRequest } from "../route.js";

const BASE = "/dispute-management/v1/disputes";

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

function flagQuery(request: RouteRequest, name: string): boolean {
  return request.query.get(name)?.toLowerCase() === "true";
}

/**
 * Reading and answering a dispute: get, accept liability, submit evidence. State changes on a
 * closed dispute, or evidence for a dispute that is not awaiting it, answer 409
 * `dispute-state-conflict`.
 */
export function disputeCaseRoutes(store: DisputeStore): Route[] {
  return [
    {
      operation: "getDispute",
      method: "GET",
      path: `${BASE}/{disputeId}`,
      scope: "disputes_retrieve",
      handle(request) {
        const record = store.dispute(request.params["disputeId"] ?? "");
        return json(200, disputeAnswer(record, flagQuery(request, "includeEntries"), request.requestId));
      },
    },
    {
      operation: "acceptDisputeLiability",
      method: "POST",
      path: `${BASE}/{disputeId}/accept`,
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
      path: `${BASE}/{disputeId}/submit-evidence`,
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
  ];
}
