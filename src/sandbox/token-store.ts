import { randomBytes } from "node:crypto";
import type { SandboxScope } from "./scopes.js";

/** An access token the sandbox issued. */
export interface IssuedToken {
  readonly scopes: ReadonlySet<SandboxScope>;
  /** Epoch milliseconds after which the token is refused. */
  readonly expiresAt: number;
}

/** Above this many tokens, expired ones are forgotten (they would be refused as "unknown" then). */
const PRUNE_THRESHOLD = 10_000;

/** Why a bearer token was refused. */
export type TokenRejection = "missing" | "unknown" | "expired";

/** The access tokens issued by the token endpoint, in memory. */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #now: () => number;

  /** @param now clock in epoch milliseconds. */
  constructor(now: () => number) {
    this.#now = now;
  }

  /** Issues a new opaque token valid for `ttlSeconds`. */
  issue(scopes: ReadonlySet<SandboxScope>, ttlSeconds: number): string {
    if (this.#tokens.size >= PRUNE_THRESHOLD) this.#pruneExpired();
    const token = randomBytes(24).toString("base64url");
    this.#tokens.set(token, { scopes, expiresAt: this.#now() + ttlSeconds * 1000 });
    return token;
  }

  /** Resolves an `Authorization` header value to its token, or says why it is refused. */
  check(authorization: string | undefined): IssuedToken | TokenRejection {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (!match?.[1]) return "missing";
    const token = this.#tokens.get(match[1]);
    if (!token) return "unknown";
    return this.#now() >= token.expiresAt ? "expired" : token;
  }

  #pruneExpired(): void {
    const now = this.#now();
    for (const [token, issued] of this.#tokens) if (now >= issued.expiresAt) this.#tokens.delete(token);
  }

  /** Makes every issued token unknown, as after a key rotation on the platform. */
  revokeAll(): void {
    this.#tokens.clear();
  }
}
