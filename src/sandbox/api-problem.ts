/** The JSON error body of the Acquiring API (`ApiPaymentErrorResponse`, RFC 7807 shaped). */
export interface ApiProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * An error answer of the simulated API, thrown by route handlers and turned into an
 * `application/problem+json` body by the server. `slug` becomes the problem `type`
 * (`/problems/<slug>`, a relative URI reference as RFC 7807 §3.1 allows).
 */
export class ApiProblem extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** Short machine-readable kind, e.g. `validation-error`. */
  readonly slug: string;
  /** Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, slug: string, detail: string, headers: Record<string, string> = {}) {
    super(detail);
    this.name = "ApiProblem";
    this.status = status;
    this.slug = slug;
    this.headers = headers;
  }

  /** The body sent for this problem on the request at `instance` (its path, without query). */
  toBody(instance: string, requestId: string): ApiProblemBody {
    return {
      type: `/problems/${this.slug}`,
      title: TITLES[this.status] ?? "Error",
      status: this.status,
      detail: this.message,
      instance,
      requestId,
    };
  }
}
