import { RequestFields } from "./request-fields.js";

/**
 * Failures the sandbox can simulate:
 * - `http500`, `http502`, `http504`: an HTML error page from the gateway; the request is not processed;
 * - `http503`, `http429`: a JSON API error with `Retry-After`; the request is not processed;
 * - `slow`: the normal answer, sent after `slowResponseMs`;
 * - `drop`: the request is processed, then the connection is destroyed without an answer.
 */
export type FaultKind = "http429" | "http500" | "http502" | "http503" | "http504" | "slow" | "drop";

/**
 * Magic amounts (minor units, any currency) that trigger a fault when they appear in a
 * processing request (`amount`, `incrementAmount`, `reversalAmount` or the DCC `transaction.amount`).
 */
export const FAULT_AMOUNTS = {
  http500: 99_500,
  http502: 99_502,
  http503: 99_503,
  http504: 99_504,
  http429: 99_429,
  slow: 99_510,
  drop: 99_520,
} as const satisfies Record<FaultKind, number>;

/** A fault armed through `Sandbox.injectFault`. */
export interface FaultRule {
  kind: FaultKind;
  /** Operation id (e.g. `getPaymentStatus`) or `"token"`; every request when absent. */
  operation?: string;
  /** How many matching requests fail; default 1. */
  times?: number;
}

const BY_AMOUNT: ReadonlyMap<number, FaultKind> = new Map(
  Object.entries(FAULT_AMOUNTS).map(([kind, amount]) => [amount, kind as FaultKind]),
);

/** The fault a magic amount triggers, if any. */
function faultForAmount(amount: unknown): FaultKind | undefined {
  return typeof amount === "number" ? BY_AMOUNT.get(amount) : undefined;
}

/** Amount fields whose magic values trigger faults. */
const FAULT_AMOUNT_PATHS = [
  "amount.amount",
  "incrementAmount.amount",
  "reversalAmount.amount",
  "transaction.amount.amount",
];

/** The fault a magic amount anywhere in a processing request body triggers, if any. */
export function faultInBody(body: unknown): FaultKind | undefined {
  const fields = new RequestFields(body);
  return FAULT_AMOUNT_PATHS.map((path) => faultForAmount(fields.get(path))).find((f) => f !== undefined);
}

/** Faults armed by tests, consumed in the order they were armed. */
export class FaultInjector {
  readonly #rules: { kind: FaultKind; operation: string | undefined; remaining: number }[] = [];

  /**
   * Arms a fault for the next matching requests.
   * @throws RangeError when `times` is not a positive integer.
   */
  inject(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError("times must be a positive integer");
    this.#rules.push({ kind: rule.kind, operation: rule.operation, remaining: times });
  }

  /** Consumes and returns the first armed fault matching `operation`. */
  take(operation: string): FaultKind | undefined {
    const index = this.#rules.findIndex((r) => r.operation === undefined || r.operation === operation);
    const rule = this.#rules[index];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.#rules.splice(index, 1);
    return rule.kind;
  }

  /** Disarms every fault. */
  clear(): void {
    this.#rules.length = 0;
  }
}
