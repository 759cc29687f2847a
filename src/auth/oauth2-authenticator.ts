import type { CommunicatorConfiguration } from "../config/communicator-configuration.js";
import { readBodyText } from "../core/read-body.js";
import { OAuth2Exception } from "../errors/oauth2-exception.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import { RetryPolicy } from "../core/retry-policy.js";
import { CommunicationException } from "../errors/communication-exception.js";
import { ResponseException } from "../errors/response-exception.js";
import type { Connection, ConnectionResponse, RequestHeader } from "../transport/connection.js";
import { DefaultConnection } from "../transport/default-connection.js";
import type { Authenticator } from "./authenticator.js";
import { ALL_SCOPES } from "./default-scopes.js";

/** Options of an {@link OAuth2Authenticator}. */
export interface OAuth2AuthenticatorOptions {
  /** The connection for token requests; by default one of its own with the configuration's timeouts and proxy. */
  connection?: Connection;
}

interface CachedToken {
  readonly authorization: string;
  /** Epoch ms after which the token is renewed. */
  readonly renewAt: number;
}

const TOKEN_REQUEST_HEADERS: readonly RequestHeader[] = Object.freeze([
  { name: "Content-Type", value: "application/x-www-form-urlencoded" },
  { name: "Accept", value: "application/json" },
]);

/** Renew this long before expiry, capped at a tenth of the token's lifetime. */
const RENEWAL_MARGIN_MS = 60_000;

/**
 * OAuth2 client-credentials authentication. The access token is requested once and shared by
 * concurrent callers, renewed shortly before it expires, and dropped when the API answers 401.
 * @throws OAuth2Exception (from getAuthorization) when the token endpoint refuses.
 */
export class OAuth2Authenticator implements Authenticator {
  readonly #tokenUri: URL;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #scopes: string;
  readonly #connection: Connection;
  readonly #retryPolicy: RetryPolicy;
  #token: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;

  constructor(configuration: CommunicatorConfiguration, options: OAuth2AuthenticatorOptions = {}) {
    this.#tokenUri = configuration.oauth2TokenUri;
    this.#clientId = configuration.oauth2ClientId;
    this.#clientSecret = configuration.oauth2ClientSecret;
    this.#scopes = (configuration.oauth2Scopes ?? ALL_SCOPES).join(" ");
    this.#retryPolicy = new RetryPolicy(configuration.retry);
    this.#connection =
      options.connection ??
      new DefaultConnection({
        connectTimeout: configuration.connectTimeout,
        socketTimeout: configuration.socketTimeout,
        maxConnections: 1,
        proxyConfiguration: configuration.proxyConfiguration,
        tls: configuration.tls,
      });
  }

  /** `Bearer <access token>`, from the cache or from a new token request shared by concurrent callers. */
  async getAuthorization(_httpMethod: string, _uri: URL, _headers: RequestHeader[]): Promise<string> {
    const token = this.#token;
    if (token && Date.now() < token.renewAt) return token.authorization;
    this.#pending ??= this.#requestToken().finally(() => {
      this.#pending = undefined;
    });
    return (await this.#pending).authorization;
  }

  /** Drops the cached token if it is the one the API rejected, so the next call gets a new one. */
  invalidate(authorization: string): void {
    if (this.#token?.authorization === authorization) this.#token = undefined;
  }

  /** Logs the token requests and responses, with the client secret and the token masked. */
  enableLogging(logger: CommunicatorLogger): void {
    this.#connection.enableLogging(logger);
  }

  disableLogging(): void {
    this.#connection.disableLogging();
  }

  /** Closes the token connection. */
  close(): Promise<void> {
    return this.#connection.close();
  }

  /** Posts the token request, repeating it on connection failures within the retry settings. */
  async #post(form: string): Promise<ConnectionResponse> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.#connection.post(this.#tokenUri, [...TOKEN_REQUEST_HEADERS], form);
      } catch (error) {
        const delay =
          retry < this.#retryPolicy.maxRetries && isConnectionFailure(error)
            ? this.#retryPolicy.delayMs(retry, undefined)
            : undefined;
        if (delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async #requestToken(): Promise<CachedToken> {
    const startedAt = Date.now();
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: this.#clientId,
      client_secret: this.#clientSecret,
      scope: this.#scopes,
    });
    const response = await this.#post(form.toString());
    const text = await readBodyText(response.body);
    const body = parseObject(text);
    if (response.statusCode !== 200) {
      throw new OAuth2Exception(
        response.statusCode,
        stringField(body, "error"),
        stringField(body, "error_description"),
      );
    }
    const accessToken = stringField(body, "access_token");
    const expiresIn = body?.["expires_in"];
    if (!accessToken || typeof expiresIn !== "number") {
      throw new OAuth2Exception(
        response.statusCode,
        "invalid_response",
        "no access_token and expires_in in the response",
      );
    }
    // Expiry counts from when the request started, as the token may have been issued then.
    const lifetimeMs = expiresIn * 1000;
    return (this.#token = {
      authorization: `Bearer ${accessToken}`,
      renewAt: startedAt + lifetimeMs - Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 10),
    });
  }
}

/** Whether a token request that failed without a response may be repeated: asking twice is harmless. */
function isConnectionFailure(error: unknown): boolean {
  return error instanceof CommunicationException && !(error instanceof ResponseException);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(body: Record<string, unknown> | undefined, name: string): string | null {
  const value = body?.[name];
  return typeof value === "string" ? value : null;
}
