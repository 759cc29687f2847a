import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { SocketTracker } from "./socket-tracker.js";

/**
 * A loopback TCP server that accepts connections and never writes a byte: an HTTPS client waits
 * in its TLS handshake, an HTTP client waits for response headers.
 */
export interface SilentServer {
  readonly port: number;
  /** TCP connections accepted (`total`) and currently open (`open`). */
  readonly connections: SocketTracker;
  /** Bytes received, all connections together. */
  readonly bytesReceived: number;
  /** `<scheme>://127.0.0.1:<port><path>`. */
  url(scheme: "http" | "https", path: string): URL;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/** Starts a {@link SilentServer} on 127.0.0.1, port 0. */
export async function startSilentServer(): Promise<SilentServer> {
  const tracker = new SocketTracker();
  let bytesReceived = 0;
  const server = createServer((socket) => {
    tracker.track(socket);
    socket.on("data", (chunk) => {
      bytesReceived += chunk.length;
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: tracker,
    get bytesReceived() {
      return bytesReceived;
    },
    url: (scheme, path) => new URL(path, `${scheme}://127.0.0.1:${port}`),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      tracker.destroyAll();
      await closed;
    },
  };
}
