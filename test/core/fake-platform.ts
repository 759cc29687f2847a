import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request the fake platform received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a scripted route answers. */
export interface Reply {
  /** Destroys the connection instead of answering, after the request was read. */
  drop?: boolean;
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

type Route = (request: SeenRequest) => Reply | Promise<Reply>;

/**
 * A loopback OAuth2 token endpoint (`POST /token`) and API endpoint (everything else, answered by
 * `api`) that records what it receives, for testing the Communicator end to end.
 */
export class FakePlatform {
  readonly tokenRequests: SeenRequest[] = [];
  readonly apiRequests: SeenRequest[] = [];
  /** Seconds of validity of issued tokens. */
  expiresIn = 3600;
  /** Answers token requests; by default issues `token-<n>`. */
  token: Route = () => {
    const token = `token-${this.tokenRequests.length}`;
    return json(200, { access_token: token, token_type: "Bearer", expires_in: this.expiresIn });
  };
  api: Route = () => json(200, {});
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const seen: SeenRequest = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        const isToken = seen.url === "/token";
        (isToken ? this.tokenRequests : this.apiRequests).push(seen);
        void Promise.resolve((isToken ? this.token : this.api)(seen)).then((reply) => {
          if (reply.drop) {
            req.socket.destroy();
            return;
          }
          res.writeHead(reply.status, reply.headers ?? {});
          res.end(reply.body);
        });
      });
    });
    this.#server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(port = 0): Promise<FakePlatform> {
    const platform = new FakePlatform();
    await new Promise<void>((resolve) => platform.#server.listen(port, "127.0.0.1", resolve));
    return platform;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get tokenUri(): string {
    return `${this.origin}/token`;
  }

  /** Sockets currently open on the server side. */
  get openSockets(): number {
    return this.#sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
