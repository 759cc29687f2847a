import { setTimeout as sleep } from "node:timers/promises";
import type { CommunicatorConfiguration } from "../config/communicator-configuration.js";
import { readBodyText } from "../core/read-body.js";
import { OAuth2Exception } from "../errors/oauth2-exception.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import { RetryPolicy } from "../core/retry-policy.js";
import { CommunicationException } from "../errors/communication-exception.js";
import { ResponseException } from "../errors/response-exception.js";
import type { Connection, ConnectionResponse, RequestHeader } from "../transport/connection.js";
import { DefaultConnection } from "../transport/default-connection.js";
import type { Authenticator, AuthorizationOptions } from "./authenticator.js";
import { raceAbort } from "../transport/race-abort.js";
import type { StoredToken, TokenStore } from "./token-store.js";
import { OAuth2Scopes } from "./oauth2-scopes.js";

/** Options of an {@link OAuth2Authenticator}. */
export interface OAuth2AuthenticatorOptions {
  /** The connection for token requests; by default one of its own with the configuration's timeouts and proxy. */
  connection?: Connection;
  /** Shares tokens between authenticators (and processes); by default each keeps its own in memory. */
  tokenStore?: TokenStore;
}

/** A token request shared by the callers waiting for it. */
interface PendingToken {
  readonly promise: Promise<CachedToken>;
  readonly controller: AbortController;
  waiters: number;
}

interface CachedToken {
  readonly authorization: string;
  /** `authorization`, resolved: handed to every caller while the token is valid. */
  readonly promise: Promise<string>;
  /** Epoch ms after which the token is renewed. */
  readonly renewAt: number;
}

const TOKEN_REQUEST_HEADERS: readonly RequestHeader[] = Object.freeze([
  { name: "Content-Type", value: "application/x-www-form-urlencoded" },
  { name: "Accept", value: "application/json" },
]);

