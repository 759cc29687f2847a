import type { RequestHeader } from "../transport/connection.js";

/** Per-call options of {@link Authenticator.getAuthorization}. */
export interface AuthorizationOptions {
  /** Fires when the call gave up (deadline or cancellation); the authenticator may stop waiting. */
  signal?: AbortSignal;
}

/** Signs API requests: computes the Authorization header value of each request. */
export interface Authenticator {
  /**
   * The Authorization header value for a request.
   * @param httpMethod - e.g. `POST`
   * @param uri - the request's full URI
   * @param headers - the request's other headers
   */
  getAuthorization(
    httpMethod: string,
    uri: URL,
    headers: RequestHeader[],
    options?: AuthorizationOptions,
  ): Promise<string>;
  /**
   * The Authorization header value for a request when it is at hand without waiting (a cached,
   * still valid token), else undefined, and the Communicator calls getAuthorization. Optional: it
   * spares a promise and two event-loop turns per call.
   */
  cachedAuthorization?(httpMethod: string, uri: URL, headers: RequestHeader[]): string | undefined;
  /** Called on a 401 with the rejected value, before the single retry (which happens either way). */
  invalidate?(authorization: string): void;
  /**
   * The secrets this authenticator holds (client secret, current and last rejected token), which
   * the Communicator masks in every exception it throws, should a server have echoed one.
   */
  knownSecrets?(): readonly string[];
}
