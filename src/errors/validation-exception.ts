import { ApiException } from "./api-exception.js";
import type { ApiExceptionInit } from "./api-exception.js";
import { SAFE_FIELDS, safeText } from "./safe-view.js";

/** One rule a request broke, found before it was sent. */
export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `$.cardPaymentData.cardData.cardNumber`. */
  path: string;
  /** The schema rule, e.g. `type`, `additionalProperties`, `required`, `enum`. */
  rule: string;
  /** What is wrong, in words; never contains the offending value. */
  message: string;
}

/**
 * 400 Bad Request: the request was not correct and could not be processed. Also raised before
 * anything is sent when `validateRequests` finds a schema violation or a path id is invalid; then
 * `statusCode` is 0 and `issues` lists every violation.
 */
export class ValidationException extends ApiException {
  /** The violations found before sending; empty for a 400 from the platform. */
  readonly issues: readonly ValidationIssue[];

  constructor(init: ApiExceptionInit & { issues?: readonly ValidationIssue[] }) {
    super(init);
    this.issues = init.issues ?? [];
  }

  /** @internal */
  override [SAFE_FIELDS](): Record<string, unknown> {
    const issues = this.issues.map((issue) => ({
      path: safeText(this, issue.path),
      rule: issue.rule,
      message: safeText(this, issue.message),
    }));
    return { ...super[SAFE_FIELDS](), issues };
  }

  /** A ValidationException for a request refused before it was sent. */
  static beforeSending(what: string, issues: readonly ValidationIssue[]): ValidationException {
    const detail = issues.map((issue) => `${issue.path}: ${issue.message} (${issue.rule})`).join("; ");
    return new ValidationException({
      statusCode: 0,
      responseBody: "",
      title: "Invalid request",
      detail,
      message: `${what} was not sent: ${detail}`,
      issues,
    });
  }
}
