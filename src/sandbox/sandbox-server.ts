import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiProblem } from "./api-problem.js";
import { DccRates } from "./dcc-rates.js";
import { Delays, SandboxClosedError } from "./delays.js";
import { DisputeStore } from "./dispute-store.js";
import { FaultInjector, faultInBody, type FaultKind } from "./faults.js";
import { authorizeRequest } from "./authorize-request.js";
import { attachmentDisposition } from "./content-disposition.js";
import { parseJsonBody } from "./parse-json-body.js";
import { MAX_BODY_BYTES, readRequestBody } from "./request-body.js";
import { gatewayHtmlPage } from "./html-pages.js";
import { IdempotenceStore, type StoredAnswer } from "./idempotence-store.js";
import { handleTokenRequest, type ClientCredentials } from "./oauth2-token-endpoint.js";
import { ProcessingStore } from "./processing-store.js";
import { RequestFields } from "./request-fields.js";
import type { Route } from "./route.js";
import { Router } from "./router.js";
import { cardInquiryRoutes } from "./routes/card-inquiry-routes.js";
import { disputeCaseRoutes } from "./routes/dispute-case-routes.js";
import { disputeDocumentRoutes } from "./routes/dispute-document-routes.js";
import { disputeSearchRoutes } from "./routes/dispute-search-routes.js";
import { paymentRoutes } from "./routes/payment-routes.js";
import { refundRoutes } from "./routes/refund-routes.js";
import { servicesRoutes } from "./routes/services-routes.js";
import { technicalReversalRoute } from "./routes/technical-reversal-route.js";
import { TokenStore } from "./token-store.js";

/** Path of the OAuth2 token endpoint on the sandbox. */
export const TOKEN_PATH = "/connect/token";

/** The request log keeps at least this many of the latest requests. */
const REQUEST_LOG_SIZE = 10_000;

/** The request target as a URL; a target that does not parse is treated as an unknown path. */
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? "/", "http://sandbox");
  } catch {
    return new URL("/invalid-request-target", "http://sandbox");
  }
}

/** One request the sandbox received, for tests to count and inspect. Holds no body or header. */
export interface SandboxRequestRecord {
  readonly method: string;
  readonly path: string;
  /** The operation id, `"token"` for the token endpoint, undefined for an unknown path. */
  readonly operation: string | undefined;
  /** The status answered; undefined while in progress or when the connection was dropped. */
  readonly status: number | undefined;
  /** The fault simulated for this request, if any. */
  readonly fault: FaultKind | undefined;
}

/** The server's own, updatable copy of a request record. */
type RequestRecord = { -readonly [K in keyof SandboxRequestRecord]: SandboxRequestRecord[K] };

/** Settings of a {@link SandboxServer}, all resolved. */
export interface SandboxServerConfig {
  credentials: ClientCredentials;
  tokenTtlSeconds: number;
  latencyMs: number;
  slowResponseMs: number;
  retryAfterSeconds: number;
  now: () => number;
}

function problemHeaders(problem: ApiProblem): Record<string, string> {
  return { "Content-Type": "application/problem+json", ...problem.headers };
}

/**
 * The HTTP side of the sandbox: token endpoint, routing, authentication, validation,
 * idempotence, faults and latency around the operation handlers.
 */
export class SandboxServer {
  readonly tokens: TokenStore;
  readonly processing = new ProcessingStore();
  readonly disputes: DisputeStore;
  readonly rates = new DccRates();
  readonly idempotence = new IdempotenceStore();
  readonly faults = new FaultInjector();
  readonly requests: RequestRecord[] = [];
  readonly #counts = new Map<string, number>();
  #total = 0;
  readonly #config: SandboxServerConfig;
  readonly #delays = new Delays();
  readonly #router: Router;
  readonly #http: Server;

