import { BodyObfuscator } from "./body-obfuscator.js";
import { HeaderObfuscator } from "./header-obfuscator.js";

/** The obfuscators a log message applies; each defaults to the `DEFAULT` instance. */
export interface LogMessageObfuscators {
  body?: BodyObfuscator | undefined;
  header?: HeaderObfuscator | undefined;
}

/** A header as it is logged: the value is already obfuscated. */
export interface LoggedHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * What request and response log messages share: the request id, headers and body, obfuscated as
 * soon as they are added so that nothing in clear is kept; the text is built by `getMessage()`.
 */
export abstract class LogMessage {
  /** Identifies one HTTP exchange, to match a response (or error) with its request. */
  readonly requestId: string;
  readonly #bodyObfuscator: BodyObfuscator;
  readonly #headerObfuscator: HeaderObfuscator;
  readonly #headers: LoggedHeader[] = [];
  #body: string | undefined;
  #contentType: string | undefined;

  protected constructor(requestId: string, obfuscators: LogMessageObfuscators | undefined) {
    this.requestId = requestId;
    this.#bodyObfuscator = obfuscators?.body ?? BodyObfuscator.DEFAULT;
    this.#headerObfuscator = obfuscators?.header ?? HeaderObfuscator.DEFAULT;
  }

  /** The headers added so far, in order, with obfuscated values. */
  get headers(): readonly LoggedHeader[] {
    return this.#headers;
  }

  /** The obfuscated body, or undefined when no body was set. */
  get body(): string | undefined {
    return this.#body;
  }

  /** The body's Content-Type, as given to {@link setBody}. */
  get contentType(): string | undefined {
    return this.#contentType;
  }

  /** Adds a header; its value is obfuscated right away. */
  addHeader(name: string, value: string): this {
    this.#headers.push({ name, value: this.#headerObfuscator.obfuscateHeader(name, value) });
    return this;
  }

  /**
   * Sets the body, obfuscated right away (binary content types give `<binary content>`).
   * @param body - the body text; undefined means no body.
   * @param contentType - the Content-Type header value, if any.
   */
  setBody(body: string | undefined, contentType: string | undefined): this {
    this.#body = body === undefined ? undefined : this.#bodyObfuscator.obfuscateBody(body, contentType);
    this.#contentType = contentType;
    return this;
  }

  /** Marks the body as binary (a multipart upload, a downloaded file) without reading it. */
  setBinaryBody(contentType: string | undefined): this {
    this.#body = "<binary content>";
    this.#contentType = contentType;
    return this;
  }

  /** The text to log, built on each call. */
  abstract getMessage(): string;

  /** The `headers:` line, then the `content-type:` and `body:` lines when a body was set. */
  protected formatHeadersAndBody(): string {
    let headers = "";
    for (const { name, value } of this.#headers) {
      headers += `${headers === "" ? "" : ", "}${name}="${value}"`;
    }
    const headersLine = `\n  headers:      ${headers}`;
    if (this.#body === undefined) return headersLine;
    return `${headersLine}\n  content-type: '${this.#contentType ?? ""}'\n  body:         '${this.#body}'`;
  }
}
