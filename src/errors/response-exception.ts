import { CommunicationException } from "./communication-exception.js";

/**
 * An error response that is not an API error, such as an HTML page from a gateway. Extends
 * {@link CommunicationException}, as the Worldline SDKs report such pages as communication failures.
 */
export class ResponseException extends CommunicationException {
  readonly statusCode: number;
  /** The response body as text, or null when there was none. */
  readonly body: string | null;
  /** Response headers, with lower-case names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;

  constructor(
    statusCode: number,
    body: string | null,
    headers: Record<string, string | string[] | undefined>,
    message = `The server returned a non-API error response with status ${statusCode}`,
  ) {
    super(message);
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
  }

  /** The value of a response header, matching the name case-insensitively; undefined when absent. */
  getHeader(name: string): string | undefined {
    const value = this.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : value;
  }
}
