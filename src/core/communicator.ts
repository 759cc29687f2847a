import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Authenticator } from "../auth/authenticator.js";
import { CommunicationException } from "../errors/communication-exception.js";
import { OutcomeUnknownException } from "../errors/outcome-unknown-exception.js";
import { redactSecrets } from "../errors/redact-secrets.js";
import { ResponseException } from "../errors/response-exception.js";
import { ValidationException } from "../errors/validation-exception.js";
import type { ValidationIssue } from "../errors/validation-exception.js";
import type { Marshaller } from "../json/marshaller.js";
import type { BodyObfuscator } from "../log/body-obfuscator.js";
import type { CommunicatorLogger } from "../log/communicator-logger.js";
import type { HeaderObfuscator } from "../log/header-obfuscator.js";
import type { MetadataProvider } from "../metadata/metadata-provider.js";
import type { BinaryResponse } from "../transport/binary-response.js";
import { isPooledConnection } from "../transport/connection.js";
import type {
  ConnectionRequestOptions,
  Connection,
  ConnectionBody,
  ConnectionResponse,
  RequestHeader,
} from "../transport/connection.js";
import { MultipartFormDataObject } from "../transport/multipart-form-data-object.js";
import type { UploadableFile } from "../transport/uploadable-file.js";
import { DEFAULT_RETRY_OPTIONS } from "../config/retry-options.js";
import type { RetryOptions } from "../config/retry-options.js";
import { CallSignal } from "./call-signal.js";
import { RetryPolicy } from "./retry-policy.js";
import { safeLog } from "../log/safe-log.js";
import { errorForResponse } from "./error-mapping.js";
import type { FailedRequest } from "./error-mapping.js";
import type { Operation, OperationCall, QueryParams } from "./operation.js";
import { failureKind } from "./failure-kind.js";
import { expandPath } from "./path.js";
import { DEFAULT_MAX_RESPONSE_BODY_BYTES, readBodyText } from "./read-body.js";
import { BoundedMap } from "../internal/bounded-map.js";
import { firstValue } from "../internal/first-value.js";

/** Options of a {@link Communicator} beyond its components. */
export interface CommunicatorOptions {
  /** Check request bodies against their JSON schemas before sending. Default false. */
  validateRequests?: boolean;
  /** Automatic retries of requests that cannot charge twice; see RetryPolicy. Default 2 retries. */
  retry?: Readonly<RetryOptions>;
  /** The largest response body read into memory, in bytes. Default 16 MiB. */
  maxResponseBodyBytes?: number;
  /** Resolves calls whose outcome is unknown (see InDoubtPolicy); by default they are only reported. */
  inDoubtResolver?: InDoubtResolver | undefined;
}

/**
 * Decides what happens after a call ended with an OutcomeUnknownException: returns the call's
 * result (e.g. by re-sending it) or throws. `execute` runs an operation without this resolver.
 */
export type InDoubtResolver = (
  execute: (operation: Operation, call: OperationCall) => Promise<unknown>,
  operation: Operation,
  call: OperationCall,
  error: OutcomeUnknownException,
) => Promise<unknown>;

/** An authenticator that can log its own traffic (the token request). */
interface LoggingAuthenticator extends Authenticator {
  enableLogging(logger: CommunicatorLogger): void;
  disableLogging(): void;
  close?(): Promise<void>;
}

/**
 * Turns operations into HTTP requests and responses into objects or exceptions. Made of the API
 * endpoint, a {@link Connection}, an {@link Authenticator}, a {@link MetadataProvider} and a
 * {@link Marshaller}; one Communicator can serve many clients. Subclasses may override the steps.
 */
export class Communicator {
  /** The API's origin; requests go to it whatever is done to this object later. */
  readonly apiEndpoint: URL;
  readonly connection: Connection;
  readonly authenticator: Authenticator;
  readonly metadataProvider: MetadataProvider;
  readonly marshaller: Marshaller;
  readonly #origin: string;
  /** URIs without a query, by path; parsing one costs more than the rest of building a request. */
  readonly #uris = new BoundedMap<string, { uri: URL; href: string }>(1024);
  readonly #validateRequests: boolean;
  readonly #retryPolicy: RetryPolicy;
  readonly #maxResponseBodyBytes: number;
  readonly #inDoubtResolver: InDoubtResolver | undefined;
  #logger: CommunicatorLogger | undefined;
  #closed: Promise<void> | undefined;

