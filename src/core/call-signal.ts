import { CommunicationException } from "../errors/communication-exception.js";
import { raceAbort } from "../transport/race-abort.js";
import type { CallContext } from "./call-context.js";

/** The abort signal of one call: the caller's signal and the call's deadline, combined. */
export class CallSignal {
  /** The signal of a call without a CallContext: it never fires, and holds nothing to dispose. */
  static readonly NONE: CallSignal = new CallSignal(undefined);

  readonly signal: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #timeoutMs: number | undefined;
  readonly #onUserAbort: (() => void) | undefined;
  readonly #userSignal: AbortSignal | undefined;

  constructor(context: CallContext | undefined) {
    const userSignal = context?.signal;
    const timeoutMs = context?.timeoutMs;
    this.#userSignal = userSignal;
    this.#timeoutMs = timeoutMs;
    if (timeoutMs === undefined) {
      this.signal = userSignal;
      return;
    }
    const controller = new AbortController();
    this.signal = controller.signal;
    this.#timer = setTimeout(() => controller.abort(new DeadlineExceeded(timeoutMs)), timeoutMs);
    if (userSignal) {
      this.#onUserAbort = () => controller.abort(userSignal.reason);
      userSignal.addEventListener("abort", this.#onUserAbort, { once: true });
    }
  }

  /** The error to reject the call with, when the signal has fired; undefined otherwise. */
  failure(method: string, path: string): CommunicationException | undefined {
    const signal = this.signal;
    if (!signal?.aborted) return undefined;
    const reason: unknown = signal.reason;
    if (reason instanceof DeadlineExceeded) {
      return new CommunicationException(
        `${method} ${path}: the call's deadline of ${this.#timeoutMs} ms passed`,
        {
          cause: reason,
        },
      );
    }
    return new CommunicationException(`${method} ${path}: the call was aborted`, { cause: reason });
  }

  /** Settles `promise`, or rejects as soon as the signal fires. */
  race<T>(promise: Promise<T>): Promise<T> {
    return this.signal ? raceAbort(promise, this.signal) : promise;
  }

  /** Stops the deadline timer and detaches from the caller's signal. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#onUserAbort) this.#userSignal?.removeEventListener("abort", this.#onUserAbort);
  }
}

/** The reason a call's deadline gives when it fires. */
export class DeadlineExceeded extends Error {
  constructor(timeoutMs: number) {
    super(`deadline of ${timeoutMs} ms exceeded`);
    this.name = "DeadlineExceeded";
  }
}
