import type { ShoppingCartExtension } from "../metadata/shopping-cart-extension.js";
import { ConfigurationException } from "./configuration-exception.js";
import type { ProxyConfiguration } from "./proxy-configuration.js";
import { proxyFromEnvironment } from "./proxy-from-environment.js";
import { DEFAULT_MAX_RESPONSE_BODY_BYTES } from "../core/read-body.js";
import { IN_DOUBT_POLICIES } from "../in-doubt/in-doubt-policy.js";
import type { InDoubtPolicy } from "../in-doubt/in-doubt-policy.js";
import { DEFAULT_RETRY_OPTIONS } from "./retry-options.js";
import type { RetryOptions } from "./retry-options.js";
import { DEFAULT_MAX_CONNECTIONS } from "../transport/default-connection-options.js";
import type { TlsOptions } from "../transport/tls-options.js";

/** The only authorization type of the Acquiring API. */
export const OAUTH2 = "OAuth2";

/** Settings of a {@link CommunicatorConfiguration}; see its fields for meanings and defaults. */
export interface CommunicatorConfigurationOptions {
  /** Scheme, host and optional port of the API, e.g. `https://api.preprod.acquiring.worldline-solutions.com`; no path. */
  apiEndpoint: string | URL;
  /** Must be `OAuth2` (matched case-insensitively). Default `OAuth2`. */
  authorizationType?: string;
  oauth2ClientId: string;
  oauth2ClientSecret: string;
  oauth2TokenUri: string | URL;
  /** Scopes to request instead of every scope of the API. */
  oauth2Scopes?: readonly string[] | string | undefined;
  /** Seconds to wait for a connection; -1 = no timeout. Default 5. */
  connectTimeout?: number;
  /** Seconds to wait for data on a connection; -1 = no timeout. Default 300. */
  socketTimeout?: number;
  /** Connections kept alive per host. Default 10. */
  maxConnections?: number;
  /** Your company name, sent in the metadata header. */
  integrator: string;
  shoppingCartExtension?: ShoppingCartExtension | undefined;
  proxyConfiguration?: ProxyConfiguration | undefined;
  /**
   * Without a `proxyConfiguration`, take the proxy from `HTTPS_PROXY`/`HTTP_PROXY` and `NO_PROXY`,
   * for the API endpoint and the token endpoint each. Default false: the environment is ignored.
   */
  proxyFromEnvironment?: boolean;
  retry?: Partial<RetryOptions> | undefined;
  /** Check each request body against its JSON schema before sending. Default false. */
  validateRequests?: boolean;
  /** The largest response body read into memory, in bytes; larger ones are refused. Default 16 MiB. */
  maxResponseBodyBytes?: number;
  /** What to do when a money-moving request ends without a response; see InDoubtPolicy. Default `report`. */
  inDoubtPolicy?: InDoubtPolicy;
  tls?: TlsOptions | undefined;
}

/** Default timeouts, in seconds, as the Worldline guide recommends. */
export const DEFAULT_CONNECT_TIMEOUT = 5;
export const DEFAULT_SOCKET_TIMEOUT = 300;

/**
 * Everything a Communicator needs: endpoint, credentials, timeouts, pool size, proxy, metadata
 * and retry settings. Validated on construction.
 * @throws ConfigurationException naming the setting that is missing or malformed.
 */
export class CommunicatorConfiguration {
  /** The API endpoint: scheme, host and port only. */
  readonly apiEndpoint: URL;
  readonly authorizationType: string;
  readonly oauth2ClientId: string;
  readonly oauth2TokenUri: URL;
  /** The configured scopes, or undefined to request every scope of the API. */
  readonly oauth2Scopes: readonly string[] | undefined;
  readonly connectTimeout: number;
  readonly socketTimeout: number;
  readonly maxConnections: number;
  readonly integrator: string;
  readonly shoppingCartExtension: ShoppingCartExtension | undefined;
  readonly proxyConfiguration: ProxyConfiguration | undefined;
  readonly proxyFromEnvironment: boolean;
  readonly retry: Readonly<RetryOptions>;
  readonly validateRequests: boolean;
  readonly maxResponseBodyBytes: number;
  readonly inDoubtPolicy: InDoubtPolicy;
  readonly tls: TlsOptions | undefined;
  readonly #oauth2ClientSecret: string;

