// What the benchmark's coordinator (main.ts) and its comparison processes (pair.ts) share.
import { createRequire } from "node:module";
import type * as Sdk from "../src/index.js";
import type { ApiPaymentRequest } from "../src/index.js";

// The built package, as users get it; typed by its source.
export const sdk = createRequire(import.meta.url)("../dist/index.js") as typeof Sdk;

export const MAX_CONNECTIONS = 32;
export const ACQUIRER = "100812";
export const MERCHANT = "520001857";
export const PAYMENT_PATH = `/processing/v1/${ACQUIRER}/${MERCHANT}/payments`;

export const REQUEST: ApiPaymentRequest = {
  operationId: "bench-operation",
  transactionTimestamp: "2024-06-01T12:34:56.789+02:00",
  amount: { amount: 12345, currencyCode: "EUR", numberOfDecimals: 2 },
  authorizationType: "PRE_AUTHORIZATION",
  cardPaymentData: {
    brand: "VISA",
    captureImmediately: false,
    cardEntryMode: "ECOMMERCE",
    cardholderVerificationMethod: "CARD_SECURITY_CODE",
    allowPartialApproval: false,
    cardData: { cardNumber: "4111111111111111", expiryDate: "122030", cardSecurityCode: "123" },
    ecommerceData: { scaExemptionRequest: "LOW_VALUE_PAYMENT" },
  },
  references: { merchantReference: "order-0001", dynamicDescriptor: "ACME*ORDER0001" },
  merchant: { name: "Acme Shop", city: "Brussels", countryCode: "BE", merchantCategoryCode: 5999 },
};

/** The SDK configuration of every benchmark client, against the loopback server at `origin`. */
export function benchConfiguration(origin: string): Sdk.CommunicatorConfiguration {
  return new sdk.CommunicatorConfiguration({
    apiEndpoint: origin,
    oauth2TokenUri: `${origin}/token`,
    oauth2ClientId: "bench-client",
    oauth2ClientSecret: "bench-secret",
    integrator: "Bench",
    maxConnections: MAX_CONNECTIONS,
  });
}

/** The card-payments resource of a client. */
export function cardPayments(client: Sdk.Client): Sdk.CardPaymentsClient {
  return client.v1().acquirer(ACQUIRER).merchant(MERCHANT).cardPayments();
}

/** The clients compared: raw undici, the SDK, the SDK logging to a logger that does nothing. */
export type ContenderName = "raw" | "sdk" | "sdk + no-op logger";

/** What a pair process (pair.ts) is asked to run. */
export interface PairTask {
  names: [ContenderName, ContenderName];
  origin: string;
  calls: number;
  concurrency: number;
  rounds: number;
  /** Rotates the order of the contenders within a round, so that sets of rounds start differently. */
  firstRound: number;
}

/** Each contender's rounds, in the order of the task's names. */
export interface PairResult {
  rounds: RoundResult[][];
}

export type Call = () => Promise<unknown>;

export interface RoundResult {
  callsPerSecond: number;
  /** Client CPU time (user + system) per call: steadier than throughput on a shared machine. */
  cpuUsPerCall: number;
  latencies: number[];
}

export const gc = (globalThis as { gc?: () => void }).gc;

/** One measured round; the heap is collected first, so that no round pays for the last one's garbage. */
export async function round(call: Call, calls: number, concurrency: number): Promise<RoundResult> {
  gc?.();
  const latencies: number[] = new Array<number>(calls);
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < calls) {
      const index = next++;
      const begin = performance.now();
      await call();
      latencies[index] = performance.now() - begin;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    callsPerSecond: calls / (elapsed / 1000),
    cpuUsPerCall: (used.user + used.system) / calls,
    latencies,
  };
}
