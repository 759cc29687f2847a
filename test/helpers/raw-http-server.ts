import { createServer } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";
import { SocketTracker } from "./socket-tracker.js";

/** One HTTP/1.1 request as the raw server parsed it off the socket. */
export interface RawRequest {
  method: string;
  /** The request target, e.g. `/connect/token` or `/services/v1/ping`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  /** Which TCP connection carried it, counting from 1. */
  connectionNumber: number;
  /** `performance.now()` when the whole request had arrived. */
  receivedAt: number;
}

/**
 * Decides what happens to a request: write a response with {@link writeResponse}, write broken
 * bytes, destroy or reset the socket, or do nothing to stall.
 */
export type RawHandler = (request: RawRequest, socket: Socket) => void;

/** A loopback TCP server speaking just enough HTTP/1.1 to misbehave on purpose. */
export interface RawHttpServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: readonly RawRequest[];
  readonly connections: SocketTracker;
  /** Replaces the handler for the following requests. */
  handle(handler: RawHandler): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Writes a complete response with a Content-Length; the connection stays open for the next
 * request unless `close` is set.
 */
export function writeResponse(
  socket: Socket,
  status: number,
  body: string | Buffer = "",
  headers: Record<string, string> = {},
  close = false,
): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  const lines = [`HTTP/1.1 ${status} ${status < 400 ? "OK" : "Error"}`, `Content-Length: ${bytes.length}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (close) lines.push("Connection: close");
  socket.write(Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), bytes]));
  if (close) socket.end();
}

/** Writes a JSON response with the given status. */
export function writeJson(
  socket: Socket,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  writeResponse(socket, status, JSON.stringify(value), { "Content-Type": "application/json", ...headers });
}

const HEAD_END = Buffer.from("\r\n\r\n");

/** Parses complete requests off a socket's byte stream; chunked request bodies are not supported. */
class RequestParser {
  #buffer = Buffer.alloc(0);

  constructor(
    private readonly connectionNumber: number,
    private readonly onRequest: (request: RawRequest) => void,
  ) {}

  push(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headEnd = this.#buffer.indexOf(HEAD_END);
      if (headEnd < 0) return;
      const [requestLine = "", ...headerLines] = this.#buffer
        .subarray(0, headEnd)
        .toString("latin1")
        .split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers["content-length"] ?? 0);
      const bodyStart = headEnd + HEAD_END.length;
      if (this.#buffer.length < bodyStart + length) return;
      const [method = "", url = ""] = requestLine.split(" ");
      const body = Buffer.from(this.#buffer.subarray(bodyStart, bodyStart + length));
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      this.onRequest({
        method,
        url,
        headers,
        body,
        connectionNumber: this.connectionNumber,
        receivedAt: performance.now(),
      });
    }
  }
}

/** Starts a {@link RawHttpServer} on 127.0.0.1, port 0. */
export async function startRawHttpServer(handler: RawHandler): Promise<RawHttpServer> {
  const tracker = new SocketTracker();
  const requests: RawRequest[] = [];
  let current = handler;
  const server: Server = createServer((socket) => {
    tracker.track(socket);
    socket.on("error", () => {
      // A client that gives up resets the connection; that is part of the tests.
    });
    const parser = new RequestParser(tracker.total, (request) => {
      requests.push(request);
      current(request, socket);
    });
    socket.on("data", (chunk: Buffer) => parser.push(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    connections: tracker,
    handle: (next) => {
      current = next;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      tracker.destroyAll();
      await closed;
    },
  };
}
