import type { ValidationIssue } from "../errors/validation-exception.js";
import type { CallContext } from "./call-context.js";

/** Query-string values; `undefined` values are left out. */
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** Static description of one API operation, generated from the spec. */
export interface Operation {
  /** The operation id, e.g. `processPayment`. */
  readonly id: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path template from the host, with `{name}` placeholders, e.g. `/services/v1/ping`. */
  readonly path: string;
  /** OAuth2 scopes the operation needs. */
  readonly scopes: readonly string[];
  /** `json`: the body is unmarshalled (an empty body gives null); `binary`: a BinaryResponse. */
  readonly response: "json" | "binary";
  /** Names of the parts of a multipart request body; absent for JSON bodies. */
  readonly multipartParts?: readonly string[];
  /** Checks a request body against the operation's JSON schema (with `validateRequests`). */
  readonly validate?: (body: unknown) => ValidationIssue[];
}

/** The per-call values of an operation. */
export interface OperationCall {
  /** Values for every placeholder of the operation's path. */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query?: QueryParams | undefined;
  /** The request model, or the multipart request object. */
  readonly body?: unknown;
  readonly context?: CallContext | undefined;
}
