import { createServer, request as httpRequest } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { connect, isIP } from "node:net";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { SocketTracker } from "./socket-tracker.js";

/** Options of {@link startConnectProxy}. */
export interface ConnectProxyOptions {
  /** When set, every request must carry `Proxy-Authorization: Basic` with these credentials. */
  username?: string;
  password?: string;
}

/** A CONNECT request the proxy received. */
export interface SeenTunnel {
  /** `host:port` from the request line. */
  authority: string;
  headers: IncomingHttpHeaders;
  /** Whether the proxy opened the tunnel (false after a 407 or a refused target). */
  established: boolean;
}

/** An absolute-URI request the proxy received and forwarded, body included. */
export interface SeenForward {
  method: string;
  /** The absolute URI from the request line. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A real HTTP proxy on loopback: CONNECT tunnels (for https targets) and absolute-URI forwarding
 * (for http targets), optional Basic authentication, and a record of what it saw. It only ever
 * connects to loopback targets.
 */
export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly uri: string;
  readonly tunnels: readonly SeenTunnel[];
  readonly forwards: readonly SeenForward[];
  /** TCP connections from clients: accepted (`total`) and currently open (`open`). */
  readonly connections: SocketTracker;
  /** Every byte the proxy relayed from clients into tunnels, all tunnels together. */
  tunnelledClientBytes(): Buffer;
  /** Destroys every connection (client and upstream) and stops listening. */
  close(): Promise<void>;
}

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLoopback(host: string): boolean {
  return loopbackNames.has(host) || (isIP(host) === 4 && host.startsWith("127."));
}

/** Starts a {@link ConnectProxy} on 127.0.0.1, port 0. */
export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const clients = new SocketTracker();
  const upstreams = new SocketTracker();
  const tunnels: SeenTunnel[] = [];
  const forwards: SeenForward[] = [];
  const tunnelled: Buffer[] = [];
  const expected =
    options.username === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.username}:${options.password ?? ""}`).toString("base64")}`;
  const authorized = (headers: IncomingHttpHeaders): boolean =>
    expected === undefined || headers["proxy-authorization"] === expected;

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    void forward(incoming, response);
  });

  const forward = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const seen: SeenForward = {
      method: incoming.method ?? "",
      url: incoming.url ?? "",
      headers: incoming.headers,
      body: Buffer.concat(chunks),
    };
    forwards.push(seen);
    if (!authorized(incoming.headers)) {
      response.writeHead(407, { "Proxy-Authenticate": 'Basic realm="test"' }).end();
      return;
    }
    let target: URL;
    try {
      target = new URL(seen.url);
    } catch {
      response.writeHead(400).end("absolute URI required");
      return;
    }
    if (target.protocol !== "http:" || !isLoopback(target.hostname)) {
      response.writeHead(403).end("loopback http targets only");
      return;
    }
    const headers = { ...incoming.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = httpRequest(target, { method: seen.method, headers, agent: false }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("socket", (socket: Socket) => upstreams.track(socket));
    upstream.on("error", () => response.destroy());
    upstream.end(seen.body);
  };

  server.on("connect", (incoming: IncomingMessage, client: Duplex, head: Buffer) => {
    const authority = incoming.url ?? "";
    const tunnel: SeenTunnel = { authority, headers: incoming.headers, established: false };
    tunnels.push(tunnel);
    client.on("error", () => undefined);
    if (!authorized(incoming.headers)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const separator = authority.lastIndexOf(":");
    const host = authority.slice(0, separator);
    const port = Number(authority.slice(separator + 1));
    if (!isLoopback(host) || !Number.isInteger(port)) {
      client.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const upstream = connect({ host: host.replace(/^\[|\]$/g, ""), port }, () => {
      tunnel.established = true;
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) {
        tunnelled.push(head);
        upstream.write(head);
      }
      client.on("data", (chunk: Buffer) => tunnelled.push(chunk));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    upstreams.track(upstream);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  server.on("connection", (socket: Socket) => clients.track(socket));

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    uri: `http://127.0.0.1:${port}`,
    tunnels,
    forwards,
    connections: clients,
    tunnelledClientBytes: () => Buffer.concat(tunnelled),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      clients.destroyAll();
      upstreams.destroyAll();
      await closed;
    },
  };
}
