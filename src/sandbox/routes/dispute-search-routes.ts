import { ApiProblem } from "../api-problem.js";
import { disputeSummary, type DisputeEntryRecord, type DisputeRecord } from "../dispute-records.js";
import { inList, inMerchantScope, inRange } from "../dispute-search.js";
import type { DisputeStore } from "../dispute-store.js";
import { RequestFields } from "../request-fields.js";
import { json, type Route } from "../route.js";

const BASE = "/dispute-management/v1";

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

/**
 * Dispute and dispute-entry searches, paged through snapshots (see `SearchSnapshots`). Disputes
 * sort on `sortBy` (default `openedDateTime`), entries on `entryDateTime`; both DESC by default.
 */
export function disputeSearchRoutes(store: DisputeStore): Route[] {
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
