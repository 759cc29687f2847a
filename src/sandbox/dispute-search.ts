import { ApiProblem } from "./api-problem.js";
import { newResourceId } from "./references.js";
import { jsonPath, type RequestFields } from "./request-fields.js";

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
/** Searches kept for paging; the oldest is forgotten beyond this. */
const MAX_SNAPSHOTS = 1_000;

/** One page of a search, with the `PaginationResponse` to send. */
export interface SearchPage<T> {
  items: T[];
  pagination: { lastIndex: number; searchId: string; totalCount: number };
}

function invalid(path: string, message: string): ApiProblem {
  return new ApiProblem(400, "validation-error", `${jsonPath(path)}: ${message}`);
}

/** Whether `value` lies in a `DateTimeRange`/`DateRange` at `path` (ISO strings compare as text). */
export function inRange(fields: RequestFields, path: string, value: string | undefined): boolean {
  const range = fields.get(path);
  if (range === undefined) return true;
  if (value === undefined) return false;
  const bound = (name: string): string | undefined => fields.optionalString(`${path}.${name}`);
  const greater = bound("greater");
  const greaterEqual = bound("greaterEqual");
  const lower = bound("lower");
  const lowerEqual = bound("lowerEqual");
  return (
    (greater === undefined || value > greater) &&
    (greaterEqual === undefined || value >= greaterEqual) &&
    (lower === undefined || value < lower) &&
    (lowerEqual === undefined || value <= lowerEqual)
  );
}

/** Whether a merchant falls in the request's `merchantScope` (absent: every merchant). */
export function inMerchantScope(
  fields: RequestFields,
  merchant: { acquirerId: string; merchantId: string; merchantRootId: string },
): boolean {
  const type = fields.get("merchantScope.merchantScopeType");
  if (fields.get("merchantScope") === undefined) return true;
  const list = (name: string): unknown[] => {
    const value = fields.get(`merchantScope.${name}`);
    return Array.isArray(value) ? value : [];
  };
  const item = (value: unknown, key: string): unknown =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  switch (type) {
    case "BY_ACQUIRER_IDS":
      return list("acquirerIds").includes(merchant.acquirerId);
    case "BY_MERCHANT_IDS":
      return list("merchantIds").some(
        (entry) =>
          item(entry, "acquirerId") === merchant.acquirerId &&
          item(entry, "merchantId") === merchant.merchantId,
      );
    case "BY_MERCHANT_ROOT_IDS":
      return list("merchantRootIds").some(
        (entry) =>
          item(entry, "acquirerId") === merchant.acquirerId &&
          item(entry, "merchantRootId") === merchant.merchantRootId,
      );
    default:
      throw invalid(
        "merchantScope.merchantScopeType",
        "must be BY_ACQUIRER_IDS, BY_MERCHANT_IDS or BY_MERCHANT_ROOT_IDS",
      );
  }
}

/** Whether an array filter at `path` is absent, empty, or contains `value`. */
export function inList(fields: RequestFields, path: string, value: unknown): boolean {
  const list = fields.get(path);
  return !Array.isArray(list) || list.length === 0 || list.includes(value);
}

/**
 * Paged searches: the first request (no `pagination.searchId`) runs the query and keeps the
 * ordered result under a new searchId; later requests with that searchId page through the same
 * snapshot, whatever their filters. `lastIndex` is the index of the last item returned.
 */
export class SearchSnapshots {
  readonly #snapshots = new Map<string, string[]>();

  /**
   * @param run runs the query, returning the ordered keys of every match.
   * @throws ApiProblem 400 for an unknown searchId or an out-of-range page.
   */
  page<T>(
    fields: RequestFields,
    run: () => string[],
    resolve: (key: string) => T | undefined,
  ): SearchPage<T> {
    const fromIndex = fields.optionalInteger("pagination.fromIndex") ?? 0;
    const pageSize = fields.optionalInteger("pagination.pageSize") ?? DEFAULT_PAGE_SIZE;
    if (fromIndex < 0) throw invalid("pagination.fromIndex", "must be 0 or more");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw invalid("pagination.pageSize", `must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    let searchId = fields.optionalString("pagination.searchId");
    let keys: string[];
    if (searchId === undefined) {
      searchId = newResourceId();
      keys = run();
      this.#snapshots.set(searchId, keys);
      if (this.#snapshots.size > MAX_SNAPSHOTS)
        this.#snapshots.delete(this.#snapshots.keys().next().value ?? "");
    } else {
      const kept = this.#snapshots.get(searchId);
      if (!kept) throw invalid("pagination.searchId", `unknown or expired search '${searchId}'`);
      keys = kept;
    }
    const items = keys
      .slice(fromIndex, fromIndex + pageSize)
      .map(resolve)
      .filter((item): item is T => item !== undefined);
    return {
      items,
      pagination: { lastIndex: fromIndex + items.length - 1, searchId, totalCount: keys.length },
    };
  }

  /** Forgets every snapshot. */
  clear(): void {
    this.#snapshots.clear();
  }
}
