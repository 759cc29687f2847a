import type { RequestHeader } from "../transport/connection.js";

/** Signs API requests: computes the Authorization header value of each request. */
export interface Authenticator {
  /**
   * The Authorization header value for a request.
   * @param httpMethod - e.g. `POST`
   * @param uri - the request's full URI
   * @param headers - the request's other headers
   */
  getAuthorization(httpMethod: string, uri: URL, headers: RequestHeader[]): Promise<string>;
  /** Called on a 401 with the rejected value, before the single retry (which happens either way). */
  invalidate?(authorization: string): void;
}
