import { CommunicationException } from "./communication-exception.js";

/**
 * A request that may have moved money ended without a response, and the `reverse` in-doubt policy
 * undid it with a technical reversal: whatever the platform did is cancelled, and the caller can
 * treat the operation as not done. `cause` is the OutcomeUnknownException of the request.
 */
export class OperationReversedException extends CommunicationException {
  /** The `operationId` of the reversed operation. */
  readonly operationId: string;
  /** Whether the platform had received the operation (false: it answered that it never saw it). */
  readonly wasReceived: boolean;

  constructor(message: string, operationId: string, wasReceived: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.operationId = operationId;
    this.wasReceived = wasReceived;
  }
}
