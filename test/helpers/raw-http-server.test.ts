import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { startRawHttpServer, writeJson, writeResponse } from "./raw-http-server.js";

/**
 * Writes raw bytes on a new connection (then half-closes it, when `end` is set) and reads until
 * the server closes it.
 */
function exchange(port: number, bytes: string, end = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => (end ? socket.end(bytes) : socket.write(bytes)));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("raw HTTP test server", () => {
  it("parses pipelined requests with bodies split over writes, and writes whole responses", async () => {
    const server = await startRawHttpServer((request, socket) => {
      if (request.url === "/last") writeResponse(socket, 204, "", {}, true);
      else writeJson(socket, 200, { got: request.body.toString() });
    });
    try {
      const answer = await exchange(
        Number(new URL(server.origin).port),
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" +
          "GET /last HTTP/1.1\r\nHost: x\r\n\r\n",
      );
      expect(server.requests.map((r) => [r.method, r.url, r.body.toString(), r.connectionNumber])).toEqual([
        ["POST", "/a", "hello", 1],
        ["GET", "/last", "", 1],
      ]);
      expect(server.requests[0]!.headers["content-length"]).toBe("5");
      expect(answer).toContain(
        'HTTP/1.1 200 OK\r\nContent-Length: 15\r\nContent-Type: application/json\r\n\r\n{"got":"hello"}',
      );
      expect(answer).toContain("HTTP/1.1 204 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    } finally {
      await server.close();
    }
  });

  it("close() destroys a connection the handler left stalled", async () => {
    const server = await startRawHttpServer(() => undefined);
    const closed = exchange(Number(new URL(server.origin).port), "GET / HTTP/1.1\r\nHost: x\r\n\r\n", false);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.connections.open).toBe(1);
    await server.close();
    expect(await closed).toBe("");
    await server.connections.waitForOpenAtMost(0, 1_000);
  });
});
