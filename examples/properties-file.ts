// README "From a properties file": the guide's file, pointed at the simulator.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Factory } from "acquiring-sdk";
import { startSandbox } from "acquiring-sdk/sandbox";

await using sandbox = await startSandbox();
const endpoint = new URL(sandbox.apiEndpoint);
const file = path.join(mkdtempSync(path.join(tmpdir(), "acquiring-")), "acquiring.properties");
writeFileSync(
  file,
  `[AcquiringSDK]
acquiring.api.integrator=Acme
acquiring.api.endpoint.host=${endpoint.hostname}
acquiring.api.endpoint.scheme=http
acquiring.api.endpoint.port=${endpoint.port}
acquiring.api.authorizationType=OAuth2
acquiring.api.oauth2.tokenUri=${sandbox.tokenUri}
acquiring.api.connectTimeout=5 # use -1 for no timeout
acquiring.api.socketTimeout=300 # use -1 for no timeout
acquiring.api.maxConnections=10 # to support 10 concurrent connections
`,
);

await using client = Factory.createClientFromFile(file, sandbox.clientId, sandbox.clientSecret);
await client.v1().ping().ping();
console.log("ping answered");