  constructor(config: SandboxServerConfig) {
    this.#config = config;
    this.tokens = new TokenStore(config.now);
    this.disputes = new DisputeStore(config.now());
    const routes: Route[] = [
      ...paymentRoutes(this.processing),
      ...refundRoutes(this.processing),
      ...cardInquiryRoutes(this.processing),
      technicalReversalRoute(this.processing),
      ...servicesRoutes(this.processing, this.rates),
      ...disputeSearchRoutes(this.disputes),
      ...disputeCaseRoutes(this.disputes),
      ...disputeDocumentRoutes(this.disputes),
    ];
    this.#router = new Router(routes);
    this.#http = createServer((request, response) => {
      void this.#serve(request, response);
    });
  }

  /** Starts listening. @returns the bound address. */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.#http.once("error", reject);
      this.#http.listen(port, host, () => {
        this.#http.off("error", reject);
        resolve(this.#http.address() as AddressInfo);
      });
    });
  }

  /** Stops listening, cuts every connection and abandons pending slow answers. */
  close(): Promise<void> {
    this.#delays.cancelAll();
    return new Promise((resolve, reject) => {
      this.#http.close((error) => (error ? reject(error) : resolve()));
      this.#http.closeAllConnections();
    });
  }

  /** Drops payments, refunds, quotes, operationIds, faults and the request log; reseeds disputes. */
  reset(): void {
    this.processing.clear();
    this.rates.clear();
    this.idempotence.clear();
    this.faults.clear();
    this.requests.length = 0;
    this.#counts.clear();
    this.#total = 0;
    this.disputes.reseed(this.#config.now());
  }

  /** How many requests went to `operation` (an operation id or `"token"`), or to any when absent. */
  countRequests(operation?: string): number {
    return operation === undefined ? this.#total : (this.#counts.get(operation) ?? 0);
  }

  #log(record: RequestRecord): void {
    // Trimmed in halves so that a long-running sandbox neither grows without bound nor shifts every time.
    if (this.requests.length >= 2 * REQUEST_LOG_SIZE) this.requests.splice(0, REQUEST_LOG_SIZE);
    this.requests.push(record);
    this.#total += 1;
  }

  #identify(record: RequestRecord, operation: string): void {
    record.operation = operation;
    this.#counts.set(operation, (this.#counts.get(operation) ?? 0) + 1);
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(request.url);
    const record: RequestRecord = {
      method: request.method ?? "GET",
      path: url.pathname,
      operation: undefined,
      status: undefined,
      fault: undefined,
    };
    this.#log(record);
    const requestId = randomUUID();
    const send = (status: number, headers: Record<string, string>, body: string | Buffer = ""): void => {
      record.status = status;
      const payload = typeof body === "string" ? Buffer.from(body) : body;
      response.writeHead(status, {
        ...headers,
        "Content-Length": String(payload.length),
        "X-Request-Id": requestId,
      });
      response.end(payload);
    };
    const sendProblem = (problem: ApiProblem): void =>
      send(problem.status, problemHeaders(problem), JSON.stringify(problem.toBody(url.pathname, requestId)));
    try {
      const raw = await readRequestBody(request);
      if (raw === undefined) {
        sendProblem(
          new ApiProblem(413, "payload-too-large", `the request body exceeds ${MAX_BODY_BYTES} bytes`),
        );
        return;
      }
      if (url.pathname === TOKEN_PATH) {
        this.#identify(record, "token");
        if (await this.#gatewayFault(this.faults.take("token"), record, send, sendProblem)) return;
        await this.#delays.wait(this.#config.latencyMs);
        const answer = handleTokenRequest(
          {
            method: record.method,
            contentType: request.headers["content-type"],
            authorization: request.headers.authorization,
            body: raw,
          },
          this.#config.credentials,
          this.tokens,
          this.#config.tokenTtlSeconds,
        );
        if (record.fault === "drop") {
          request.socket.destroy();
          return;
        }
        send(
          answer.status,
          { "Content-Type": "application/json", ...answer.headers },
          JSON.stringify(answer.body),
        );
        return;
      }
      const match = this.#router.match(record.method, url.pathname);
      if (match.kind !== "found") {
        const status = match.kind === "not-found" ? 404 : 405;
        const allow: Record<string, string> =
          match.kind === "wrong-method" ? { Allow: match.allowed.join(", ") } : {};
        send(status, { "Content-Type": "text/html", ...allow }, gatewayHtmlPage(status));
        return;
      }
      const route = match.route;
      this.#identify(record, route.operation);
      if (await this.#gatewayFault(this.faults.take(route.operation), record, send, sendProblem)) return;
      authorizeRequest(this.tokens, route, request.headers.authorization);
      const body = route.requestModel
        ? parseJsonBody(route, route.requestModel, request.headers["content-type"], raw)
        : undefined;
      const claim = route.idempotent ? this.#claim(record, url.pathname, body) : { operationId: undefined };
      if ("replay" in claim) {
        send(claim.replay.status, { "Content-Type": "application/json" }, claim.replay.body);
        return;
      }
      try {
        const amountFault = route.idempotent && record.fault === undefined ? faultInBody(body) : undefined;
        if (await this.#gatewayFault(amountFault, record, send, sendProblem)) {
          if (claim.operationId !== undefined) this.idempotence.release(claim.operationId);
          return;
        }
        await this.#delays.wait(this.#config.latencyMs);
        const result = route.handle({
          params: match.params,
          query: url.searchParams,
          body,
          raw,
          contentType: request.headers["content-type"],
          requestId,
          now: new Date(this.#config.now()),
        });
        const text = result.kind === "json" ? JSON.stringify(result.body) : "";
        if (claim.operationId !== undefined) {
          this.idempotence.complete(claim.operationId, { status: result.status, body: text });
        }
        if (record.fault === "drop") {
          request.socket.destroy();
        } else if (result.kind === "json") {
          send(result.status, { "Content-Type": "application/json" }, text);
        } else if (result.kind === "empty") {
          send(result.status, {});
        } else {
          send(
            result.status,
            {
              "Content-Type": result.contentType,
              "Content-Disposition": attachmentDisposition(result.fileName),
            },
            result.data,
          );
        }
      } catch (error) {
        if (claim.operationId !== undefined) this.idempotence.release(claim.operationId);
        throw error;
      }
    } catch (error) {
      if (error instanceof SandboxClosedError || record.fault === "drop") {
        request.socket.destroy();
      } else if (error instanceof ApiProblem) {
        sendProblem(error);
      } else if (!response.headersSent) {
        sendProblem(new ApiProblem(500, "internal-error", "the sandbox failed to process the request"));
      }
    }
  }

  /**
   * Applies a fault: answers 500/502/503 (true: nothing more to do), waits for `slow`, or marks
   * the request so that its connection is dropped once processed.
   */
  async #gatewayFault(
    fault: FaultKind | undefined,
    record: RequestRecord,
    send: (status: number, headers: Record<string, string>, body: string) => void,
    sendProblem: (problem: ApiProblem) => void,
  ): Promise<boolean> {
    if (fault === undefined) return false;
    record.fault = fault;
    switch (fault) {
      case "http500":
      case "http502":
      case "http504": {
        const status = Number(fault.slice(4));
        send(status, { "Content-Type": "text/html" }, gatewayHtmlPage(status));
        return true;
      }
      case "http503":
      case "http429": {
        const retryAfter = { "Retry-After": String(this.#config.retryAfterSeconds) };
        sendProblem(
          fault === "http503"
            ? new ApiProblem(
                503,
                "service-unavailable",
                "the service is temporarily unavailable; retry later",
                retryAfter,
              )
            : new ApiProblem(
                429,
                "too-many-requests",
                "the request rate limit is exceeded; retry later",
                retryAfter,
              ),
        );
        return true;
      }
      case "slow":
        await this.#delays.wait(this.#config.slowResponseMs);
        return false;
      case "drop":
        return false;
    }
  }

  /**
   * Claims the body's `operationId` (none: nothing to claim) or finds the answer to replay.
   * @throws ApiProblem 409 when the id is in use by another request or by one still in progress.
   */
  #claim(
    record: RequestRecord,
    path: string,
    body: unknown,
  ): { operationId: string | undefined } | { replay: StoredAnswer } {
    const operationId = new RequestFields(body).get("operationId");
    if (typeof operationId !== "string" || operationId === "") return { operationId: undefined };
    const decision = this.idempotence.begin(
      operationId,
      this.idempotence.fingerprint(record.method, path, body),
    );
    switch (decision.kind) {
      case "new":
        return { operationId };
      case "replay":
        return { replay: decision.answer };
      case "conflict":
        throw new ApiProblem(
          409,
          "operation-id-conflict",
          `operationId '${operationId}' was already used for a different request`,
        );
      case "in-progress":
        throw new ApiProblem(
          409,
          "operation-in-progress",
          `operationId '${operationId}' is still being processed`,
        );
    }
  }
}
