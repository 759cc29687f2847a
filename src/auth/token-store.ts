/** An access token as kept in a {@link TokenStore}. */
export interface StoredToken {
  accessToken: string;
  /** When the token stops being valid, in milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Where OAuth2 access tokens are kept. The default keeps them in the authenticator's memory; give
 * one backed by a shared cache (Redis, a database…) so that a fleet of processes shares one token
 * instead of each asking the token endpoint. Keys name the token endpoint, client id and scopes,
 * never the secret. Methods may be synchronous or return promises; a store that fails is bypassed.
 */
export interface TokenStore {
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): void | Promise<void>;
}
