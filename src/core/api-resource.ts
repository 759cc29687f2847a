import type { Communicator } from "./communicator.js";

/**
 * Base class of the generated resource clients. Each step of a resource chain
 * (`acquirer(id)`, `merchant(id)`, `cardPayments()`) is a new small object carrying the
 * communicator and the path ids captured so far.
 */
export abstract class ApiResource {
  protected readonly communicator: Communicator;
  protected readonly pathContext: Readonly<Record<string, string>>;

  constructor(communicator: Communicator, pathContext: Readonly<Record<string, string>> = {}) {
    this.communicator = communicator;
    // Frozen, so that the path it expands to can be cached.
    this.pathContext = Object.freeze(pathContext);
  }
}
