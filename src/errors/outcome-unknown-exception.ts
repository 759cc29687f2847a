import { CommunicationException } from "./communication-exception.js";
import { SAFE_FIELDS, safeText } from "./safe-view.js";

/**
 * A request that may move money (a POST or PUT) ended without a response after it was sent: the
 * platform may or may not have processed it. Never repeated automatically; check the payment's
 * status, or reverse the operation with a technical reversal of {@link operationId}.
 */
export class OutcomeUnknownException extends CommunicationException {
  /** The request's `operationId` (its idempotence key), when its body had one. */
  readonly operationId: string | undefined;

  constructor(message: string, operationId: string | undefined, options?: { cause?: unknown }) {
    super(
      `${message}; the outcome is unknown: the platform may have processed the request` +
        (operationId === undefined ? "" : ` (operationId '${operationId}')`),
      options,
    );
    this.operationId = operationId;
  }

  /** @internal */
  override [SAFE_FIELDS](): Record<string, unknown> {
    return { operationId: this.operationId === undefined ? undefined : safeText(this, this.operationId) };
  }
}