  constructor(options: CommunicatorConfigurationOptions, source?: string) {
    const fail = (key: string, problem: string): never => {
      throw new ConfigurationException(key, problem, source);
    };
    this.apiEndpoint = parseEndpoint("apiEndpoint", options.apiEndpoint, fail);
    this.authorizationType = options.authorizationType ?? OAUTH2;
    if (this.authorizationType.toLowerCase() !== OAUTH2.toLowerCase()) {
      fail(
        "authorizationType",
        `'${this.authorizationType}' is not supported; the accepted value is '${OAUTH2}'`,
      );
    }
    this.oauth2ClientId = requireText("oauth2ClientId", options.oauth2ClientId, fail);
    this.#oauth2ClientSecret = requireText("oauth2ClientSecret", options.oauth2ClientSecret, fail);
    this.oauth2TokenUri = parseHttpUri("oauth2TokenUri", options.oauth2TokenUri, fail);
    this.oauth2Scopes = parseScopes(options.oauth2Scopes);
    this.connectTimeout = checkTimeout(
      "connectTimeout",
      options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT,
      fail,
    );
    this.socketTimeout = checkTimeout("socketTimeout", options.socketTimeout ?? DEFAULT_SOCKET_TIMEOUT, fail);
    this.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
    if (!Number.isInteger(this.maxConnections) || this.maxConnections < 1) {
      fail("maxConnections", `must be a whole number of at least 1, got ${String(options.maxConnections)}`);
    }
    this.integrator = requireText("integrator", options.integrator, fail);
    this.shoppingCartExtension = options.shoppingCartExtension;
    if (this.shoppingCartExtension) {
      for (const field of ["creator", "name", "version"] as const) {
        requireText(`shoppingCartExtension.${field}`, this.shoppingCartExtension[field], fail);
      }
    }
    this.proxyConfiguration = options.proxyConfiguration;
    this.proxyFromEnvironment = options.proxyFromEnvironment ?? false;
    this.retry = Object.freeze(checkRetry({ ...DEFAULT_RETRY_OPTIONS, ...definedOnly(options.retry) }, fail));
    this.validateRequests = options.validateRequests ?? false;
    this.maxResponseBodyBytes = options.maxResponseBodyBytes ?? DEFAULT_MAX_RESPONSE_BODY_BYTES;
    this.inDoubtPolicy = options.inDoubtPolicy ?? "report";
    if (!IN_DOUBT_POLICIES.includes(this.inDoubtPolicy)) {
      fail(
        "inDoubtPolicy",
        `must be one of ${IN_DOUBT_POLICIES.join(", ")}, got '${String(options.inDoubtPolicy)}'`,
      );
    }
    if (!Number.isInteger(this.maxResponseBodyBytes) || this.maxResponseBodyBytes < 1) {
      fail(
        "maxResponseBodyBytes",
        `must be a whole number of bytes of at least 1, got ${String(options.maxResponseBodyBytes)}`,
      );
    }
    this.tls = options.tls;
  }

  /** The OAuth2 client secret; kept out of `util.inspect` and `JSON.stringify`. */
  get oauth2ClientSecret(): string {
    return this.#oauth2ClientSecret;
  }

  /**
   * The proxy for requests to `target`: the configured one, else (with `proxyFromEnvironment`)
   * the one the environment names for it, else none.
   */
  proxyFor(target: URL): ProxyConfiguration | undefined {
    return this.proxyConfiguration ?? (this.proxyFromEnvironment ? proxyFromEnvironment(target) : undefined);
  }
}

type Fail = (key: string, problem: string) => never;

function requireText(key: string, value: string | undefined, fail: Fail): string {
  if (typeof value !== "string" || value.trim() === "") return fail(key, "is required");
  return value;
}

function parseHttpUri(key: string, value: string | URL | undefined, fail: Fail): URL {
  if (value === undefined || value === "") return fail(key, "is required");
  let uri: URL;
  try {
    uri = new URL(value);
  } catch {
    return fail(key, `is not a valid absolute URI: '${String(value)}'`);
  }
  if (uri.protocol !== "https:" && uri.protocol !== "http:") {
    fail(key, `must use http or https, got '${uri.protocol.slice(0, -1)}'`);
  }
  return uri;
}

function parseEndpoint(key: string, value: string | URL | undefined, fail: Fail): URL {
  const uri = parseHttpUri(key, value, fail);
  if (uri.username || uri.password) fail(key, "must not contain user info");
  if (uri.pathname !== "/" || uri.search || uri.hash) {
    fail(key, `must be scheme://host[:port] without a path, query or fragment, got '${uri.href}'`);
  }
  return new URL(uri.origin);
}

function parseScopes(scopes: readonly string[] | string | undefined): readonly string[] | undefined {
  const list = typeof scopes === "string" ? scopes.split(/\s+/) : (scopes ?? []);
  const cleaned = list.map((scope) => scope.trim()).filter((scope) => scope !== "");
  return cleaned.length > 0 ? Object.freeze([...new Set(cleaned)]) : undefined;
}

function checkTimeout(key: string, seconds: number, fail: Fail): number {
  if (seconds === -1 || (Number.isFinite(seconds) && seconds > 0)) return seconds;
  return fail(key, `must be a positive number of seconds or -1 for no timeout, got ${String(seconds)}`);
}

function checkRetry(retry: RetryOptions, fail: Fail): RetryOptions {
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    fail("retry.maxRetries", `must be a whole number of at least 0, got ${String(retry.maxRetries)}`);
  }
  if (!(retry.initialDelayMs >= 0))
    fail("retry.initialDelayMs", `must be at least 0, got ${String(retry.initialDelayMs)}`);
  if (!(retry.maxDelayMs >= retry.initialDelayMs)) {
    fail("retry.maxDelayMs", `must be at least retry.initialDelayMs, got ${String(retry.maxDelayMs)}`);
  }
  return retry;
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
