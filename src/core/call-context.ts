/** Options of a {@link CallContext}. */
export interface CallContextOptions {
  /** Cancels the call: it rejects with a CommunicationException whose `cause` is the abort reason. */
  signal?: AbortSignal;
  /**
   * A deadline in milliseconds over the whole call (token request and retries included); when
   * it passes the call rejects with a CommunicationException saying so.
   */
  timeoutMs?: number;
}

/** Per-call options: cancellation and a deadline. `new CallContext()` is valid. */
export class CallContext {
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number | undefined;

  constructor(options: CallContextOptions = {}) {
    if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
      throw new RangeError(
        `CallContext timeoutMs must be a positive number of milliseconds, got ${options.timeoutMs}`,
      );
    }
    this.signal = options.signal;
    this.timeoutMs = options.timeoutMs;
  }
}
