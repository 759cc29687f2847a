import { connect } from "node:net";
import { Client } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_SANDBOX_CREDENTIALS,
  FAULT_AMOUNTS,
  startSandbox,
  type Sandbox,
} from "../../src/sandbox/index.js";
import { ApiClient, fetchToken, MERCHANT_PATH, paymentRequest, send } from "./sandbox-client.js";

function countResources(kind: string): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === kind).length;
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("sandbox life cycle", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("listens on 127.0.0.1 and a random port with the documented default credentials", async () => {
    sandbox = await startSandbox();
    expect(sandbox.apiEndpoint).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.tokenUri).toBe(`${sandbox.apiEndpoint}/connect/token`);
    expect(sandbox.port).toBeGreaterThan(0);
    expect({ clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }).toEqual(
      DEFAULT_SANDBOX_CREDENTIALS,
    );
  });

  it("rejects a port already in use with the listen error", async () => {
    sandbox = await startSandbox();
    await expect(startSandbox({ port: sandbox.port })).rejects.toMatchObject({ code: "EADDRINUSE" });
  });

  it("rejects invalid options, naming them", async () => {
    await expect(startSandbox({ port: 70_000 })).rejects.toThrow("'port'");
    await expect(startSandbox({ tokenTtlSeconds: 0 })).rejects.toThrow("'tokenTtlSeconds'");
    await expect(startSandbox({ latencyMs: -1 })).rejects.toThrow("'latencyMs'");
    await expect(startSandbox({ clientSecret: " " })).rejects.toThrow("'clientSecret'");
  });

  it("adds latencyMs to the token request and to every operation, during which an operationId is in progress", async () => {
    sandbox = await startSandbox({ latencyMs: 150 });
    let started = performance.now();
    const api = await ApiClient.connect(sandbox);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    expect((await api.get("/services/v1/ping")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const request = paymentRequest();
    const [first, second] = await Promise.all([
      api.post(`${MERCHANT_PATH}/payments`, request),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
        api.post(`${MERCHANT_PATH}/payments`, request),
      ),
    ]);
    expect([first.status, second.status]).toEqual([201, 409]);
  });

  it("answers 200 concurrent clients, each on its own connection, without an error", async () => {
    sandbox = await startSandbox();
    const endpoint = sandbox.apiEndpoint;
    const clients = Array.from({ length: 200 }, () => new Client(endpoint, { pipelining: 1 }));
    const token = await fetchToken(sandbox);
    try {
      const statuses = await Promise.all(
        clients.map(async (client) => {
          const response = await client.request({
            method: "POST",
            path: `${MERCHANT_PATH}/payments`,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify(paymentRequest({ amount: 1_000 })),
          });
          const body = (await response.body.json()) as { paymentId: string };
          const status = await client.request({
            method: "GET",
            path: `${MERCHANT_PATH}/payments/${body.paymentId}`,
            headers: { authorization: `Bearer ${token}` },
          });
          await status.body.dump();
          return [response.statusCode, status.statusCode];
        }),
      );
      expect(statuses).toEqual(Array.from({ length: 200 }, () => [201, 200]));
      expect(sandbox.countRequests("processPayment")).toBe(200);
      expect(sandbox.countRequests("getPaymentStatus")).toBe(200);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });

  it("close() cuts in-flight slow answers and leaves no server, socket or timer behind", async () => {
    const timers = countResources("Timeout");
    const local = await startSandbox({ slowResponseMs: 60_000 });
    const api = await ApiClient.connect(local);
    const slow = api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount: FAULT_AMOUNTS.slow }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await local.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(slow).rejects.toThrow();
    expect(await connectionRefused(local.port)).toBe(true);
    // A closed handle leaves the list a few ticks after the close callback.
    await expect.poll(() => countResources("TCPServerWrap"), { timeout: 2_000 }).toBe(0);
    await expect.poll(() => countResources("Timeout"), { timeout: 2_000 }).toBeLessThanOrEqual(timers);
    await local.close();
  });

  it("reset() forgets payments and the request log but keeps tokens valid", async () => {
    sandbox = await startSandbox();
    const api = await ApiClient.connect(sandbox);
    const paid = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest());
    sandbox.reset();
    expect(sandbox.getPayment(paid.json.paymentId)).toBeUndefined();
    expect(sandbox.countRequests()).toBe(0);
    expect((await api.get(`${MERCHANT_PATH}/payments/${paid.json.paymentId}`)).status).toBe(404);
  });

  it("supports await using", async () => {
    let port = 0;
    {
      await using scoped = await startSandbox();
      port = scoped.port;
      expect((await send(`${scoped.apiEndpoint}/services/v1/ping`)).status).toBe(401);
    }
    expect(await connectionRefused(port)).toBe(true);
  });
});
