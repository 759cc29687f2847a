import { ApiProblem } from "./api-problem.js";
import type { DisputeRecord, StoredDocument } from "./dispute-records.js";
import { SearchSnapshots } from "./dispute-search.js";
import { seedDisputes } from "./dispute-seed.js";

/** Disputes (seeded at start and on reset), uploaded documents and search snapshots, in memory. */
export class DisputeStore {
  readonly disputes = new Map<string, DisputeRecord>();
  readonly documents = new Map<string, StoredDocument>();
  readonly disputeSearches = new SearchSnapshots();
  readonly entrySearches = new SearchSnapshots();

  /** @param now clock in epoch milliseconds; seeded dates are relative to it. */
  constructor(now: number) {
    this.reseed(now);
  }

  /** @throws ApiProblem 404 when there is no such dispute. */
  dispute(disputeId: string): DisputeRecord {
    const record = this.disputes.get(disputeId);
    if (!record) throw new ApiProblem(404, "dispute-not-found", `no dispute with disputeId '${disputeId}'`);
    return record;
  }

  /** Drops every change and restores the seeded disputes and documents. */
  reseed(now: number): void {
    this.disputes.clear();
    this.documents.clear();
    this.disputeSearches.clear();
    this.entrySearches.clear();
    const seed = seedDisputes(now);
    for (const record of seed.disputes) this.disputes.set(record.dispute.disputeId, record);
    for (const document of seed.documents) this.documents.set(document.documentId, document);
  }
}
