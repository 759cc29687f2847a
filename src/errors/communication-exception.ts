import type { inspect as Inspect, InspectOptionsStylized } from "node:util";
import { maskCardNumbers } from "./mask-card-numbers.js";
import { errorToJson, INSPECT_CUSTOM, inspectSafely, SAFE_FIELDS } from "./safe-view.js";

/**
 * The platform could not be reached or answered with something that is not an API response:
 * a network fault, a timeout, a refused connection, a TLS failure, a deadline or a cancellation.
 * The underlying failure is in `cause`. Card-number-like digit runs in the message are masked;
 * `util.inspect` and `JSON.stringify` show a safe view (see {@link ApiException}).
 */
export class CommunicationException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(maskCardNumbers(message), options);
    this.name = new.target.name;
  }

  /** The safe view for `JSON.stringify`: name, message, the masked fields and the cause's. */
  toJSON(): Record<string, unknown> {
    return errorToJson(this);
  }

  /** The safe view for `util.inspect` and `console.log`. */
  [INSPECT_CUSTOM](depth: number, options: InspectOptionsStylized, inspect: typeof Inspect): string {
    return inspectSafely(this, depth, options, inspect);
  }

  /** The fields the safe view shows, masked. @internal */
  [SAFE_FIELDS](): Record<string, unknown> {
    return {};
  }
}
