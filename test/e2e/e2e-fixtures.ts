import { randomUUID } from "node:crypto";
import type { Client } from "../../src/client.js";
import { CommunicatorConfiguration } from "../../src/config/communicator-configuration.js";
import type { CommunicatorConfigurationOptions } from "../../src/config/communicator-configuration.js";
import { Factory } from "../../src/factory.js";
import { SANDBOX_MERCHANT, TEST_CARDS } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import type {
  AmountData,
  ApiPaymentRequest,
  ApiRefundRequest,
  CardPaymentDataForVerification,
  GetDccRateRequest,
  MerchantClient,
} from "../../src/v1/index.js";

/** Retry delays small enough for tests; the `Retry-After` of the sandbox (1 s) still fits. */
export const FAST_RETRY = { maxRetries: 2, initialDelayMs: 20, maxDelayMs: 1_500 } as const;

/**
 * A real SDK client for the sandbox: Factory, OAuth2 against its token endpoint, DefaultConnection
 * over loopback, request validation on. `overrides` replace any configuration setting.
 */
export function sandboxClient(
  sandbox: Sandbox,
  overrides: Partial<CommunicatorConfigurationOptions> = {},
): Client {
  return Factory.createClientFromConfiguration(
    new CommunicatorConfiguration({
      apiEndpoint: sandbox.apiEndpoint,
      oauth2TokenUri: sandbox.tokenUri,
      oauth2ClientId: sandbox.clientId,
      oauth2ClientSecret: sandbox.clientSecret,
      integrator: "e2e",
      validateRequests: true,
      connectTimeout: 5,
      socketTimeout: 10,
      retry: FAST_RETRY,
      ...overrides,
    }),
  );
}

/** The seeded merchant's resources (its disputes live under it too). */
export function merchantOf(client: Client): MerchantClient {
  return client.v1().acquirer(SANDBOX_MERCHANT.acquirerId).merchant(SANDBOX_MERCHANT.merchantId);
}

/** An amount in euro cents. */
export function eur(amount: number): AmountData {
  return { amount, currencyCode: "EUR", numberOfDecimals: 2 };
}

/** A fresh operationId and transaction timestamp, as every processing request needs. */
export function stamp(): { operationId: string; transactionTimestamp: string } {
  return { operationId: randomUUID(), transactionTimestamp: new Date().toISOString() };
}

/** A schema-valid e-commerce payment request. */
export function paymentRequest(
  options: {
    amount?: number;
    cardNumber?: string;
    expiryDate?: string;
    allowPartialApproval?: boolean;
    captureImmediately?: boolean;
  } = {},
): ApiPaymentRequest {
  return {
    ...stamp(),
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
    merchant: { name: "E2E Electronics", city: "Brussels", countryCode: "BE", merchantCategoryCode: 5732 },
    references: { merchantReference: `order-${randomUUID().slice(0, 8)}` },
  };
}

/** A schema-valid card-based (standalone) refund request. */
export function standaloneRefundRequest(
  amount: number,
  cardNumber: string = TEST_CARDS.mastercardApproved.cardNumber,
): ApiRefundRequest {
  return {
    ...stamp(),
    amount: eur(amount),
    cardPaymentData: {
      cardEntryMode: "ECOMMERCE",
      cardholderVerificationMethod: "NONE",
      cardData: { cardNumber, expiryDate: "062031" },
    },
    merchant: { name: "E2E Electronics", countryCode: "BE" },
    references: { merchantReference: "refund-e2e" },
  };
}

/** Card-present card data for account verifications and balance inquiries. */
export function chipCard(cardNumber: string): CardPaymentDataForVerification {
  return {
    cardEntryMode: "CHIP",
    cardholderVerificationMethod: "ONLINE_PIN",
    cardData: { cardNumber, expiryDate: "092029", cardSequenceNumber: 1 },
  };
}

/** A schema-valid DCC quote request for EUR → USD, optionally reusing an earlier quote's rate. */
export function dccRequest(amount: number, rateReferenceId?: string): GetDccRateRequest {
  return {
    operationId: randomUUID(),
    targetCurrency: "USD",
    cardPaymentData: {
      bin: "411111111111",
      brand: "VISA",
      cardCountryCode: "US",
      cardEntryMode: "ECOMMERCE",
    },
    pointOfSaleData: { terminalCountryCode: "BE", terminalId: "SBX00001" },
    transaction: {
      amount: eur(amount),
      transactionTimestamp: new Date().toISOString(),
      transactionType: "PAYMENT",
    },
    ...(rateReferenceId === undefined ? {} : { rateReferenceId }),
  };
}

/** What a promise rejected with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject, but it resolved");
}
