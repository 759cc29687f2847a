// README "Exceptions": one catch per exception class.
import {
  ApiException,
  AuthorizationException,
  CommunicatorConfiguration,
  Factory,
  IdempotenceException,
  PlatformException,
  ReferenceException,
  ValidationException,
} from "acquiring-sdk";
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

async function report(attempt: () => Promise<unknown>): Promise<void> {
  try {
    await attempt();
  } catch (e) {
    if (e instanceof ValidationException) console.log("Input validation error:", e.detail);
    else if (e instanceof AuthorizationException) console.log("Authorization error:", e.detail);
    else if (e instanceof IdempotenceException)
      console.log("Operation", e.idempotenceKey, "conflicts:", e.detail);
    else if (e instanceof ReferenceException) console.log("Incorrect object reference:", e.detail);
    else if (e instanceof PlatformException) console.log("Error at Worldline or a partner:", e.detail);
    else if (e instanceof ApiException) console.log("Worldline error:", e.statusCode, e.detail);
    else throw e;
  }
}

await report(() => payments.getPaymentStatus("no-such-payment"));
await report(() =>
  payments.processPayment({ operationId: crypto.randomUUID(), transactionTimestamp: new Date() }),
);
