import { createServer as createHttpServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { SocketTracker } from "./socket-tracker.js";
import { testCerts } from "./test-certs.js";

/** A request as the test server received it, body included. */
export interface RecordedRequest {
  method: string;
  /** The request target as sent: a path with query, or an absolute URI through a proxy. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Which connection carried it, counting from 1 (for HTTPS: which completed TLS handshake). */
  connectionNumber: number;
  /** The subject CN of the client certificate, for mutual TLS. */
  clientCertificateSubject?: string;
  /** For HTTPS: whether the client resumed an earlier TLS session (abbreviated handshake). */
  tlsSessionReused?: boolean;
}

/**
 * Answers one recorded request. Leaving `response` unanswered keeps the request pending until the
 * client gives up or the server closes.
 */
export type TestHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /**
   * HTTPS with the committed test certificate; `requireClientCertificate` for mutual TLS,
   * `maxVersion` to offer only older protocols.
   */
  tls?: boolean | { requireClientCertificate?: boolean; maxVersion?: "TLSv1.2" | "TLSv1.3" };
  /** Default: 200 with a JSON body `{ "method", "url" }`. */
  handler?: TestHandler;
  /** Node's `server.keepAliveTimeout`, in milliseconds. Default: 5000. */
  keepAliveTimeoutMs?: number;
}

/** A loopback HTTP(S) server on port 0 that records requests and counts TCP connections. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  readonly requests: readonly RecordedRequest[];
  /** TCP connections accepted (`total`) and currently open (`open`). */
  readonly connections: SocketTracker;
  /** `origin` plus `path`, as a URL. */
  url(path: string): URL;
  /** Replaces the handler for the following requests; without argument, restores the default. */
  handle(handler?: TestHandler): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

const defaultHandler: TestHandler = (request, response) => {
  response.setHeader("Content-Type", "application/json");
  response.end(JSON.stringify({ method: request.method, url: request.url }));
};

/** Starts a {@link TestServer} on 127.0.0.1, port 0. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const tracker = new SocketTracker();
  const connectionNumbers = new WeakMap<Socket, number>();
  const requests: RecordedRequest[] = [];
  let handler = options.handler ?? defaultHandler;

  const onRequest = (incoming: IncomingMessage, response: ServerResponse): void => {
    void record(incoming).then(
      (request) => {
        requests.push(request);
        return handler(request, response);
      },
      (error: unknown) => response.destroy(error as Error),
    );
  };
  const record = async (incoming: IncomingMessage): Promise<RecordedRequest> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      method: incoming.method ?? "",
      url: incoming.url ?? "",
      headers: incoming.headers,
      body: Buffer.concat(chunks),
      connectionNumber: connectionNumbers.get(incoming.socket) ?? 0,
    };
    const tlsSocket = incoming.socket as Partial<TLSSocket>;
    const subject: unknown = tlsSocket.getPeerCertificate?.()?.subject?.CN;
    if (typeof subject === "string" && subject) request.clientCertificateSubject = subject;
    if (tlsSocket.isSessionReused) request.tlsSessionReused = tlsSocket.isSessionReused();
    return request;
  };

  const tls = options.tls === true ? {} : options.tls || undefined;
  const server: Server = tls
    ? createHttpsServer(
        {
          cert: testCerts.serverCert,
          key: testCerts.serverKey,
          ca: testCerts.ca,
          requestCert: tls.requireClientCertificate ?? false,
          rejectUnauthorized: tls.requireClientCertificate ?? false,
          ...(tls.maxVersion === undefined ? {} : { maxVersion: tls.maxVersion }),
        },
        onRequest,
      )
    : createHttpServer(onRequest);
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  let handshakes = 0;
  server.on("connection", (socket: Socket) => {
    tracker.track(socket);
    if (!tls) connectionNumbers.set(socket, tracker.total);
  });
  server.on("secureConnection", (socket: TLSSocket) => {
    connectionNumbers.set(socket, ++handshakes);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? "https" : "http"}://127.0.0.1:${port}`;

  return {
    origin,
    port,
    requests,
    connections: tracker,
    url: (path) => new URL(path, origin),
    handle: (next) => {
      handler = next ?? defaultHandler;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      tracker.destroyAll();
      await closed;
    },
  };
}