  constructor(
    apiEndpoint: URL,
    connection: Connection,
    authenticator: Authenticator,
    metadataProvider: MetadataProvider,
    marshaller: Marshaller,
    options: CommunicatorOptions = {},
  ) {
    this.apiEndpoint = new URL(apiEndpoint.origin);
    this.#origin = this.apiEndpoint.origin;
    this.connection = connection;
    this.authenticator = authenticator;
    this.metadataProvider = metadataProvider;
    this.marshaller = marshaller;
    this.#validateRequests = options.validateRequests ?? false;
    this.#retryPolicy = new RetryPolicy(options.retry ?? DEFAULT_RETRY_OPTIONS);
    this.#maxResponseBodyBytes = options.maxResponseBodyBytes ?? DEFAULT_MAX_RESPONSE_BODY_BYTES;
    this.#inDoubtResolver = options.inDoubtResolver;
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.#closed !== undefined;
  }

  /**
   * Runs one API operation: checks and builds the request, sends it, and returns the parsed
   * response (null for an empty body; a BinaryResponse for a file).
   * @throws ValidationException before sending anything, for an invalid path id or (with
   * `validateRequests`) a body that breaks its schema; then the exceptions of the guide's table for
   * error responses, CommunicationException for network failures, deadlines and cancellation.
   */
  execute<T>(operation: Operation, call: OperationCall): Promise<T> {
    const resolver = this.#inDoubtResolver;
    if (!resolver) return this.#execute<T>(operation, call);
    return this.#execute<T>(operation, call).catch((error: unknown) => {
      if (!(error instanceof OutcomeUnknownException)) throw error;
      safeLog.message(this.#logger, `${operation.id}: ${error.message}; applying the in-doubt policy`);
      return resolver((op, c) => this.#execute(op, c), operation, call, error) as Promise<T>;
    });
  }

