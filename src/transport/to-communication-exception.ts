import { CommunicationException } from "../errors/communication-exception.js";

/** The configured timeouts, in seconds, for the error messages. @internal */
export interface TimeoutSettings {
  readonly connectTimeoutSeconds: number;
  readonly socketTimeoutSeconds: number;
}

const proxyTunnelStatus = /Proxy response \((\d{3})\) !== 200/;
const proxyAuthenticationRequired = /\(407\)/;

/**
 * Turns a failure without a usable response into a {@link CommunicationException} whose message
 * names the method, origin and path (never the query, headers or body) and, for a timeout, which
 * one fired and its value. The original error is the `cause`. @internal
 */
export function toCommunicationException(
  error: unknown,
  method: string,
  uri: URL,
  timeouts: TimeoutSettings,
): CommunicationException {
  return requestFailure(error, method, uri.origin, uri.pathname, timeouts);
}

/** {@link toCommunicationException} for a request known by origin and path (its query is left out). @internal */
export function requestFailure(
  error: unknown,
  method: string,
  origin: string,
  path: string,
  timeouts: TimeoutSettings,
): CommunicationException {
  if (error instanceof CommunicationException) return error;
  const query = path.indexOf("?");
  const target = `${method} ${origin}${query < 0 ? path : path.slice(0, query)}`;
  return new CommunicationException(describe(error, target, timeouts), { cause: error });
}

function describe(error: unknown, target: string, timeouts: TimeoutSettings): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return `connect timeout (${timeouts.connectTimeoutSeconds} s) expired before a connection for ${target} was established`;
    case "UND_ERR_HEADERS_TIMEOUT":
      return `socket timeout (${timeouts.socketTimeoutSeconds} s) expired waiting for the response to ${target}`;
    case "UND_ERR_BODY_TIMEOUT":
      return `socket timeout (${timeouts.socketTimeoutSeconds} s) expired reading the response body of ${target}`;
  }
  if (proxyAuthenticationRequired.test(message) && message.includes("Proxy")) {
    return `the proxy refused authentication (407 Proxy Authentication Required) for ${target}`;
  }
  const tunnelStatus = proxyTunnelStatus.exec(message)?.[1];
  if (tunnelStatus !== undefined) {
    return `the proxy refused to open a tunnel (status ${tunnelStatus}) for ${target}`;
  }
  const suffix = typeof code === "string" && !message.includes(code) ? ` (${code})` : "";
  return `${target} failed: ${message}${suffix}`;
}
