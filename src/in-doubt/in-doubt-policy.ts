import { randomUUID } from "node:crypto";
import type { InDoubtResolver } from "../core/communicator.js";
import type { Operation, OperationCall } from "../core/operation.js";
import { ReferenceException } from "../errors/reference-exception.js";
import { OperationReversedException } from "../errors/operation-reversed-exception.js";
import type { OutcomeUnknownException } from "../errors/outcome-unknown-exception.js";
import { v1Operations } from "../v1/index.js";

/**
 * What the SDK does when a money-moving request ends without a response after it was sent:
 * - `report` (default): raise the OutcomeUnknownException and do nothing else;
 * - `reverse`: send a technical reversal for the request's `operationId`, then raise an
 *   OperationReversedException (or the OutcomeUnknownException if the reversal failed too);
 * - `resend`: send the same request again, with the same `operationId`, once: the platform
 *   recognises the id and answers as for the first one, so nothing is charged twice.
 */
export type InDoubtPolicy = "report" | "reverse" | "resend";

export const IN_DOUBT_POLICIES: readonly InDoubtPolicy[] = ["report", "reverse", "resend"];

const TECHNICAL_REVERSAL = v1Operations.find((operation) => operation.id === "technicalReversal")!;
const PROCESSING_PREFIX = "/processing/v1/{acquirerId}/{merchantId}/";

/** The resolver for a policy, or undefined for `report`. */
export function inDoubtResolver(policy: InDoubtPolicy): InDoubtResolver | undefined {
  if (policy === "report") return undefined;
  return async (execute, operation, call, error) => {
    const operationId = error.operationId;
    if (operationId === undefined || !isReversible(operation)) throw error;
    if (policy === "resend") return execute(operation, call);
    return reverse(execute, operation, call, operationId, error);
  };
}

function isReversible(operation: Operation): boolean {
  return (
    operation.method === "POST" &&
    operation.path.startsWith(PROCESSING_PREFIX) &&
    operation !== TECHNICAL_REVERSAL
  );
}

async function reverse(
  execute: (operation: Operation, call: OperationCall) => Promise<unknown>,
  operation: Operation,
  call: OperationCall,
  operationId: string,
  error: OutcomeUnknownException,
): Promise<never> {
  const { acquirerId, merchantId } = call.pathParams;
  let wasReceived = true;
  try {
    await execute(TECHNICAL_REVERSAL, {
      pathParams: { acquirerId: acquirerId!, merchantId: merchantId!, operationId },
      body: {
        operationId: randomUUID(),
        reason: "TIMEOUT",
        transactionTimestamp: new Date(),
      },
      context: call.context,
    });
  } catch (reversalError) {
    // 404: the platform never received the operation, so there is nothing to undo.
    if (!(reversalError instanceof ReferenceException && reversalError.statusCode === 404)) throw error;
    wasReceived = false;
  }
  throw new OperationReversedException(
    `${operation.id} ended without a response and was ${wasReceived ? "undone by a technical reversal" : "never received by the platform"} ` +
      `(operationId '${operationId}'): nothing was done`,
    operationId,
    wasReceived,
    { cause: error },
  );
}
