import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request the loopback platform received; the body is kept as bytes for multipart checks. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The next answer of the API endpoint. */
export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * A loopback (127.0.0.1, port 0) OAuth2 token endpoint at `/token` and an API endpoint that
 * records every request and answers with {@link reply}, for the generated operation tests.
 */
export class LoopbackPlatform {
  readonly requests: ReceivedRequest[] = [];
  readonly tokenRequests: ReceivedRequest[] = [];
  reply: ScriptedReply = { status: 200, headers: { "content-type": "application/json" }, body: "{}" };
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const received = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        if (received.url === "/token") {
          this.tokenRequests.push(received);
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ access_token: "loopback-token", token_type: "Bearer", expires_in: 3600 }));
          return;
        }
        this.requests.push(received);
        res.writeHead(this.reply.status, this.reply.headers ?? {});
        res.end(this.reply.body);
      });
    });
    this.#server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<LoopbackPlatform> {
    const platform = new LoopbackPlatform();
    await new Promise<void>((resolve) => platform.#server.listen(0, "127.0.0.1", resolve));
    return platform;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get tokenUri(): string {
    return `${this.origin}/token`;
  }

  /** The only API request received since the last call; fails the test otherwise. */
  takeRequest(): ReceivedRequest {
    if (this.requests.length !== 1) throw new Error(`expected 1 API request, got ${this.requests.length}`);
    return this.requests.pop()!;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
