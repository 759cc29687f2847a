import type { inspect as Inspect, InspectOptionsStylized } from "node:util";
import { maskCardNumbers } from "./mask-card-numbers.js";
import { errorToJson, INSPECT_CUSTOM, inspectSafely, SAFE_FIELDS } from "./safe-view.js";

/**
 * A body was not the JSON it claimed to be. The parser's error is in `cause`. Neither quotes the
 * body; `util.inspect` and `JSON.stringify` show a safe view (see {@link ApiException}).
 */
export class MarshallerSyntaxException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(maskCardNumbers(message), options);
    this.name = new.target.name;
  }

  /** The safe view for `JSON.stringify`: name, message and the cause's. */
  toJSON(): Record<string, unknown> {
    return errorToJson(this);
  }

  /** The safe view for `util.inspect` and `console.log`. */
  [INSPECT_CUSTOM](depth: number, options: InspectOptionsStylized, inspect: typeof Inspect): string {
    return inspectSafely(this, depth, options, inspect);
  }

  /** The fields the safe view shows: none beyond name and message. @internal */
  [SAFE_FIELDS](): Record<string, unknown> {
    return {};
  }
}
