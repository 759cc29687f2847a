import { createHmac, randomBytes } from "node:crypto";

/** A stored first answer, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  body: string;
}

/** What to do with a request carrying an `operationId`. */
export type IdempotenceDecision =
  { kind: "new" } | { kind: "replay"; answer: StoredAnswer } | { kind: "in-progress" } | { kind: "conflict" };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Duplicate detection by `operationId`, as the platform does it. A request is identified by a
 * keyed hash of its method, path and canonical JSON body, so no card data is kept. Only successful
 * answers are remembered: after an error the same `operationId` may be used again.
 */
export class IdempotenceStore {
  readonly #entries = new Map<string, { fingerprint: string; answer: StoredAnswer | undefined }>();
  /** Keys the fingerprints: a body may hold a card number, which a plain hash would let one guess. */
  readonly #key = randomBytes(32);

  /** The fingerprint of a request. */
  fingerprint(method: string, path: string, body: unknown): string {
    return createHmac("sha256", this.#key)
      .update(`${method} ${path}\n${canonical(body)}`)
      .digest("hex");
  }

  /** Claims `operationId` for a request, or says why it cannot be processed. */
  begin(operationId: string, fingerprint: string): IdempotenceDecision {
    const entry = this.#entries.get(operationId);
    if (!entry) {
      this.#entries.set(operationId, { fingerprint, answer: undefined });
      return { kind: "new" };
    }
    if (entry.fingerprint !== fingerprint) return { kind: "conflict" };
    return entry.answer ? { kind: "replay", answer: entry.answer } : { kind: "in-progress" };
  }

  /** Keeps the answer of a claimed `operationId` for replays. */
  complete(operationId: string, answer: StoredAnswer): void {
    const entry = this.#entries.get(operationId);
    if (entry) entry.answer = answer;
  }

  /** Releases a claimed `operationId` whose request failed. */
  release(operationId: string): void {
    if (this.#entries.get(operationId)?.answer === undefined) this.#entries.delete(operationId);
  }

  /** Forgets every operationId. */
  clear(): void {
    this.#entries.clear();
  }
}
