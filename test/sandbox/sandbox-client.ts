import { randomUUID } from "node:crypto";
import { request } from "undici";
import type { Sandbox } from "../../src/sandbox/index.js";
import { SANDBOX_MERCHANT, TEST_CARDS } from "../../src/sandbox/index.js";

/** Where a sandbox listens and the credentials it accepts. */
export type SandboxAddress = Pick<Sandbox, "apiEndpoint" | "tokenUri" | "clientId" | "clientSecret">;

/** A plain HTTP answer: status, lower-case headers, raw body and its JSON when it parses. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk arbitrary JSON answers
  json: any;
}

/** Sends one request to the sandbox over real HTTP and reads the whole answer. */
export async function send(
  url: string,
  init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const response = await request(url, {
    method: init.method ?? "GET",
    headers: init.headers ?? {},
    body: init.body ?? null,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

/** Asks the token endpoint for a token with the form-body credentials. */
export async function fetchToken(sandbox: SandboxAddress, scope?: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: sandbox.clientId,
    client_secret: sandbox.clientSecret,
  });
  if (scope !== undefined) form.set("scope", scope);
  const answer = await send(sandbox.tokenUri, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  if (answer.status !== 200) throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return answer.json.access_token as string;
}

/** JSON calls to the API with one bearer token. */
export class ApiClient {
  readonly #sandbox: SandboxAddress;
  readonly #token: string;

  constructor(sandbox: SandboxAddress, token: string) {
    this.#sandbox = sandbox;
    this.#token = token;
  }

  static async connect(sandbox: SandboxAddress, scope?: string): Promise<ApiClient> {
    return new ApiClient(sandbox, await fetchToken(sandbox, scope));
  }

  get(path: string): Promise<Answer> {
    return send(`${this.#sandbox.apiEndpoint}${path}`, {
      headers: { authorization: `Bearer ${this.#token}` },
    });
  }

  post(path: string, body: unknown): Promise<Answer> {
    return send(`${this.#sandbox.apiEndpoint}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.#token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  postRaw(path: string, contentType: string, body: Buffer | string): Promise<Answer> {
    return send(`${this.#sandbox.apiEndpoint}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.#token}`, "content-type": contentType },
      body,
    });
  }
}

/** The processing path prefix of the sandbox merchant. */
export const MERCHANT_PATH = `/processing/v1/${SANDBOX_MERCHANT.acquirerId}/${SANDBOX_MERCHANT.merchantId}`;

/** An amount in euro cents. */
export function eur(amount: number) {
  return { amount, currencyCode: "EUR", numberOfDecimals: 2 };
}

/** A realistic e-commerce ApiPaymentRequest; `overrides` replace top-level fields. */
export function paymentRequest(
  options: {
    amount?: number;
    cardNumber?: string;
    expiryDate?: string;
    allowPartialApproval?: boolean;
    captureImmediately?: boolean;
  } = {},
  overrides: Record<string, unknown> = {},
) {
  return {
    operationId: randomUUID(),
    transactionTimestamp: new Date().toISOString(),
    amount: eur(options.amount ?? 10_000),
    authorizationType: "FINAL_AUTHORIZATION",
    cardPaymentData: {
      captureImmediately: options.captureImmediately ?? false,
      allowPartialApproval: options.allowPartialApproval ?? false,
      cardEntryMode: "ECOMMERCE",
      cardholderVerificationMethod: "CARD_SECURITY_CODE",
      cardData: {
        cardNumber: options.cardNumber ?? TEST_CARDS.visaApproved.cardNumber,
        expiryDate: options.expiryDate ?? "122030",
        cardSecurityCode: "123",
      },
      ecommerceData: { scaExemptionRequest: "LOW_VALUE_PAYMENT" },
    },
    merchant: {
      name: "Sandbox Electronics",
      city: "Brussels",
      countryCode: "BE",
      merchantCategoryCode: 5732,
    },
    references: { merchantReference: `order-${randomUUID().slice(0, 8)}` },
    ...overrides,
  };
}

/** A body for operations that need only an operationId and a timestamp, plus `extra`. */
export function operation(extra: Record<string, unknown> = {}) {
  return { operationId: randomUUID(), transactionTimestamp: new Date().toISOString(), ...extra };
}
