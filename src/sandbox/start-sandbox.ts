import type { FaultRule } from "./faults.js";
import { paymentAmounts, paymentResource, refundResource } from "./processing-views.js";
import { SANDBOX_SCOPES, type SandboxScope } from "./scopes.js";
import { SandboxServer, TOKEN_PATH, type SandboxRequestRecord } from "./sandbox-server.js";

/** The fixed client credentials the sandbox accepts unless others are given. */
export const DEFAULT_SANDBOX_CREDENTIALS = {
  clientId: "acquiring-sandbox-client",
  clientSecret: "acquiring-sandbox-secret",
} as const;

/** A payment's amounts in its minor units, see {@link Sandbox.getPaymentAmounts}. */
export type PaymentAmounts = ReturnType<typeof paymentAmounts>;

/** A payment as `getPaymentStatus` with `returnOperations=true` answers it (`ApiPaymentResource`). */
export type SandboxPaymentView = ReturnType<typeof paymentResource>;

/** A refund as `getRefund` with `returnOperations=true` answers it (`ApiRefundResource`). */
export type SandboxRefundView = ReturnType<typeof refundResource>;

/** Options of {@link startSandbox}; every one is optional. */
export interface SandboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Lifetime of issued access tokens, in seconds; default 3600. */
  tokenTtlSeconds?: number;
  /** Accepted client id; default {@link DEFAULT_SANDBOX_CREDENTIALS}. */
  clientId?: string;
  /** Accepted client secret; default {@link DEFAULT_SANDBOX_CREDENTIALS}. */
  clientSecret?: string;
  /** Delay added before every answer, in milliseconds; default 0. */
  latencyMs?: number;
  /** Delay of the `slow` fault, in milliseconds; default 3000. */
  slowResponseMs?: number;
  /** `Retry-After` of the `http503` and `http429` faults, in seconds; default 1. */
  retryAfterSeconds?: number;
  /** Clock in epoch milliseconds, for token expiry and timestamps; default `Date.now`. */
  now?: () => number;
}

/** A running simulator of the Acquiring API. */
export interface Sandbox extends AsyncDisposable {
  /** Base URL to configure as the SDK's `apiEndpoint`, e.g. `http://127.0.0.1:49152`. */
  readonly apiEndpoint: string;
  /** OAuth2 token endpoint (`<apiEndpoint>/connect/token`). */
  readonly tokenUri: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The bound port. */
  readonly port: number;
  /** The scopes a token can be granted. */
  readonly scopes: readonly SandboxScope[];
  /** The requests received since start or the last reset, oldest first (at least the latest 10,000). */
  readonly requests: readonly SandboxRequestRecord[];
  /** How many requests went to an operation (e.g. `processPayment`, `"token"`), or to any. */
  countRequests(operation?: string): number;
  /**
   * Makes the next matching request(s) fail.
   * @throws RangeError when `times` is not a positive integer.
   */
  injectFault(rule: FaultRule): void;
  /** Disarms every injected fault. */
  clearFaults(): void;
  /** Invalidates every issued access token (API calls then answer 401). */
  revokeTokens(): void;
  /** Forgets payments, refunds, rates, operationIds, faults and the request log; reseeds disputes. Tokens stay valid. */
  reset(): void;
  /** A payment as `getPaymentStatus` with `returnOperations=true` shows it, or undefined. */
  getPayment(paymentId: string): SandboxPaymentView | undefined;
  /**
   * The bookkeeping of a payment in its minor units (`authorized` incl. increments, `reversed`,
   * `captured`, `refunded`, `leftToCapture`, `leftToRefund`), or undefined.
   */
  getPaymentAmounts(paymentId: string): PaymentAmounts | undefined;
  /** A refund as `getRefund` with `returnOperations=true` shows it, or undefined. */
  getRefund(refundId: string): SandboxRefundView | undefined;
  /** Stops the server and cuts every connection, in-flight ones included. */
  close(): Promise<void>;
}

function check(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`sandbox option '${name}' must be an integer between ${min} and ${max}`);
  }
  return value;
}

function checkText(name: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`sandbox option '${name}' must be a non-empty string`);
  }
  return value;
}

/**
 * Starts the embedded simulator of the Worldline Acquiring API: plain `node:http`, state in
 * memory, on 127.0.0.1 and a random port by default.
 * @throws RangeError or TypeError naming the option when an option is invalid; the listen error
 * (e.g. EADDRINUSE) when the port cannot be bound.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = checkText("host", options.host ?? "127.0.0.1");
  const port = check("port", options.port ?? 0, 0, 65_535);
  const clientId = checkText("clientId", options.clientId ?? DEFAULT_SANDBOX_CREDENTIALS.clientId);
  const clientSecret = checkText(
    "clientSecret",
    options.clientSecret ?? DEFAULT_SANDBOX_CREDENTIALS.clientSecret,
  );
  const server = new SandboxServer({
    credentials: { clientId, clientSecret },
    tokenTtlSeconds: check("tokenTtlSeconds", options.tokenTtlSeconds ?? 3600, 1),
    latencyMs: check("latencyMs", options.latencyMs ?? 0, 0),
    slowResponseMs: check("slowResponseMs", options.slowResponseMs ?? 3000, 0),
    retryAfterSeconds: check("retryAfterSeconds", options.retryAfterSeconds ?? 1, 0),
    now: options.now ?? Date.now,
  });
  const address = await server.listen(port, host);
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const apiEndpoint = `http://${hostPart}:${address.port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= server.close());
  return {
    apiEndpoint,
    tokenUri: `${apiEndpoint}${TOKEN_PATH}`,
    clientId,
    clientSecret,
    port: address.port,
    scopes: SANDBOX_SCOPES,
    requests: server.requests,
    countRequests: (operation) => server.countRequests(operation),
    injectFault: (rule) => server.faults.inject(rule),
    clearFaults: () => server.faults.clear(),
    revokeTokens: () => server.tokens.revokeAll(),
    reset: () => server.reset(),
    getPayment: (paymentId) => {
      const payment = server.processing.payments.get(paymentId);
      return payment && paymentResource(payment, true);
    },
    getPaymentAmounts: (paymentId) => {
      const payment = server.processing.payments.get(paymentId);
      return payment && paymentAmounts(payment);
    },
    getRefund: (refundId) => {
      const refund = server.processing.refunds.get(refundId);
      return refund && refundResource(refund, true);
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