  async #execute<T>(operation: Operation, call: OperationCall): Promise<T> {
    if (this.#closed) throw new Error("This Communicator (and every client sharing it) is closed");
    const issues: ValidationIssue[] = [];
    const path = expandPath(operation.path, call.pathParams, issues);
    if (this.#validateRequests && operation.validate && call.body !== undefined) {
      issues.push(...operation.validate(call.body));
    }
    if (path === undefined || issues.length > 0) {
      throw ValidationException.beforeSending(
        `${operation.id} (${operation.method} ${operation.path})`,
        issues,
      );
    }
    const callSignal = call.context ? new CallSignal(call.context) : CallSignal.NONE;
    const request: FailedRequest = { method: operation.method, path, operationId: operationIdOf(call.body) };
    const early = callSignal.failure(request.method, path);
    if (early) {
      callSignal.dispose();
      throw early;
    }
    try {
      const uri = this.buildUri(path, call.query);
      const body = this.marshalRequest(operation, call.body);
      const attempts = { retries: 0 };
      for (;;) {
        const response = await this.send(request, uri, body, callSignal, attempts);
        try {
          return await this.handleResponse<T>(operation, request, response);
        } catch (error) {
          // A GET or DELETE whose body broke off is as safe to repeat as one that never started.
          if (!(error instanceof CommunicationException) || error instanceof ResponseException) throw error;
          const reason = callSignal.signal?.aborted
            ? undefined
            : this.#retryPolicy.retryReasonForError(request.method, error);
          const delay = reason === undefined ? undefined : this.#retryDelay(attempts.retries, undefined);
          if (delay === undefined) throw error;
          await this.#waitBeforeRetry(
            ++attempts.retries,
            delay,
            `${reason} while the body was read`,
            undefined,
            callSignal,
          );
        }
      }
    } catch (error) {
      const failure =
        error instanceof OutcomeUnknownException
          ? error
          : (callSignal.failure(request.method, path) ?? error);
      // A server may echo the token or the client secret (in a detail, an error_description).
      throw redactSecrets(failure, this.authenticator.knownSecrets?.() ?? []);
    } finally {
      callSignal.dispose();
    }
  }

  /** Closes the connection (and the authenticator's, if it has one); calls afterwards reject. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      const authenticator = this.authenticator as Partial<LoggingAuthenticator>;
      await Promise.all([this.connection.close(), authenticator.close?.()]);
    })();
    return this.#closed;
  }

  /** Closes pooled connections idle for at least `idleTimeMs`; a no-op unless the connection is pooled. */
  closeIdleConnections(idleTimeMs: number): void {
    if (isPooledConnection(this.connection)) this.connection.closeIdleConnections(idleTimeMs);
  }

  /** Closes pooled connections that can no longer be used; a no-op unless the connection is pooled. */
  closeExpiredConnections(): void {
    if (isPooledConnection(this.connection)) this.connection.closeExpiredConnections();
  }

  /** Logs every request and response (the token request too), obfuscated, to `logger`. */
  enableLogging(logger: CommunicatorLogger): void {
    this.#logger = logger;
    this.connection.enableLogging(logger);
    const authenticator = this.authenticator as Partial<LoggingAuthenticator>;
    authenticator.enableLogging?.(logger);
  }

  disableLogging(): void {
    this.#logger = undefined;
    this.connection.disableLogging();
    const authenticator = this.authenticator as Partial<LoggingAuthenticator>;
    authenticator.disableLogging?.();
  }

  setBodyObfuscator(obfuscator: BodyObfuscator): void {
    this.connection.setBodyObfuscator(obfuscator);
  }

  setHeaderObfuscator(obfuscator: HeaderObfuscator): void {
    this.connection.setHeaderObfuscator(obfuscator);
  }

  /**
   * The full request URI: endpoint, encoded path and the defined query parameters. Calls to the
   * same path without a query share one URL object, so a Connection or Authenticator must not
   * change the URL it is given; one that was changed anyway is not handed out again.
   */
  protected buildUri(path: string, query: QueryParams | undefined): URL {
    if (query === undefined) {
      const cached = this.#uris.get(path);
      // The same string object while the URL is unchanged, so this compares no characters.
      if (cached !== undefined && cached.uri.href === cached.href) return cached.uri;
      const uri = new URL(this.#origin + path);
      this.#uris.set(path, { uri, href: uri.href });
      return uri;
    }
    const uri = new URL(this.#origin + path);
    for (const name in query) {
      const value = query[name];
      if (value !== undefined) uri.searchParams.append(name, String(value));
    }
    return uri;
  }

  /** JSON text, a multipart form, or undefined when the operation has no body. */
  protected marshalRequest(operation: Operation, body: unknown): ConnectionBody {
    if (body === undefined || operation.method === "GET" || operation.method === "DELETE") return undefined;
    if (!operation.multipartParts) return this.marshaller.marshal(body);
    if (body instanceof MultipartFormDataObject) return body;
    const form = new MultipartFormDataObject();
    const parts = body as Record<string, string | UploadableFile | undefined>;
    for (const name of operation.multipartParts) {
      const part = parts[name];
      if (typeof part === "string") form.addValue(name, part);
      else if (part !== undefined) form.addFile(name, part);
    }
    return form;
  }

  /**
   * The headers of one request, in this order: Content-Type (with a body), the metadata headers,
   * Date, Trace-Id, and Authorization last, since an authenticator may sign the others. An array
   * at once when the authenticator has the Authorization value at hand, else a promise of it.
   */
  protected buildHeaders(
    method: string,
    uri: URL,
    body: ConnectionBody,
    callSignal: CallSignal,
  ): RequestHeader[] | Promise<RequestHeader[]> {
    const headers: RequestHeader[] = [];
    if (body instanceof MultipartFormDataObject)
      headers.push({ name: "Content-Type", value: body.contentType });
    else if (body !== undefined) headers.push(JSON_CONTENT_TYPE);
    headers.push(...this.metadataProvider.metadataHeaders);
    headers.push({ name: "Date", value: httpDate() }, { name: "Trace-Id", value: randomUUID() });
    const cached = this.authenticator.cachedAuthorization?.(method, uri, headers);
    if (cached !== undefined) {
      headers.push({ name: "Authorization", value: cached });
      return headers;
    }
    return this.#withAuthorization(method, uri, headers, callSignal);
  }

  /**
   * Sends the request, repeating it where the retry policy allows. A 401 makes the authenticator
   * drop the rejected token and the request is sent once more with a new one: the platform
   * refused it without acting on it, so even a POST may be repeated then.
   */
  protected async send(
    request: FailedRequest,
    uri: URL,
    body: ConnectionBody,
    callSignal: CallSignal,
    attempts: { retries: number } = { retries: 0 },
  ): Promise<ConnectionResponse> {
    const method = request.method;
    let renewedToken = false;
    for (;;) {
      const built = this.buildHeaders(method, uri, body, callSignal);
      const headers = Array.isArray(built) ? built : await built;
      // Only a logger needs to tie the connection's log lines to the retry lines.
      const requestId = this.#logger ? randomUUID() : undefined;
      let response: ConnectionResponse;
      try {
        response = await this.#dispatch(method, uri, headers, body, callSignal, requestId);
      } catch (cause) {
        const error = this.#dispatchFailure(request, callSignal, cause);
        const reason = callSignal.signal?.aborted
          ? undefined
          : this.#retryPolicy.retryReasonForError(method, error);
        const delay = reason === undefined ? undefined : this.#retryDelay(attempts.retries, undefined);
        if (delay === undefined) throw error;
        await this.#waitBeforeRetry(
          ++attempts.retries,
          delay,
          `${reason} (${messageOf(error)})`,
          requestId,
          callSignal,
        );
        continue;
      }
      const status = response.statusCode;
      if (status === 401 && !renewedToken) {
        renewedToken = true;
        await drain(response);
        this.authenticator.invalidate?.(headers[headers.length - 1]!.value);
        continue;
      }
      if (!this.#retryPolicy.isRetryableStatus(method, status)) return response;
      const delay = this.#retryDelay(attempts.retries, firstValue(response.headers["retry-after"]));
      if (delay === undefined) return response;
      await drain(response);
      await this.#waitBeforeRetry(++attempts.retries, delay, `status ${status}`, requestId, callSignal);
    }
  }

  /** Turns a response into the operation's result, or throws the exception its status calls for. */
  protected async handleResponse<T>(
    operation: Operation,
    request: FailedRequest,
    response: ConnectionResponse,
  ): Promise<T> {
    const { statusCode, headers } = response;
    const success = statusCode >= 200 && statusCode < 300;
    if (success && operation.response === "binary") return binaryResponse(response) as T;
    let text: string;
    try {
      text = await readBodyText(response, this.#maxResponseBodyBytes);
    } catch (error) {
      throw bodyReadFailure(request, statusCode, error);
    }
    if (success) return this.marshaller.unmarshal<T>(text);
    throw errorForResponse(request, statusCode, headers, text, (body) => this.marshaller.unmarshal(body));
  }

  async #withAuthorization(
    method: string,
    uri: URL,
    headers: RequestHeader[],
    callSignal: CallSignal,
  ): Promise<RequestHeader[]> {
    const signal = callSignal.signal;
    const authorization = await callSignal.race(
      this.authenticator.getAuthorization(method, uri, headers, signal ? { signal } : undefined),
    );
    headers.push({ name: "Authorization", value: authorization });
    return headers;
  }

  #retryDelay(retry: number, retryAfter: string | undefined): number | undefined {
    return retry < this.#retryPolicy.maxRetries ? this.#retryPolicy.delayMs(retry, retryAfter) : undefined;
  }

  async #waitBeforeRetry(
    retry: number,
    delayMs: number,
    reason: string,
    requestId: string | undefined,
    callSignal: CallSignal,
  ): Promise<void> {
    safeLog.message(
      this.#logger,
      `Retrying request '${requestId ?? "-"}' (retry ${retry} of ${this.#retryPolicy.maxRetries}) in ${Math.round(delayMs)} ms: ${reason}`,
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      await callSignal.race(new Promise<void>((resolve) => (timer = setTimeout(resolve, delayMs))));
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Hands the request to the connection. Failures become CommunicationExceptions; one that may
   * have reached the platform with a POST or PUT becomes an OutcomeUnknownException.
   */
  #dispatch(
    method: Operation["method"],
    uri: URL,
    headers: RequestHeader[],
    body: ConnectionBody,
    callSignal: CallSignal,
    requestId: string | undefined,
  ): Promise<ConnectionResponse> {
    const signal = callSignal.signal;
    const options: ConnectionRequestOptions | undefined =
      requestId === undefined
        ? signal
          ? { signal }
          : undefined
        : signal
          ? { signal, requestId }
          : { requestId };
    const connection = this.connection;
    return method === "GET"
      ? connection.get(uri, headers, options)
      : method === "DELETE"
        ? connection.delete(uri, headers, options)
        : method === "POST"
          ? connection.post(uri, headers, body, options)
          : connection.put(uri, headers, body, options);
  }

  /**
   * A failure of the connection as a CommunicationException; one that may have reached the
   * platform with a POST or PUT becomes an OutcomeUnknownException.
   */
  #dispatchFailure(request: FailedRequest, callSignal: CallSignal, error: unknown): Error {
    const { method } = request;
    const failure =
      callSignal.failure(method, request.path) ??
      (error instanceof CommunicationException
        ? error
        : new CommunicationException(`${method} ${request.path} failed: ${messageOf(error)}`, {
            cause: error,
          }));
    if ((method === "POST" || method === "PUT") && failureKind(error) !== "connect") {
      return new OutcomeUnknownException(failure.message, request.operationId, { cause: failure.cause });
    }
    return failure;
  }
}

