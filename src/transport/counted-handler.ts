import type { Dispatcher } from "undici";

/**
 * Forwards a request's events to undici's own handler and calls `release` once, when the response
 * has been received in full or the request failed: the moment its connection is free again,
 * before any reader of the body resumes. The requests it wraps never upgrade, so it has no
 * `onUpgrade`. @internal
 */
export class CountedHandler implements Dispatcher.DispatchHandler {
  readonly #handler: Dispatcher.DispatchHandler;
  #release: (() => void) | undefined;

  constructor(handler: Dispatcher.DispatchHandler, release: () => void) {
    this.#handler = handler;
    this.#release = release;
  }

  onConnect(abort: (err?: Error) => void): void {
    this.#handler.onConnect?.(abort);
  }

  onResponseStarted(): void {
    this.#handler.onResponseStarted?.();
  }

  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean {
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
    this.#handler.onError?.(error);
  }

  #done(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
