import type { RequestModelName } from "../v1/index.js";
import type { SandboxScope } from "./scopes.js";

/** A request as a route handler sees it, after authentication and validation. */
export interface RouteRequest {
  /** Decoded path parameters by name. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body; undefined for GET and multipart requests. */
  readonly body: unknown;
  /** The raw body bytes. */
  readonly raw: Buffer;
  readonly contentType: string | undefined;
  /** Id of this request, echoed as `requestId` in answers. */
  readonly requestId: string;
  /** The time the request was received. */
  readonly now: Date;
}

/** What a route handler answers. Errors are thrown as `ApiProblem`. */
export type RouteResult =
  | { kind: "json"; status: number; body: unknown }
  | { kind: "empty"; status: number }
  | { kind: "binary"; status: number; contentType: string; fileName: string; data: Buffer };

/** One operation of the API: where it lives, what it needs, how it answers. */
export interface Route {
  /** The operation id of the spec, e.g. `processPayment`. */
  readonly operation: string;
  readonly method: "GET" | "POST";
  /** Path template with `{name}` parameters, absolute from the host. */
  readonly path: string;
  readonly scope: SandboxScope;
  /** JSON request model validated before the handler runs. */
  readonly requestModel?: RequestModelName;
  /** The body carries an `operationId` that makes the call idempotent. */
  readonly idempotent?: boolean;
  handle(request: RouteRequest): RouteResult;
}

/** A JSON answer. */
export function json(status: number, body: unknown): RouteResult {
  return { kind: "json", status, body };
}
