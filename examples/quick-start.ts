// README "Quick start": a payment on the embedded simulator.
import { CommunicatorConfiguration, Factory } from "acquiring-sdk";
import { SANDBOX_MERCHANT, startSandbox } from "acquiring-sdk/sandbox";

await using sandbox = await startSandbox();
await using client = Factory.createClientFromConfiguration(
  new CommunicatorConfiguration({
    apiEndpoint: sandbox.apiEndpoint,
    oauth2TokenUri: sandbox.tokenUri,
    oauth2ClientId: sandbox.clientId,
    oauth2ClientSecret: sandbox.clientSecret,
    integrator: "Acme",
  }),
);

const payments = client
  .v1()
  .acquirer(SANDBOX_MERCHANT.acquirerId)
  .merchant(SANDBOX_MERCHANT.merchantId)
  .cardPayments();
const payment = await payments.processPayment({
  operationId: crypto.randomUUID(),
  transactionTimestamp: new Date(),
  amount: { amount: 1000, currencyCode: "EUR", numberOfDecimals: 2 },
  cardPaymentData: {
    cardEntryMode: "ECOMMERCE",
    cardData: { cardNumber: "4111111111111111", expiryDate: "122030", cardSecurityCode: "123" },
  },
});
console.log(payment.paymentId, payment.status);
