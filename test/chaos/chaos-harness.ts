import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import { afterEach, beforeEach, expect } from "vitest";
import type { Client } from "../../src/client.js";
import { CommunicatorConfiguration } from "../../src/config/communicator-configuration.js";
import type { CommunicatorConfigurationOptions } from "../../src/config/communicator-configuration.js";
import { Factory } from "../../src/factory.js";
import type { ApiPaymentRequest, CardPaymentsClient } from "../../src/v1/index.js";
import { writeJson } from "../helpers/raw-http-server.js";
import type { RawHandler, RawRequest } from "../helpers/raw-http-server.js";

/** Where the chaos clients ask for their token, on the same server as the API. */
export const TOKEN_PATH = "/connect/token";

/** The card payments of the merchant every chaos call is made for. */
export function chaosPayments(client: Client): CardPaymentsClient {
  return client.v1().acquirer("100812").merchant("520001857").cardPayments();
}

/** Retry settings of the chaos clients: the default count with short delays. */
export const CHAOS_RETRY = { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 2_000 } as const;

/** A real SDK client (DefaultConnection, OAuth2) for a server at `origin`. */
export function chaosClient(
  origin: string,
  overrides: Partial<CommunicatorConfigurationOptions> = {},
): Client {
  return Factory.createClientFromConfiguration(
    new CommunicatorConfiguration({
      apiEndpoint: origin,
      oauth2TokenUri: `${origin}${TOKEN_PATH}`,
      oauth2ClientId: "chaos-client",
      oauth2ClientSecret: "chaos-secret",
      integrator: "chaos",
      connectTimeout: 2,
      socketTimeout: 5,
      retry: CHAOS_RETRY,
      ...overrides,
    }),
  );
}

/** Answers a token request with a valid one-hour token. */
export function answerToken(socket: Socket): void {
  writeJson(socket, 200, { access_token: `token-${randomUUID()}`, token_type: "Bearer", expires_in: 3600 });
}

/** A handler that issues tokens and passes every other request to `api`. */
export function withTokens(api: RawHandler): RawHandler {
  return (request, socket) => (request.url === TOKEN_PATH ? answerToken(socket) : api(request, socket));
}

/** The API requests a server saw (the token requests left out). */
export function apiRequests(requests: readonly RawRequest[]): RawRequest[] {
  return requests.filter((request) => request.url !== TOKEN_PATH);
}

/** A minimal payment request; no schema validation runs in the chaos clients. */
export function payment(): ApiPaymentRequest {
  return {
    operationId: randomUUID(),
    transactionTimestamp: new Date().toISOString(),
    amount: { amount: 1_000, currencyCode: "EUR", numberOfDecimals: 2 },
  };
}

/** A plausible payment answer. */
export function paymentAnswer(operationId = randomUUID()): Record<string, unknown> {
  return { paymentId: randomUUID(), operationId, status: "AUTHORIZED", responseCode: "0" };
}

const WATCHED = new Set(["TCPSocketWrap", "TCPServerWrap", "Timeout"]);

/** How many TCP sockets, TCP servers and timers the process holds, by kind. */
export function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = { TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 };
  for (const kind of process.getActiveResourcesInfo()) {
    if (WATCHED.has(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * Waits (at most 2 s: sockets close asynchronously) until the process holds no more TCP sockets,
 * servers and timers than `before`, and fails naming the leaked kinds otherwise.
 */
export async function expectHandlesReleased(before: Record<string, number>): Promise<void> {
  const deadline = performance.now() + 2_000;
  const leaked = () => {
    const now = handleCounts();
    return Object.keys(before)
      .filter((kind) => (now[kind] ?? 0) > (before[kind] ?? 0))
      .map((kind) => `${kind}: ${before[kind]} before, ${now[kind]} after`);
  };
  while (leaked().length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(leaked()).toEqual([]);
}

/** Something a chaos test starts and must stop. */
interface Closable {
  close(): Promise<void>;
}

/**
 * Per-test bookkeeping for chaos tests: snapshots the process's handles before each test, and
 * after it closes what the test registered, last registered first (so a client before its
 * server), and checks that no TCP
 * socket, server or timer is left behind.
 */
export function chaosScope(): { track<T extends Closable>(closable: T): T } {
  let before: Record<string, number> = {};
  const opened: Closable[] = [];
  beforeEach(() => {
    before = handleCounts();
  });
  afterEach(async () => {
    for (const closable of opened.splice(0).reverse()) await closable.close();
    await expectHandlesReleased(before);
  });
  return {
    track: (closable) => {
      opened.push(closable);
      return closable;
    },
  };
}
