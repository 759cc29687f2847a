import type { inspect as Inspect, InspectOptionsStylized } from "node:util";
import { maskCardNumbers } from "./mask-card-numbers.js";
import { errorToJson, INSPECT_CUSTOM, inspectSafely, SAFE_FIELDS } from "./safe-view.js";

/**
 * The base of the SDK's root exceptions: card-number-like digit runs in the message are masked,
 * and `util.inspect` and `JSON.stringify` show a safe view (name, message, the fields of
 * `[SAFE_FIELDS]()`, masked, and the cause's view) instead of the raw fields. @internal
 */
export abstract class SafeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(maskCardNumbers(message), options);
    this.name = new.target.name;
  }

  /** The safe view for `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return errorToJson(this);
  }

  /** The safe view for `util.inspect` and `console.log`. */
  [INSPECT_CUSTOM](depth: number, options: InspectOptionsStylized, inspect: typeof Inspect): string {
    return inspectSafely(this, depth, options, inspect);
  }

  /** The fields the safe view shows, masked; none beyond name and message unless overridden. @internal */
  [SAFE_FIELDS](): Record<string, unknown> {
    return {};
  }
}
