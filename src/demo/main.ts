// `npm start`: a payment's whole life on the embedded simulator, through the SDK, step by step.
import { randomUUID } from "node:crypto";
import { Factory } from "../factory.js";
import { CommunicatorConfiguration } from "../config/communicator-configuration.js";
import { ConsoleCommunicatorLogger } from "../log/console-communicator-logger.js";
import { ApiException } from "../errors/api-exception.js";
import { SANDBOX_MERCHANT, startSandbox } from "../sandbox/index.js";
import type { AmountData, ApiPaymentRequest } from "../v1/index.js";

const eur = (amount: number): AmountData => ({ amount, currencyCode: "EUR", numberOfDecimals: 2 });
const now = (): string => new Date().toISOString();
const money = (value: AmountData | undefined): string =>
  value
    ? `${((value.amount ?? 0) / 10 ** (value.numberOfDecimals ?? 2)).toFixed(value.numberOfDecimals ?? 2)} ${value.currencyCode ?? ""}`
    : "-";

function step(title: string, lines: Record<string, unknown>): void {
  console.log(`\n== ${title}`);
  for (const [name, value] of Object.entries(lines)) console.log(`   ${name.padEnd(22)} ${String(value)}`);
}

async function main(): Promise<void> {
  await using sandbox = await startSandbox();
  console.log(`Acquiring API simulator on ${sandbox.apiEndpoint}`);
  await using client = Factory.createClientFromConfiguration(
    new CommunicatorConfiguration({
      apiEndpoint: sandbox.apiEndpoint,
      oauth2TokenUri: sandbox.tokenUri,
      oauth2ClientId: sandbox.clientId,
      oauth2ClientSecret: sandbox.clientSecret,
      integrator: "acquiring-sdk demo",
      validateRequests: true,
    }),
  );
  const merchant = client.v1().acquirer(SANDBOX_MERCHANT.acquirerId).merchant(SANDBOX_MERCHANT.merchantId);

  console.log("\nThe first call is logged, to show what a log holds: the card number, expiry date,");
  console.log("security code and access token are masked before any logger sees them.\n");
  client.enableLogging(new ConsoleCommunicatorLogger());
  const request: ApiPaymentRequest = {
    operationId: randomUUID(),
    transactionTimestamp: new Date(),
    amount: eur(10_000),
    authorizationType: "PRE_AUTHORIZATION",
    cardPaymentData: {
      cardEntryMode: "ECOMMERCE",
      cardholderVerificationMethod: "CARD_SECURITY_CODE",
      captureImmediately: false,
      cardData: { cardNumber: "4111111111111111", expiryDate: "122030", cardSecurityCode: "123" },
    },
    references: { merchantReference: `order-${Date.now()}` },
  };
  const payment = await merchant.cardPayments().processPayment(request);
  client.disableLogging();
  const paymentId = payment.paymentId!;
  step("1. processPayment: authorise 100.00 EUR", {
    paymentId,
    status: payment.status,
    responseCode: `${payment.responseCode} (${payment.responseCodeDescription})`,
    authorized: money(payment.totalAuthorizedAmount),
  });

  const status = await merchant.cardPayments().getPaymentStatus(paymentId, { returnOperations: true });
  step("2. getPaymentStatus", {
    status: status.status,
    operations: status.operations?.map((operation) => operation.operationType).join(", "),
  });

  const capture = await merchant.cardPayments().simpleCaptureOfPayment(paymentId, {
    operationId: randomUUID(),
    transactionTimestamp: now(),
    amount: eur(6_000),
  });
  step("3. simpleCaptureOfPayment: capture 60.00 EUR", {
    status: capture.payment?.status,
    responseCode: capture.responseCode,
  });

  const refund = await merchant.cardPayments().createRefund(paymentId, {
    operationId: randomUUID(),
    transactionTimestamp: now(),
    amount: eur(2_000),
  });
  step("4. createRefund: refund 20.00 EUR", {
    refundId: refund.refund?.refundId,
    status: refund.refund?.status,
  });

  const reversal = await merchant.cardPayments().reverseAuthorization(paymentId, {
    operationId: randomUUID(),
    transactionTimestamp: now(),
    reversalAmount: eur(4_000),
  });
  step("5. reverseAuthorization: release the 40.00 EUR left", {
    status: reversal.payment?.status,
    authorized: money(reversal.totalAuthorizedAmount),
  });

  const rate = await merchant.dynamicCurrencyConversion().requestDccRate({
    operationId: randomUUID(),
    targetCurrency: "USD",
    cardPaymentData: { bin: "411111", brand: "VISA" },
    transaction: { amount: eur(10_000), transactionType: "PAYMENT", transactionTimestamp: now() },
  });
  step("6. requestDccRate: 100.00 EUR in USD", {
    result: rate.result,
    rate: rate.proposal?.rate?.exchangeRate,
    resultingAmount: money(rate.proposal?.resultingAmount),
  });

  const verification = await merchant.accountVerifications().processAccountVerification({
    operationId: randomUUID(),
    transactionTimestamp: now(),
    cardPaymentData: {
      cardEntryMode: "ECOMMERCE",
      cardholderVerificationMethod: "CARD_SECURITY_CODE",
      cardData: { cardNumber: "4111111111111111", expiryDate: "122030", cardSecurityCode: "123" },
    },
  });
  step("7. processAccountVerification", {
    responseCode: `${verification.responseCode} (${verification.responseCodeDescription})`,
  });

  const disputes = await client
    .v1()
    .disputeManagement()
    .searchDisputes({
      merchantScope: { merchantScopeType: "BY_ACQUIRER_IDS", acquirerIds: [SANDBOX_MERCHANT.acquirerId] },
      pagination: { pageSize: 5 },
    });
  step("8. searchDisputes", {
    found: disputes.pagination?.totalCount,
    first: disputes.disputes
      ?.map((dispute) => `${dispute.disputeId} ${dispute.disputeStatus}`)
      .slice(0, 3)
      .join("; "),
  });

  try {
    await merchant.cardPayments().simpleCaptureOfPayment(paymentId, {
      operationId: randomUUID(),
      transactionTimestamp: now(),
      amount: eur(100_000),
    });
  } catch (error) {
    if (!(error instanceof ApiException)) throw error;
    step("9. capturing more than is left is refused", {
      exception: error.name,
      statusCode: error.statusCode,
      detail: error.detail,
    });
  }
  console.log("\nDone.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
