import { SafeError } from "./safe-error.js";
import { SAFE_FIELDS, safeText } from "./safe-view.js";

/**
 * The OAuth2 token endpoint refused to issue an access token, or failed. The message names the
 * OAuth2 `error` and `error_description`, with card-number-like digit runs masked; the client
 * secret is masked by the authenticator, which alone knows it (see redactSecrets).
 */
export class OAuth2Exception extends SafeError {
  readonly statusCode: number;
  readonly #error: string | null;
  readonly #errorDescription: string | null;

  constructor(statusCode: number, error: string | null, errorDescription: string | null) {
    super(
      `There was an error while retrieving the OAuth2 access token: ${error ?? `HTTP ${statusCode}`} - ${errorDescription ?? ""}`,
    );
    this.statusCode = statusCode;
    this.#error = error;
    this.#errorDescription = errorDescription;
  }

  /** The OAuth2 `error` code, e.g. `invalid_client`; null when the endpoint gave none. */
  get error(): string | null {
    return this.#error;
  }

  /** The OAuth2 `error_description`, as sent; null when the endpoint gave none. */
  get errorDescription(): string | null {
    return this.#errorDescription;
  }

  /** The fields the safe view shows, masked. @internal */
  override [SAFE_FIELDS](): Record<string, unknown> {
    return {
      statusCode: this.statusCode,
      error: safeText(this, this.#error),
      errorDescription: safeText(this, this.#errorDescription),
    };
  }
}
