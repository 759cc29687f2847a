/** Thrown into pending waits when the sandbox closes. */
export class SandboxClosedError extends Error {
  constructor() {
    super("the sandbox was closed");
    this.name = "SandboxClosedError";
  }
}

/** Timers the sandbox is waiting on, so that close() never waits for a slow answer. */
export class Delays {
  readonly #pending = new Map<NodeJS.Timeout, (error: Error) => void>();

  /** Resolves after `ms` milliseconds. @throws SandboxClosedError when cancelled. */
  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(timer);
        resolve();
      }, ms);
      this.#pending.set(timer, reject);
    });
  }

  /** Rejects every pending wait with {@link SandboxClosedError}. */
  cancelAll(): void {
    for (const [timer, reject] of this.#pending) {
      clearTimeout(timer);
      reject(new SandboxClosedError());
    }
    this.#pending.clear();
  }
}