const JSON_CONTENT_TYPE: RequestHeader = Object.freeze({ name: "Content-Type", value: "application/json" });

let cachedDate = "";
let cachedDateSecond = 0;

/** The current time as an RFC 1123 `Date` header value, formatted at most once a second. */
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== cachedDateSecond) {
    cachedDateSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}

function operationIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const operationId = (body as { operationId?: unknown }).operationId;
  return typeof operationId === "string" ? operationId : undefined;
}

async function drain(response: ConnectionResponse): Promise<void> {
  for await (const chunk of response.body) void chunk;
}

function binaryResponse(response: ConnectionResponse): BinaryResponse {
  const { headers } = response;
  const result: BinaryResponse = {
    headers,
    body: response.body instanceof Readable ? response.body : Readable.from(response.body),
  };
  const contentType = firstValue(headers["content-type"]);
  if (contentType !== undefined) result.contentType = contentType;
  const length = Number(firstValue(headers["content-length"]));
  if (Number.isInteger(length) && length >= 0) result.contentLength = length;
  const filename = filenameOf(firstValue(headers["content-disposition"]));
  if (filename !== undefined) result.filename = filename;
  return result;
}

/** The `filename` parameter of a Content-Disposition header, quotes removed. */
function filenameOf(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // Fall back to the plain parameter below.
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/.exec(disposition);
  if (!plain) return undefined;
  return plain[2] !== undefined ? plain[2].replace(/\\(.)/g, "$1") : plain[1]!.trim();
}

/**
 * A response whose body broke off. After a POST or PUT its outcome is unknown to the caller even
 * though the status arrived: the body that says what happened is lost.
 */
function bodyReadFailure(request: FailedRequest, statusCode: number, error: unknown): Error {
  if (error instanceof OutcomeUnknownException) return error;
  const message = `${request.method} ${request.path}: the body of the ${statusCode} response could not be read: ${messageOf(error)}`;
  if (request.method === "POST" || request.method === "PUT") {
    return new OutcomeUnknownException(message, request.operationId, { cause: error });
  }
  return error instanceof CommunicationException
    ? error
    : new CommunicationException(message, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
