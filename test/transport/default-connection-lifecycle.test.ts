import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { readText, within } from "./connection-contract.js";

async function until(condition: () => boolean, what: string): Promise<void> {
  await within(
    (async () => {
      while (!condition()) await sleep(10);
    })(),
    3_000,
    what,
  );
}

describe("DefaultConnection idle and expired connections", () => {
  let connection: DefaultConnection | undefined;
  const servers: TestServer[] = [];

  afterEach(async () => {
    await connection?.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
    connection = undefined;
  });

  const start = async (options?: Parameters<typeof startTestServer>[0]): Promise<TestServer> => {
    const server = await startTestServer(options);
    servers.push(server);
    return server;
  };
  const open = (): DefaultConnection =>
    (connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 1 }));

  it("closes the sockets of an origin idle for at least idleTimeMs, and reconnects on demand", async () => {
    const server = await start();
    const connection = open();
    await readText(await connection.get(server.url("/a"), []));
    expect(server.connections.open).toBe(1);

    connection.closeIdleConnections(60_000);
    await sleep(50);
    expect(server.connections.open).toBe(1);

    await sleep(100);
    connection.closeIdleConnections(100);
    await server.connections.waitForOpenAtMost(0);
    expect(connection.stats().origins).toBe(0);

    await readText(await connection.get(server.url("/b"), []));
    expect(server.connections.total).toBe(2);
  });

  it("keeps the recently used origin and closes the idle one", async () => {
    const idle = await start();
    const busy = await start();
    const connection = open();
    await readText(await connection.get(idle.url("/a"), []));
    await sleep(250);
    await readText(await connection.get(busy.url("/b"), []));

    connection.closeIdleConnections(200);
    await idle.connections.waitForOpenAtMost(0);
    expect(busy.connections.open).toBe(1);
    expect(connection.stats().origins).toBe(1);
  });

  it("counts idle time from the last response, not from the start of a slow request", async () => {
    const server = await start();
    server.handle((_, response) => {
      setTimeout(() => response.end("{}"), 300);
    });
    const connection = open();
    await readText(await connection.get(server.url("/slow"), []));

    connection.closeIdleConnections(200);
    await sleep(50);
    expect(server.connections.open).toBe(1);
    expect(connection.stats().origins).toBe(1);
  });

  it("never closes an origin with a request in progress", async () => {
    const server = await start();
    let held: ServerResponse | undefined;
    server.handle((_, response) => {
      held = response;
    });
    const connection = open();
    const call = connection.get(server.url("/slow"), []);
    await until(() => held !== undefined, "the request at the server");
    await sleep(20);

    connection.closeIdleConnections(0);
    connection.closeExpiredConnections();
    held!.end('{"done":true}');
    const response = await within(call, 2_000, "the held response");
    expect(await readText(response)).toBe('{"done":true}');
    expect(server.connections.total).toBe(1);
    expect(connection.stats().origins).toBe(1);
  });

  it("releases an origin whose connections the server expired, and keeps live ones", async () => {
    const expiring = await start({
      keepAliveTimeoutMs: 60_000,
      handler: (_, response) => {
        const socket = response.socket;
        response.end("{}");
        // The server expires the idle connection long before its announced keep-alive timeout.
        setTimeout(() => socket?.destroy(), 100);
      },
    });
    const live = await start();
    const connection = open();
    await readText(await connection.get(expiring.url("/a"), []));
    await readText(await connection.get(live.url("/b"), []));
    await until(() => connection.stats().openConnections === 1, "the client to notice the closed socket");
    expect(connection.stats().origins).toBe(2);

    connection.closeExpiredConnections();
    expect(connection.stats()).toEqual({ origins: 1, openConnections: 1, requestsInProgress: 0 });
    expect(live.connections.open).toBe(1);

    await readText(await connection.get(live.url("/c"), []));
    await readText(await connection.get(expiring.url("/d"), []));
    expect([live.connections.total, expiring.connections.total]).toEqual([1, 2]);
  });

  it("honours the server's Keep-Alive hint: a socket the server will close soon is not kept", async () => {
    // Node announces "Keep-Alive: timeout=1"; undici keeps a socket only for the hint less 2 s.
    const server = await start({ keepAliveTimeoutMs: 1_000 });
    const connection = open();
    await readText(await connection.get(server.url("/a"), []));
    await server.connections.waitForOpenAtMost(0);
    connection.closeExpiredConnections();
    expect(connection.stats().origins).toBe(0);
  });
});
