import { ApiException } from "../errors/api-exception.js";
import type { ApiErrorFields, ApiExceptionInit } from "../errors/api-exception.js";
import { AuthorizationException } from "../errors/authorization-exception.js";
import { IdempotenceException } from "../errors/idempotence-exception.js";
import { NotFoundException } from "../errors/not-found-exception.js";
import { PlatformException } from "../errors/platform-exception.js";
import { ReferenceException } from "../errors/reference-exception.js";
import { ResponseException } from "../errors/response-exception.js";
import { ValidationException } from "../errors/validation-exception.js";

/** What the error mapping needs to know about the request that failed. */
export interface FailedRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path without its query string, so no value from it reaches a message. */
  readonly path: string;
  /** The request body's `operationId`, when it had one. */
  readonly operationId: string | undefined;
}

/** Whether a Content-Type denotes a JSON body; an absent one counts as JSON, as in every Worldline SDK. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.trimStart().toLowerCase();
  return type.startsWith("application/json") || type.startsWith("application/problem+json");
}

/**
 * The exception for an error response (status outside 200–299), per the guide's table: an API
 * error body maps by status; a non-JSON page is a ResponseException (a 404 one: NotFoundException).
 */
export function errorForResponse(
  request: FailedRequest,
  statusCode: number,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  parse: (body: string) => unknown,
): Error {
  const contentType = headers["content-type"];
  if (body !== "" && !isJsonContentType(Array.isArray(contentType) ? contentType[0] : contentType)) {
    if (statusCode === 404) {
      return new NotFoundException(
        statusCode,
        body,
        headers,
        `The requested resource was not found; invalid path: ${request.path}`,
      );
    }
    return new ResponseException(
      statusCode,
      body,
      headers,
      `${request.method} ${request.path} returned status ${statusCode} with a non-API ${String(contentType)} body`,
    );
  }
  const init: ApiExceptionInit = {
    ...errorFields(body, parse),
    statusCode,
    responseBody: body,
    message: `The Worldline Acquiring platform returned an error response: ${statusCode} for ${request.method} ${request.path}`,
  };
  switch (statusCode) {
    case 400:
      return new ValidationException(init);
    case 403:
      return new AuthorizationException(init);
    case 409:
      return request.operationId === undefined
        ? new ReferenceException(init)
        : new IdempotenceException({ ...init, idempotenceKey: request.operationId });
    case 404:
    case 410:
      return new ReferenceException(init);
    case 500:
    case 502:
    case 503:
      return new PlatformException(init);
    default:
      return new ApiException(init);
  }
}

/** The API error fields of a body; all null when it is empty or not an error object. */
function errorFields(body: string, parse: (body: string) => unknown): ApiErrorFields {
  let parsed: unknown;
  try {
    parsed = parse(body);
  } catch {
    // The status still says what happened; the raw body stays in responseBody.
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const fields = parsed as Record<string, unknown>;
  const text = (name: string): string | null => (typeof fields[name] === "string" ? fields[name] : null);
  return {
    type: text("type"),
    title: text("title"),
    status: typeof fields["status"] === "number" ? fields["status"] : null,
    detail: text("detail"),
    instance: text("instance"),
    requestId: text("requestId"),
  };
}
