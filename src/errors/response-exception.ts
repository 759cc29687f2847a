import { HeaderObfuscator } from "../log/header-obfuscator.js";
import { CommunicationException } from "./communication-exception.js";
import { SAFE_FIELDS, safeBody, safeText } from "./safe-view.js";

/** Response headers, with lower-case names. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * An error response that is not an API error, such as an HTML page from a gateway. Extends
 * {@link CommunicationException}, as the Worldline SDKs report such pages as communication failures.
 * The body and headers are read through getters and shown by `util.inspect` and `JSON.stringify`
 * only obfuscated: a page that is not JSON is withheld (its length shows), credentials in headers
 * are masked.
 */
export class ResponseException extends CommunicationException {
  readonly statusCode: number;
  readonly #body: string | null;
  readonly #headers: ResponseHeaders;

  constructor(
    statusCode: number,
    body: string | null,
    headers: Record<string, string | string[] | undefined>,
    message = `The server returned a non-API error response with status ${statusCode}`,
  ) {
    super(message);
    this.statusCode = statusCode;
    this.#body = body;
    this.#headers = headers;
  }

  /** The response body as text, as received (it may echo request data), or null when there was none. */
  get body(): string | null {
    return this.#body;
  }

  /** Response headers, with lower-case names, as received. */
  get headers(): ResponseHeaders {
    return this.#headers;
  }

  /** The value of a response header, matching the name case-insensitively; undefined when absent. */
  getHeader(name: string): string | undefined {
    const value = this.#headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  /** @internal */
  override [SAFE_FIELDS](): Record<string, unknown> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.#headers)) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(", ") : value;
      headers[name] = safeText(this, HeaderObfuscator.DEFAULT.obfuscateHeader(name, text));
    }
    return {
      statusCode: this.statusCode,
      body: safeBody(this, this.#body, this.getHeader("content-type")),
      headers,
    };
  }
}
