/** The OAuth2 token endpoint refused to issue an access token, or failed. */
export class OAuth2Exception extends Error {
  /** The OAuth2 `error` code, e.g. `invalid_client`; null when the endpoint gave none. */
  readonly error: string | null;
  readonly errorDescription: string | null;
  readonly statusCode: number;

  constructor(statusCode: number, error: string | null, errorDescription: string | null) {
    super(
      `There was an error while retrieving the OAuth2 access token: ${error ?? `HTTP ${statusCode}`} - ${errorDescription ?? ""}`,
    );
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.error = error;
    this.errorDescription = errorDescription;
  }
}
