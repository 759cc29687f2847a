import type { RetryOptions } from "../config/retry-options.js";
import { failureKind } from "./failure-kind.js";

/** Statuses that say "try again later" without the server having acted on the request. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Decides which failed attempts are repeated, and after how long. Only what cannot charge twice
 * is repeated: any request whose connection failed before a byte was sent; GET and DELETE also on
 * a reset connection and on 429, 502, 503 and 504. A POST or PUT the server may have received is
 * never sent again.
 */
export class RetryPolicy {
  readonly #options: Readonly<RetryOptions>;

  constructor(options: Readonly<RetryOptions>) {
    this.#options = options;
  }

  get maxRetries(): number {
    return this.#options.maxRetries;
  }

  /** Why a failure without a response may be retried, or undefined if it may not. */
  retryReasonForError(method: string, error: unknown): string | undefined {
    const kind = failureKind(error);
    if (kind === "connect") return "the connection failed before the request was sent";
    if (kind === "reset" && isIdempotent(method)) return "the connection was reset";
    return undefined;
  }

  /** Whether a response status may be retried for this method. */
  isRetryableStatus(method: string, statusCode: number): boolean {
    return isIdempotent(method) && RETRYABLE_STATUSES.has(statusCode);
  }

  /**
   * The delay before retry number `retry` (0-based): exponential with full jitter, within
   * [initialDelayMs, maxDelayMs]; a `Retry-After` value is used instead when given. Undefined when
   * `Retry-After` asks for longer than maxDelayMs: the retries end there.
   */
  delayMs(retry: number, retryAfter: string | undefined): number | undefined {
    const { initialDelayMs, maxDelayMs } = this.#options;
    const requested = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter);
    if (requested !== undefined) {
      return requested > maxDelayMs ? undefined : Math.max(initialDelayMs, requested);
    }
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** retry);
    return initialDelayMs + Math.random() * (ceiling - initialDelayMs);
  }
}

function isIdempotent(method: string): boolean {
  return method === "GET" || method === "DELETE";
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if unreadable. */
function parseRetryAfter(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
