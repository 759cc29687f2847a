// README "Connection pooling": two clients sharing one communicator and its connection pool;
// a deadline on a call.
import { CallContext, CommunicatorConfiguration, Factory } from "acquiring-sdk";
import { startSandbox } from "acquiring-sdk/sandbox";

await using sandbox = await startSandbox();
const communicator = Factory.createCommunicatorFromConfiguration(
  new CommunicatorConfiguration({
    apiEndpoint: sandbox.apiEndpoint,
    oauth2TokenUri: sandbox.tokenUri,
    oauth2ClientId: sandbox.clientId,
    oauth2ClientSecret: sandbox.clientSecret,
    integrator: "Acme",
  }),
);
const a = Factory.createClientFromCommunicator(communicator);
const b = Factory.createClientFromCommunicator(communicator);
await Promise.all([
  a.v1().ping().ping(),
  b
    .v1()
    .ping()
    .ping(new CallContext({ timeoutMs: 5000 })),
]);
await communicator.close();
await a
  .v1()
  .ping()
  .ping()
  .catch((error: Error) => console.log("after close:", error.message));
