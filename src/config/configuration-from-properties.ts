import { CommunicatorConfiguration } from "./communicator-configuration.js";
import type { CommunicatorConfigurationOptions } from "./communicator-configuration.js";
import { ConfigurationException } from "./configuration-exception.js";
import { ProxyConfiguration } from "./proxy-configuration.js";
import type { InDoubtPolicy } from "../in-doubt/in-doubt-policy.js";
import { readPropertiesFile } from "./properties-file.js";

const PREFIX = "acquiring.api.";

/** Property keys (after `acquiring.api.`) and the configuration option each one sets. */
const KEYS = {
  "endpoint.host": "apiEndpoint",
  "endpoint.scheme": "apiEndpoint",
  "endpoint.port": "apiEndpoint",
  authorizationType: "authorizationType",
  "oauth2.tokenUri": "oauth2TokenUri",
  "oauth2.scopes": "oauth2Scopes",
  connectTimeout: "connectTimeout",
  socketTimeout: "socketTimeout",
  maxConnections: "maxConnections",
  integrator: "integrator",
  "proxy.uri": "proxyConfiguration",
  "proxy.username": "proxyConfiguration",
  "proxy.password": "proxyConfiguration",
  "proxy.fromEnvironment": "proxyFromEnvironment",
  "shoppingCartExtension.creator": "shoppingCartExtension.creator",
  "shoppingCartExtension.name": "shoppingCartExtension.name",
  "shoppingCartExtension.version": "shoppingCartExtension.version",
  "shoppingCartExtension.extensionId": "shoppingCartExtension.extensionId",
  "retry.maxRetries": "retry.maxRetries",
  "retry.initialDelayMs": "retry.initialDelayMs",
  "retry.maxDelayMs": "retry.maxDelayMs",
  validateRequests: "validateRequests",
  inDoubtPolicy: "inDoubtPolicy",
  maxResponseBodyBytes: "maxResponseBodyBytes",
} as const;

/** Keys the Java SDK reads; accepted so that one file can serve both, and ignored. */
const JAVA_ONLY_KEYS = new Set(["https.protocols", "connectionReuse"]);

type Key = keyof typeof KEYS;

/**
 * Builds a configuration from a properties file with an `[AcquiringSDK]` section (keys in
 * sdk-behaviour §2.1) and the OAuth2 client credentials, which are never read from the file.
 * @throws ConfigurationException naming the file and the key that is missing, unknown or malformed.
 */
export function configurationFromPropertiesFile(
  file: string,
  oauth2ClientId: string,
  oauth2ClientSecret: string,
): CommunicatorConfiguration {
  const properties = readPropertiesFile(file);
  const fail = (key: string, problem: string): never => {
    throw new ConfigurationException(key, problem, file);
  };
  for (const key of properties.keys()) {
    const short = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : undefined;
    if (short === undefined || !(short in KEYS || JAVA_ONLY_KEYS.has(short))) {
      fail(
        key,
        `is not a known setting (known: ${Object.keys(KEYS)
          .map((k) => PREFIX + k)
          .join(", ")})`,
      );
    }
  }
  const get = (key: Key): string | undefined => {
    const value = properties.get(PREFIX + key);
    return value === "" ? undefined : value;
  };
  const number = (key: Key): number | undefined => {
    const value = get(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : fail(PREFIX + key, `must be a number, got '${value}'`);
  };
  const required = (key: Key): string => get(key) ?? fail(PREFIX + key, "is required");

  const scheme = get("endpoint.scheme") ?? "https";
  if (scheme !== "https" && scheme !== "http")
    fail(PREFIX + "endpoint.scheme", `must be http or https, got '${scheme}'`);
  const port = number("endpoint.port");
  if (port !== undefined && port !== -1 && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    fail(PREFIX + "endpoint.port", `must be a port number or -1, got '${get("endpoint.port")}'`);
  }
  const host = required("endpoint.host");
  const flag = (key: Key): boolean => {
    const value = get(key);
    if (value !== undefined && value !== "true" && value !== "false") {
      fail(PREFIX + key, `must be true or false, got '${value}'`);
    }
    return value === "true";
  };

  const options: CommunicatorConfigurationOptions = {
    apiEndpoint: `${scheme}://${host}${port !== undefined && port !== -1 ? `:${port}` : ""}`,
    authorizationType: required("authorizationType"),
    oauth2ClientId,
    oauth2ClientSecret,
    oauth2TokenUri: required("oauth2.tokenUri"),
    oauth2Scopes: get("oauth2.scopes"),
    connectTimeout: number("connectTimeout") ?? fail(PREFIX + "connectTimeout", "is required"),
    socketTimeout: number("socketTimeout") ?? fail(PREFIX + "socketTimeout", "is required"),
    integrator: required("integrator"),
    retry: {
      maxRetries: number("retry.maxRetries"),
      initialDelayMs: number("retry.initialDelayMs"),
      maxDelayMs: number("retry.maxDelayMs"),
    } as CommunicatorConfigurationOptions["retry"],
    validateRequests: flag("validateRequests"),
    proxyFromEnvironment: flag("proxy.fromEnvironment"),
  };
  const inDoubtPolicy = get("inDoubtPolicy");
  if (inDoubtPolicy !== undefined) options.inDoubtPolicy = inDoubtPolicy as InDoubtPolicy;
  const maxResponseBodyBytes = number("maxResponseBodyBytes");
  if (maxResponseBodyBytes !== undefined) options.maxResponseBodyBytes = maxResponseBodyBytes;
  const maxConnections = number("maxConnections");
  if (maxConnections !== undefined) options.maxConnections = maxConnections;
  const proxyUri = get("proxy.uri");
  if (proxyUri !== undefined) {
    try {
      options.proxyConfiguration = new ProxyConfiguration({
        uri: proxyUri,
        username: get("proxy.username"),
        password: get("proxy.password"),
      });
    } catch (error) {
      fail(PREFIX + "proxy.uri", (error as Error).message.replace(/^proxy uri /, ""));
    }
  }
  const cart = ["creator", "name", "version", "extensionId"] as const;
  if (cart.some((field) => get(`shoppingCartExtension.${field}`) !== undefined)) {
    options.shoppingCartExtension = {
      creator: get("shoppingCartExtension.creator") ?? "",
      name: get("shoppingCartExtension.name") ?? "",
      version: get("shoppingCartExtension.version") ?? "",
      extensionId: get("shoppingCartExtension.extensionId"),
    };
  }

  try {
    return new CommunicatorConfiguration(options, file);
  } catch (error) {
    throw error instanceof ConfigurationException ? renameKey(error, file) : error;
  }
}

/** Re-labels an error raised for an option with the property key the file uses for it. */
function renameKey(error: ConfigurationException, file: string): ConfigurationException {
  const entry = Object.entries(KEYS).find(([, option]) => option === error.key);
  if (!entry) return error;
  const prefix = `${file}: ${error.key} `;
  const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new ConfigurationException(PREFIX + entry[0], problem, file);
}
