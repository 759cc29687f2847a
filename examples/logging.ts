// README "Logging": requests and responses, card data masked; then logging off.
import { CommunicatorConfiguration, ConsoleCommunicatorLogger, Factory } from "acquiring-sdk";
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
client.enableLogging(new ConsoleCommunicatorLogger());
await client
  .v1()
  .acquirer(SANDBOX_MERCHANT.acquirerId)
  .merchant(SANDBOX_MERCHANT.merchantId)
  .accountVerifications()
  .processAccountVerification({
    operationId: crypto.randomUUID(),
    transactionTimestamp: new Date(),
    cardPaymentData: {
      cardEntryMode: "ECOMMERCE",
      cardData: { cardNumber: "5555555555554444", expiryDate: "122030" },
    },
  });
client.disableLogging();
