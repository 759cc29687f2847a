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
 * What request and response log messages share: the request id, headers and body. They are
 * obfuscated once, when first read (by `getMessage()` or the accessors), so that a logger that
 * drops messages costs no obfuscation; the values in clear are held in private fields only, which
 * neither `util.inspect` nor `JSON.stringify` shows.
 */
export abstract class LogMessage {
  /** Identifies one HTTP exchange, to match a response (or error) with its request. */
  readonly requestId: string;
  readonly #bodyObfuscator: BodyObfuscator;
  readonly #headerObfuscator: HeaderObfuscator;
  readonly #rawHeaders: string[] = [];
  #headers: LoggedHeader[] | undefined;
  #rawBody: string | undefined;
  #body: string | undefined;
  #contentType: string | undefined;

  protected constructor(requestId: string, obfuscators: LogMessageObfuscators | undefined) {
    this.requestId = requestId;
    this.#bodyObfuscator = obfuscators?.body ?? BodyObfuscator.DEFAULT;
    this.#headerObfuscator = obfuscators?.header ?? HeaderObfuscator.DEFAULT;
  }

  /** The headers added so far, in order, with obfuscated values. */
  get headers(): readonly LoggedHeader[] {
    const raw = this.#rawHeaders;
    const headers = (this.#headers ??= []);
    for (let index = 0; index < raw.length; index += 2) {
      const name = raw[index]!;
      headers.push({ name, value: this.#headerObfuscator.obfuscateHeader(name, raw[index + 1]!) });
    }
    raw.length = 0;
    return headers;
  }

  /** The obfuscated body, or undefined when no body was set. */
  get body(): string | undefined {
    if (this.#rawBody !== undefined) {
      this.#body = this.#bodyObfuscator.obfuscateBody(this.#rawBody, this.#contentType);
      this.#rawBody = undefined;
    }
    return this.#body;
  }

  /** The body's Content-Type, as given to {@link setBody}. */
  get contentType(): string | undefined {
    return this.#contentType;
  }

  /** Adds a header; its value is obfuscated before anyone reads it. */
  addHeader(name: string, value: string): this {
    if (this.#headers !== undefined && this.#rawHeaders.length === 0) {
      this.#headers.push({ name, value: this.#headerObfuscator.obfuscateHeader(name, value) });
    } else {
      this.#rawHeaders.push(name, value);
    }
    return this;
  }

  /**
   * Sets the body, obfuscated before anyone reads it (binary content types give `<binary content>`).
   * @param body - the body text; undefined means no body.
   * @param contentType - the Content-Type header value, if any.
   */
  setBody(body: string | undefined, contentType: string | undefined): this {
    this.#rawBody = body;
    this.#body = undefined;
    this.#contentType = contentType;
    return this;
  }

  /** Marks the body as binary (a multipart upload, a downloaded file) without reading it. */
  setBinaryBody(contentType: string | undefined): this {
    this.#rawBody = undefined;
    this.#body = "<binary content>";
    this.#contentType = contentType;
    return this;
  }

  /** The text to log, built on each call. */
  abstract getMessage(): string;

  /** The `headers:` line, then the `content-type:` and `body:` lines when a body was set. */
  protected formatHeadersAndBody(): string {
    let headers = "";
    for (const { name, value } of this.headers) {
      headers += `${headers === "" ? "" : ", "}${name}="${value}"`;
    }
    const headersLine = `\n  headers:      ${headers}`;
    const body = this.body;
    if (body === undefined) return headersLine;
    return `${headersLine}\n  content-type: '${this.#contentType ?? ""}'\n  body:         '${body}'`;
  }
}
