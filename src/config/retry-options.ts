/** Automatic retries of requests that are safe to repeat. */
export interface RetryOptions {
  /** How many times a failed request may be repeated; 0 disables retries. Default 2. */
  maxRetries: number;
  /** The smallest delay before a retry, in milliseconds. Default 200. */
  initialDelayMs: number;
  /** The largest delay before a retry, in milliseconds. Default 5000. */
  maxDelayMs: number;
}

/** The default retry options. */
export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 200,
  maxDelayMs: 5000,
});
