// README "Customisation": a Connection of your own (here on global fetch) that logs with
// RequestLogMessage/ResponseLogMessage, a MetadataProvider with an extra header, and an
// OAuth2Authenticator sharing its token through a TokenStore.
import {
  CommunicatorConfiguration,
  Factory,
  MetadataProvider,
  OAuth2Authenticator,
  RequestLogMessage,
  ResponseLogMessage,
} from "acquiring-sdk";
import type {
  BodyObfuscator,
  CommunicatorLogger,
  Connection,
  ConnectionBody,
  ConnectionResponse,
  HeaderObfuscator,
  RequestHeader,
  StoredToken,
  TokenStore,
} from "acquiring-sdk";
import { startSandbox } from "acquiring-sdk/sandbox";
import { Readable } from "node:stream";

class FetchConnection implements Connection {
  #logger: CommunicatorLogger | undefined;
  #obfuscators: { body?: BodyObfuscator; header?: HeaderObfuscator } = {};

  get(uri: URL, headers: RequestHeader[]) {
    return this.#send("GET", uri, headers, undefined);
  }
  delete(uri: URL, headers: RequestHeader[]) {
    return this.#send("DELETE", uri, headers, undefined);
  }
  post(uri: URL, headers: RequestHeader[], body: ConnectionBody) {
    return this.#send("POST", uri, headers, body);
  }
  put(uri: URL, headers: RequestHeader[], body: ConnectionBody) {
    return this.#send("PUT", uri, headers, body);
  }
  async close(): Promise<void> {}
  enableLogging(logger: CommunicatorLogger): void {
    this.#logger = logger;
  }
  disableLogging(): void {
    this.#logger = undefined;
  }
  setBodyObfuscator(body: BodyObfuscator): void {
    this.#obfuscators = { ...this.#obfuscators, body };
  }
  setHeaderObfuscator(header: HeaderObfuscator): void {
    this.#obfuscators = { ...this.#obfuscators, header };
  }

  async #send(
    method: string,
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
  ): Promise<ConnectionResponse> {
    if (body !== undefined && typeof body !== "string")
      throw new TypeError("this connection sends JSON only");
    const requestId = crypto.randomUUID();
    const logger = this.#logger;
    if (logger) {
      const message = new RequestLogMessage(requestId, method, uri.pathname + uri.search, this.#obfuscators);
      for (const { name, value } of headers) message.addHeader(name, value);
      logger.logRequest(message.setBody(body, headers.find((h) => h.name === "Content-Type")?.value));
    }
    const started = performance.now();
    const response = await fetch(uri, {
      method,
      headers: headers.map((h) => [h.name, h.value]),
      body: body ?? null,
    });
    const text = await response.text();
    const responseHeaders = Object.fromEntries(response.headers);
    if (logger) {
      const message = new ResponseLogMessage(
        requestId,
        response.status,
        performance.now() - started,
        this.#obfuscators,
      );
      for (const [name, value] of response.headers) message.addHeader(name, value);
      logger.logResponse(message.setBody(text, response.headers.get("content-type") ?? undefined));
    }
    return {
      statusCode: response.status,
      headers: responseHeaders,
      body: once(Buffer.from(text)),
    };
  }
}

function once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return Readable.from([bytes]);
}

/** A token store shared by every client of this process; a real one would use Redis or a database. */
const tokens = new Map<string, StoredToken>();
const tokenStore: TokenStore = {
  get: (key) => tokens.get(key),
  set: (key, token) => void tokens.set(key, token),
};

await using sandbox = await startSandbox();
const configuration = new CommunicatorConfiguration({
  apiEndpoint: sandbox.apiEndpoint,
  oauth2TokenUri: sandbox.tokenUri,
  oauth2ClientId: sandbox.clientId,
  oauth2ClientSecret: sandbox.clientSecret,
  integrator: "Acme",
});
await using client = Factory.createClientFromConfiguration(configuration, {
  connection: new FetchConnection(),
  authenticator: new OAuth2Authenticator(configuration, { tokenStore }),
  metadataProvider: new MetadataProvider("Acme", {
    additionalRequestHeaders: [{ name: "X-Tenant", value: "shop-1" }],
  }),
});
const lines: string[] = [];
client.enableLogging({
  log: (message) => lines.push(message),
  logRequest: (message) => lines.push(message.getMessage()),
  logResponse: (message) => lines.push(message.getMessage()),
});
await client.v1().ping().ping();
console.log(
  `${lines.length} log messages; X-Tenant sent: ${lines.some((line) => line.includes('X-Tenant="shop-1"'))}`,
);
console.log(`tokens in the store: ${tokens.size}`);
