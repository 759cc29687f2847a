import type { Socket } from "node:net";

/** Counts the TCP connections a test server accepts and destroys the open ones on demand. */
export class SocketTracker {
  /** Connections accepted since the server started. */
  total = 0;
  readonly #open = new Set<Socket>();

  /** Connections currently open. */
  get open(): number {
    return this.#open.size;
  }

  /** Starts tracking a newly accepted socket. */
  track(socket: Socket): void {
    this.total++;
    this.#open.add(socket);
    socket.once("close", () => this.#open.delete(socket));
  }

  /** Destroys every open socket. */
  destroyAll(): void {
    for (const socket of this.#open) socket.destroy();
  }

  /** Resolves once at most `count` sockets are open; rejects after `timeoutMs`. */
  async waitForOpenAtMost(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.open > count) {
      if (Date.now() > deadline) {
        throw new Error(
          `expected at most ${count} open connections, still ${this.open} after ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
