import { SafeError } from "./safe-error.js";
import { SAFE_FIELDS, safeBody, safeText } from "./safe-view.js";

/** The error fields of an API error body (`ApiPaymentErrorResponse`). */
export interface ApiErrorFields {
  type?: string | null | undefined;
  title?: string | null | undefined;
  status?: number | null | undefined;
  detail?: string | null | undefined;
  instance?: string | null | undefined;
  /** The platform's id of the failed request; quote it to Worldline support. */
  requestId?: string | null | undefined;
}

/** Where an {@link ApiException} came from: the HTTP status and the raw body. */
export interface ApiExceptionInit extends ApiErrorFields {
  statusCode: number;
  responseBody: string;
  message?: string;
}

/** The parsed error fields as kept: absent ones are null. */
type ParsedFields = { readonly [K in keyof ApiErrorFields]-?: Exclude<ApiErrorFields[K], undefined> };

const DEFAULT_MESSAGE = "The Worldline Acquiring platform returned an error response";

/**
 * The Worldline Acquiring platform answered with an error status. Base class of the
 * status-specific exceptions; used as is for statuses they do not cover (401, 405, 429, 504, …).
 *
 * The body and the fields parsed from it may echo card data, so they are read through getters and
 * never shown in clear: `util.inspect`, `JSON.stringify` and `toString` render the body through the
 * default BodyObfuscator and mask card-number-like digit runs in every field; the message has such
 * runs masked from the start.
 */
export class ApiException extends SafeError {
  /** The HTTP status code of the response; 0 when the request was refused before it was sent. */
  readonly statusCode: number;
  readonly #responseBody: string;
  readonly #fields: ParsedFields;

  constructor(init: ApiExceptionInit) {
    super(init.message ?? DEFAULT_MESSAGE);
    this.statusCode = init.statusCode;
    this.#responseBody = init.responseBody;
    this.#fields = {
      type: init.type ?? null,
      title: init.title ?? null,
      status: init.status ?? null,
      detail: init.detail ?? null,
      instance: init.instance ?? null,
      requestId: init.requestId ?? null,
    };
  }

  /** The raw response body, as text; may hold card data, so never log it as is. */
  get responseBody(): string {
    return this.#responseBody;
  }

  /** The `type` of the API error body (a URI naming the problem), or null. */
  get type(): string | null {
    return this.#fields.type;
  }

  /** The `title` of the API error body, or null. */
  get title(): string | null {
    return this.#fields.title;
  }

  /** The `status` of the API error body, or null. */
  get status(): number | null {
    return this.#fields.status;
  }

  /** The `detail` of the API error body, as sent (it may quote request data), or null. */
  get detail(): string | null {
    return this.#fields.detail;
  }

  /** The `instance` of the API error body, or null. */
  get instance(): string | null {
    return this.#fields.instance;
  }

  /** The platform's id of the failed request, when the body had one; quote it to Worldline support. */
  get requestId(): string | null {
    return this.#fields.requestId;
  }

  /**
   * The message with the status code and the response body, as the other Worldline SDKs print it;
   * the body as the safe view shows it.
   */
  override toString(): string {
    const body = safeBody(this, this.#responseBody, undefined) ?? "";
    return safeText(
      this,
      `${this.name}: ${this.message}; statusCode=${this.statusCode}; responseBody='${body}'`,
    );
  }

  /** The fields the safe view shows, masked. @internal */
  override [SAFE_FIELDS](): Record<string, unknown> {
    const fields = this.#fields;
    return {
      statusCode: this.statusCode,
      type: safeText(this, fields.type),
      title: safeText(this, fields.title),
      status: fields.status,
      detail: safeText(this, fields.detail),
      instance: safeText(this, fields.instance),
      requestId: safeText(this, fields.requestId),
      responseBody: safeBody(this, this.#responseBody, undefined),
    };
  }
}
