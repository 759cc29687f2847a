import type { Dispatcher } from "undici";

/**
 * Forwards a request's events to undici's own handler and calls `release` once, when the response
 * has been received in full or the request failed: the moment its connection is free again,
 * before any reader of the body resumes. A failure before the response is handed on as the
 * CommunicationException that `describeFailure` makes of it, so that the request's promise
 * rejects with it directly; a failure while the body is read is handed on as it is, to the body's
 * reader. The requests it wraps never upgrade, so it has no `onUpgrade`. @internal
 */
export class CountedHandler implements Dispatcher.DispatchHandler {
  readonly #handler: Dispatcher.DispatchHandler;
  readonly #describeFailure: (error: Error) => Error;
  #release: (() => void) | undefined;
  #responded = false;

  constructor(
    handler: Dispatcher.DispatchHandler,
    release: () => void,
    describeFailure: (error: Error) => Error,
  ) {
    this.#handler = handler;
    this.#release = release;
    this.#describeFailure = describeFailure;
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
    this.#handler.onError?.(this.#responded ? error : this.#describeFailure(error));
  }

  #done(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
