import type { ApiExceptionInit } from "./api-exception.js";
import { ReferenceException } from "./reference-exception.js";
import { SAFE_FIELDS, safeText } from "./safe-view.js";

/**
 * 409 Conflict on a request whose body carries an `operationId`: the conflict is about that
 * idempotence key (for example its first request has not finished, or it was used for another
 * request). Extends {@link ReferenceException}, so code catching that still catches this.
 */
export class IdempotenceException extends ReferenceException {
  /** The request's `operationId`. */
  readonly idempotenceKey: string;

  constructor(init: ApiExceptionInit & { idempotenceKey: string }) {
    super(init);
    this.idempotenceKey = init.idempotenceKey;
  }

  /** @internal */
  override [SAFE_FIELDS](): Record<string, unknown> {
    return { ...super[SAFE_FIELDS](), idempotenceKey: safeText(this, this.idempotenceKey) };
  }
}
