import { maskCardNumbers } from "../errors/mask-card-numbers.js";
import type { LogMessageObfuscators } from "./log-message.js";
import { LogMessage } from "./log-message.js";

/**
 * The log message of an outgoing request. Header values and the body are obfuscated when added;
 * `getMessage()` gives:
 * ```text
 * Outgoing request (requestId='<id>'):
 *   method:       '<METHOD>'
 *   uri:          '<path?query>'
 *   headers:      <name="value", name2="value2">
 *   content-type: '<content type>'
 *   body:         '<obfuscated body>'
 * ```
 * where the last two lines appear only when a body was set.
 */
export class RequestLogMessage extends LogMessage {
  /** The HTTP method. */
  readonly method: string;
  readonly #uri: string;
  #maskedUri: string | undefined;

  /**
   * @param requestId - identifies the exchange (a random UUID, distinct from any `Trace-Id`).
   * @param method - the HTTP method.
   * @param uri - the request path and query.
   * @param obfuscators - the obfuscators to apply, by default `BodyObfuscator.DEFAULT` and
   *   `HeaderObfuscator.DEFAULT`.
   */
  constructor(requestId: string, method: string, uri: string, obfuscators?: LogMessageObfuscators) {
    super(requestId, obfuscators);
    this.method = method;
    this.#uri = uri;
  }

  /** The request path and query as logged: card-number-like digit runs masked, when first read. */
  get uri(): string {
    // A path id is free text too: a caller may have put a card number in it.
    this.#maskedUri ??= maskCardNumbers(this.#uri);
    return this.#maskedUri;
  }

  override getMessage(): string {
    return (
      `Outgoing request (requestId='${this.requestId}'):\n` +
      `  method:       '${this.method}'\n` +
      `  uri:          '${this.uri}'` +
      this.formatHeadersAndBody()
    );
  }
}
