import { timingSafeEqual } from "node:crypto";
import { isSandboxScope, SANDBOX_SCOPES, type SandboxScope } from "./scopes.js";
import type { TokenStore } from "./token-store.js";

/** The client credentials the token endpoint accepts. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** An answer of the token endpoint: status, extra headers and JSON body. */
export interface TokenEndpointAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, string | number>;
}

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauth2Error(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): TokenEndpointAnswer {
  return { status, headers: { ...NO_STORE, ...headers }, body: { error, error_description: description } };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before being joined for Basic. */
function parseBasic(authorization: string): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  try {
    const formDecode = (s: string): string => decodeURIComponent(s.replace(/\+/g, " "));
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * The OAuth2 client-credentials token endpoint (RFC 6749 §4.4). Credentials come from the form
 * body or from HTTP Basic, never both; a requested `scope` must only name known scopes.
 */
export function handleTokenRequest(
  request: {
    method: string;
    contentType: string | undefined;
    authorization: string | undefined;
    body: Buffer;
  },
  credentials: ClientCredentials,
  tokens: TokenStore,
  ttlSeconds: number,
): TokenEndpointAnswer {
  if (request.method !== "POST") {
    return oauth2Error(405, "invalid_request", "the token endpoint only accepts POST", { Allow: "POST" });
  }
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.contentType ?? "")) {
    return oauth2Error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(request.body.toString("utf8"));
  const basic = request.authorization ? parseBasic(request.authorization) : undefined;
  if (request.authorization && !basic) {
    return oauth2Error(401, "invalid_client", "malformed Basic authorization header", {
      "WWW-Authenticate": 'Basic realm="acquiring-sandbox"',
    });
  }
  if (basic && (form.has("client_id") || form.has("client_secret"))) {
    return oauth2Error(400, "invalid_request", "client credentials must be sent in one way only");
  }
  const grantType = form.get("grant_type");
  if (!grantType) return oauth2Error(400, "invalid_request", "grant_type is missing");
  const id = basic?.id ?? form.get("client_id") ?? "";
  const secret = basic?.secret ?? form.get("client_secret") ?? "";
  if (id !== credentials.clientId || !sameSecret(secret, credentials.clientSecret)) {
    return oauth2Error(
      401,
      "invalid_client",
      "client authentication failed",
      basic ? { "WWW-Authenticate": 'Basic realm="acquiring-sandbox"' } : {},
    );
  }
  if (grantType !== "client_credentials") {
    return oauth2Error(400, "unsupported_grant_type", `grant_type '${grantType}' is not supported`);
  }
  const requested = (form.get("scope") ?? "").split(" ").filter((s) => s !== "");
  const unknown = requested.filter((s) => !isSandboxScope(s));
  if (unknown.length > 0) {
    return oauth2Error(400, "invalid_scope", `unknown scope(s): ${unknown.join(" ")}`);
  }
  const granted = new Set<SandboxScope>(
    requested.length > 0 ? requested.filter(isSandboxScope) : SANDBOX_SCOPES,
  );
  return {
    status: 200,
    headers: NO_STORE,
    body: {
      access_token: tokens.issue(granted, ttlSeconds),
      token_type: "Bearer",
      expires_in: ttlSeconds,
      scope: [...granted].join(" "),
    },
  };
}
