import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { readText, within } from "./connection-contract.js";

/** Holds every response until `count` requests are in progress at the server, then answers all. */
function answerWhenInProgress(server: TestServer, count: number): void {
  const waiting: ServerResponse[] = [];
  server.handle((request, response) => {
    waiting.push(response);
    if (waiting.length >= count) {
      for (const held of waiting.splice(0)) held.end(`{"connection":${request.connectionNumber}}`);
    }
  });
}

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "TCPSocketWrap").length;
}

describe("DefaultConnection pooling", () => {
  let server: TestServer;
  let connection: DefaultConnection;

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await connection?.close();
    await server.close();
  });

  it("reuses the single pooled connection for sequential calls", async () => {
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 1 });
    for (let index = 0; index < 10; index++) await readText(await connection.get(server.url("/seq"), []));
    expect(server.connections.total).toBe(1);
    expect(server.requests.filter((request) => request.headers.connection === "close")).toEqual([]);
  });

  it("opens no more than maxConnections connections for sequential calls", async () => {
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 3 });
    for (let index = 0; index < 10; index++) await readText(await connection.get(server.url("/seq"), []));
    // undici reuses a connection one event-loop turn after its response, so a pool of three
    // serves back-to-back calls on two.
    expect(server.connections.total).toBeLessThanOrEqual(3);
    expect(server.connections.open).toBe(server.connections.total);
  });

  it("keeps at most maxConnections connections for concurrent calls up to that number", async () => {
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 3 });
    answerWhenInProgress(server, 3);
    for (let round = 0; round < 4; round++) {
      const calls = [0, 1, 2].map(async () => readText(await connection.get(server.url("/round"), [])));
      await within(Promise.all(calls), 3_000, `round ${round}`);
    }
    expect(server.requests).toHaveLength(12);
    expect(server.connections.total).toBe(3);
    expect(server.connections.open).toBe(3);
    expect(connection.stats()).toEqual({ origins: 1, openConnections: 3, requestsInProgress: 0 });
  });

  it("serves maxConnections chains of back-to-back calls on the pool alone", async () => {
    // Each call starts the moment the previous one's body is read: the pool must count that
    // connection as free already, or the call would go out on a temporary connection.
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 4 });
    const chain = async (): Promise<void> => {
      for (let index = 0; index < 25; index++) await readText(await connection.get(server.url("/chain"), []));
    };
    await within(Promise.all([chain(), chain(), chain(), chain()]), 5_000, "four chains");
    expect(server.requests).toHaveLength(100);
    expect(server.requests.filter((request) => request.headers.connection === "close")).toEqual([]);
    expect(server.connections.total).toBeLessThanOrEqual(4);
    expect(connection.stats().requestsInProgress).toBe(0);
  });

  it("serves a burst beyond maxConnections on temporary connections, closed afterwards", async () => {
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 2 });
    // All six must be at the server at once: a queued request would keep the others waiting forever.
    answerWhenInProgress(server, 6);
    const burst = Array.from({ length: 6 }, async () =>
      readText(await connection.get(server.url("/burst"), [])),
    );
    await within(Promise.all(burst), 3_000, "a burst of 6 calls with maxConnections 2");
    expect(server.connections.total).toBe(6);
    expect(new Set(server.requests.map((request) => request.connectionNumber)).size).toBe(6);
    // The temporary connections asked the server to close them after their response.
    expect(server.requests.filter((request) => request.headers.connection === "close")).toHaveLength(4);

    await server.connections.waitForOpenAtMost(2);
    expect(server.connections.open).toBe(2);
    expect(connection.stats().openConnections).toBe(2);

    // Back under the limit: the pooled connections are reused, no new one is opened.
    answerWhenInProgress(server, 2);
    const after = [0, 1].map(async () => readText(await connection.get(server.url("/after"), [])));
    await within(Promise.all(after), 3_000, "two calls after the burst");
    expect(server.connections.total).toBe(6);

    // Releasing the idle temporary-connection dispatcher keeps the pool, and a later burst works.
    connection.closeExpiredConnections();
    expect(connection.stats()).toEqual({ origins: 1, openConnections: 2, requestsInProgress: 0 });
    answerWhenInProgress(server, 3);
    const again = [0, 1, 2].map(async () => readText(await connection.get(server.url("/again"), [])));
    await within(Promise.all(again), 3_000, "a second burst");
    expect(server.connections.total).toBe(7);
  });

  it("sends POST bodies on temporary connections too", async () => {
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 1 });
    answerWhenInProgress(server, 3);
    const bodies = ['{"n":1}', '{"n":2}', '{"n":3}'];
    const calls = bodies.map(async (body) => readText(await connection.post(server.url("/post"), [], body)));
    await within(Promise.all(calls), 3_000, "three concurrent POSTs with maxConnections 1");
    expect(server.requests.map((request) => request.body.toString()).sort()).toEqual(bodies);
    expect(server.connections.total).toBe(3);
  });

  it("leaves no socket open after close(), at either end", async () => {
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 2 });
    answerWhenInProgress(server, 4);
    const burst = Array.from({ length: 4 }, async () => readText(await connection.get(server.url("/x"), [])));
    await within(Promise.all(burst), 3_000, "a burst of 4 calls");
    expect(tcpHandles()).toBeGreaterThan(0);

    await connection.close();
    await server.connections.waitForOpenAtMost(0);
    expect(connection.stats()).toEqual({ origins: 0, openConnections: 0, requestsInProgress: 0 });
    expect(tcpHandles()).toBe(0);
    await expect(connection.get(server.url("/late"), [])).rejects.toThrow(/closed/);
  });

  it("keeps one pool per origin", async () => {
    const other = await startTestServer();
    try {
      connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
      for (let index = 0; index < 3; index++) {
        await readText(await connection.get(server.url("/a"), []));
        await readText(await connection.get(other.url("/b"), []));
      }
      expect([server.connections.total, other.connections.total]).toEqual([1, 1]);
      expect(connection.stats().origins).toBe(2);
    } finally {
      await connection.close();
      await other.close();
    }
  });
});
