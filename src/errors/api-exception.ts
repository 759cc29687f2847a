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

const DEFAULT_MESSAGE = "The Worldline Acquiring platform returned an error response";

/**
 * The Worldline Acquiring platform answered with an error status. Base class of the
 * status-specific exceptions; used as is for statuses they do not cover (401, 405, 429, 504, …).
 */
export class ApiException extends Error {
  /** The HTTP status code of the response; 0 when the request was refused before it was sent. */
  readonly statusCode: number;
  /** The raw response body, as text. */
  readonly responseBody: string;
  readonly type: string | null;
  readonly title: string | null;
  readonly status: number | null;
  readonly detail: string | null;
  readonly instance: string | null;
  /** The platform's id of the failed request, when the body had one; quote it to Worldline support. */
  readonly requestId: string | null;

  constructor(init: ApiExceptionInit) {
    super(init.message ?? DEFAULT_MESSAGE);
    this.name = new.target.name;
    this.statusCode = init.statusCode;
    this.responseBody = init.responseBody;
    this.type = init.type ?? null;
    this.title = init.title ?? null;
    this.status = init.status ?? null;
    this.detail = init.detail ?? null;
    this.instance = init.instance ?? null;
    this.requestId = init.requestId ?? null;
  }

  /** The message with the status code and the response body, as the other Worldline SDKs print it. */
  override toString(): string {
    return `${this.name}: ${this.message}; statusCode=${this.statusCode}; responseBody='${this.responseBody}'`;
  }
}