/** A token response is a few hundred bytes; anything near this is not one. */
const TOKEN_RESPONSE_MAX_BYTES = 64 * 1024;

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
  readonly #closing = new AbortController();
  readonly #tokenStore: TokenStore | undefined;
  readonly #storeKey: string;
  #token: CachedToken | undefined;
  #pending: PendingToken | undefined;
  /** The last token the API rejected, so that a shared store cannot hand it back. */
  #rejected: string | undefined;

  constructor(configuration: CommunicatorConfiguration, options: OAuth2AuthenticatorOptions = {}) {
    this.#tokenUri = configuration.oauth2TokenUri;
    this.#clientId = configuration.oauth2ClientId;
    this.#clientSecret = configuration.oauth2ClientSecret;
    this.#scopes = (configuration.oauth2Scopes ?? OAuth2Scopes.all()).join(" ");
    this.#retryPolicy = new RetryPolicy(configuration.retry);
    this.#tokenStore = options.tokenStore;
    this.#storeKey = `oauth2:${this.#tokenUri.href}|${this.#clientId}|${this.#scopes}`;
    this.#connection =
      options.connection ??
      new DefaultConnection({
        connectTimeout: configuration.connectTimeout,
        socketTimeout: configuration.socketTimeout,
        maxConnections: 1,
        proxyConfiguration: configuration.proxyFor(configuration.oauth2TokenUri),
        tls: configuration.tls,
      });
  }

  /** `Bearer <access token>`, from the cache or from a new token request shared by concurrent callers. */
  getAuthorization(
    _httpMethod: string,
    _uri: URL,
    _headers: RequestHeader[],
    options?: AuthorizationOptions,
  ): Promise<string> {
    const token = this.#token;
    // The cached token's promise is reused: the common case allocates nothing.
    if (token && Date.now() < token.renewAt) return token.promise;
    return this.#awaitToken(options?.signal);
  }

  /** `Bearer <access token>` while the cached token is valid; undefined when one must be obtained. */
  cachedAuthorization(): string | undefined {
    const token = this.#token;
    return token && Date.now() < token.renewAt ? token.authorization : undefined;
  }

  async #awaitToken(signal: AbortSignal | undefined): Promise<string> {
    const pending = (this.#pending ??= this.#startTokenRequest());
    pending.waiters++;
    try {
      return (await (signal ? raceAbort(pending.promise, signal) : pending.promise)).authorization;
    } finally {
      // The last caller gave up: a stalled token request must not hold up the calls that follow.
      if (--pending.waiters === 0 && this.#pending === pending && signal?.aborted) {
        this.#pending = undefined;
        pending.controller.abort();
      }
    }
  }

  #startTokenRequest(): PendingToken {
    const controller = new AbortController();
    const pending: PendingToken = {
      controller,
      waiters: 0,
      promise: this.#obtainToken(AbortSignal.any([controller.signal, this.#closing.signal])).finally(() => {
        if (this.#pending === pending) this.#pending = undefined;
      }),
    };
    // Every waiter may have left; the outcome then concerns no one.
    pending.promise.catch(() => undefined);
    return pending;
  }

  /** Drops the cached token if it is the one the API rejected, so the next call gets a new one. */
  invalidate(authorization: string): void {
    this.#rejected = authorization;
    if (this.#token?.authorization === authorization) this.#token = undefined;
  }

  /** The client secret, the current token and the last rejected one, for masking in errors. */
  knownSecrets(): readonly string[] {
    const secrets = [this.#clientSecret];
    if (this.#token) secrets.push(this.#token.authorization);
    if (this.#rejected !== undefined) secrets.push(this.#rejected);
    return secrets;
  }

  /** Logs the token requests and responses, with the client secret and the token masked. */
  enableLogging(logger: CommunicatorLogger): void {
    this.#connection.enableLogging(logger);
  }

  disableLogging(): void {
    this.#connection.disableLogging();
  }

  /** Closes the token connection and cancels a token request waiting to be repeated. */
  close(): Promise<void> {
    this.#closing.abort();
    return this.#connection.close();
  }

  /** Posts the token request, repeating it on connection failures within the retry settings. */
  async #post(form: string, signal: AbortSignal): Promise<ConnectionResponse> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.#connection.post(this.#tokenUri, [...TOKEN_REQUEST_HEADERS], form, { signal });
      } catch (error) {
        const delay =
          retry < this.#retryPolicy.maxRetries && isConnectionFailure(error) && !signal.aborted
            ? this.#retryPolicy.delayMs(retry, undefined)
            : undefined;
        if (delay === undefined) throw error;
        // close() cancels the wait, so that no timer outlives the authenticator.
        await sleep(delay, undefined, { signal }).catch(() => {
          throw error;
        });
      }
    }
  }

  /** A token from the shared store if it has a usable one, else from the token endpoint. */
  async #obtainToken(signal: AbortSignal): Promise<CachedToken> {
    const store = this.#tokenStore;
    if (store) {
      const stored = await Promise.resolve()
        .then(() => store.get(this.#storeKey))
        .catch(() => undefined);
      if (stored && typeof stored.accessToken === "string") {
        const token = cachedToken(stored.accessToken, stored.expiresAt);
        if (Date.now() < token.renewAt && token.authorization !== this.#rejected)
          return (this.#token = token);
      }
    }
    const { accessToken, expiresAt } = await this.#requestToken(signal);
    if (store) {
      await Promise.resolve()
        .then(() => store.set(this.#storeKey, { accessToken, expiresAt }))
        .catch(() => undefined);
    }
    return (this.#token = cachedToken(accessToken, expiresAt));
  }

  async #requestToken(signal: AbortSignal): Promise<StoredToken> {
    const startedAt = Date.now();
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: this.#clientId,
      client_secret: this.#clientSecret,
      scope: this.#scopes,
    });
    const response = await this.#post(form.toString(), signal);
    const text = await readBodyText(response, TOKEN_RESPONSE_MAX_BYTES);
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
    return { accessToken, expiresAt: startedAt + expiresIn * 1000 };
  }
}

/** A token renewed shortly before it expires: a tenth of its lifetime before, at most a minute. */
function cachedToken(accessToken: string, expiresAt: number): CachedToken {
  const lifetimeMs = Math.max(0, expiresAt - Date.now());
  const authorization = `Bearer ${accessToken}`;
  return {
    authorization,
    promise: Promise.resolve(authorization),
    renewAt: expiresAt - Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 10),
  };
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
