import type { Dispatcher } from "undici";
import { requestFailure } from "./to-communication-exception.js";
import type { TimeoutSettings } from "./to-communication-exception.js";

/**
 * Forwards a request's events to undici's own handler and calls `release` once, when the response
 * has been received in full or the request failed: the moment its connection is free again,
 * before any reader of the body resumes. A failure before the response is handed on as a
 * CommunicationException naming the request (method, origin, path), so that the request's
 * promise rejects with it directly; a failure while the body is read is handed on as it is, to the body's
 * reader. The requests it wraps never upgrade, so it has no `onUpgrade`. @internal
 */
export class CountedHandler implements Dispatcher.DispatchHandler {
  readonly #handler: Dispatcher.DispatchHandler;
  readonly #options: Dispatcher.DispatchOptions;
  readonly #timeouts: TimeoutSettings;
  #release: (() => void) | undefined;
  #responded = false;

  constructor(
    handler: Dispatcher.DispatchHandler,
    options: Dispatcher.DispatchOptions,
    timeouts: TimeoutSettings,
    release: () => void,
  ) {
    this.#handler = handler;
    this.#options = options;
    this.#timeouts = timeouts;
    this.#release = release;
  }

  onConnect(abort: (err?: Error) => void): void {
    this.#handler.onConnect?.(abort);
  }

  onResponseStarted(): void {
    this.#handler.onResponseStarted?.();
  }

  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean {
    this.#responded = true;
    return this.#handler.onHeaders?.(statusCode, headers, resume, statusText) ?? true;
  }

  onData(chunk: Buffer): boolean {
    return this.#handler.onData?.(chunk) ?? true;
  }

  onBodySent(chunkSize: number, totalBytesSent: number): void {
    this.#handler.onBodySent?.(chunkSize, totalBytesSent);
  }

  onComplete(trailers: string[] | null): void {
    this.#done();
    this.#handler.onComplete?.(trailers);
  }

  onError(error: Error): void {
    this.#done();
    if (this.#responded) {
      this.#handler.onError?.(error);
      return;
    }
    const { method, origin, path } = this.#options;
    this.#handler.onError?.(requestFailure(error, method, String(origin), path, this.#timeouts));
  }

  #done(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
