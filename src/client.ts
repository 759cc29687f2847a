import type { Communicator } from "./core/communicator.js";
import type { BodyObfuscator } from "./log/body-obfuscator.js";
import type { CommunicatorLogger } from "./log/communicator-logger.js";
import type { HeaderObfuscator } from "./log/header-obfuscator.js";

/**
 * The entry point to the API: `client.v1()` leads to every operation. Reusable for concurrent
 * calls; close it (or `await using` it) when done. Clients made from one Communicator share it:
 * closing any of them closes it for all.
 */
export class Client {
  readonly #communicator: Communicator;

  constructor(communicator: Communicator) {
    this.#communicator = communicator;
  }

  /** Logs every request and response (obfuscated) to `logger`, until {@link disableLogging}. */
  enableLogging(logger: CommunicatorLogger): void {
    this.#communicator.enableLogging(logger);
  }

  disableLogging(): void {
    this.#communicator.disableLogging();
  }

  setBodyObfuscator(obfuscator: BodyObfuscator): void {
    this.#communicator.setBodyObfuscator(obfuscator);
  }

  setHeaderObfuscator(obfuscator: HeaderObfuscator): void {
    this.#communicator.setHeaderObfuscator(obfuscator);
  }

  /** Closes pooled connections idle for at least `idleTimeMs` milliseconds. */
  closeIdleConnections(idleTimeMs: number): void {
    this.#communicator.closeIdleConnections(idleTimeMs);
  }

  /** Closes pooled connections that can no longer be used. */
  closeExpiredConnections(): void {
    this.#communicator.closeExpiredConnections();
  }

  /** Closes the communicator, and so every client sharing it; calls afterwards reject. */
  close(): Promise<void> {
    return this.#communicator.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
