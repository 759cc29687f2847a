/** Error codes of failures that happen before any byte of the request left: safe to retry. */
const CONNECT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Error codes of a connection that broke during the exchange: the server may have acted. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

/**
 * How a request failed without a response: `connect` (nothing was sent), `reset` (the connection
 * broke during the exchange) or `other` (timeouts, TLS and protocol errors). Looks through the
 * `cause` chain for a Node or undici error code.
 */
export function failureKind(error: unknown): "connect" | "reset" | "other" {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (CONNECT_CODES.has(code)) return "connect";
      if (RESET_CODES.has(code)) return "reset";
    }
    current = current.cause;
  }
  return "other";
}
