import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { startRawHttpServer, writeJson } from "../helpers/raw-http-server.js";
import type { RawHandler } from "../helpers/raw-http-server.js";
import { startTestServer } from "../helpers/test-server.js";
import {
  apiRequests,
  chaosClient,
  chaosPayments,
  chaosScope,
  payment,
  paymentAnswer,
  TOKEN_PATH,
  withTokens,
} from "./chaos-harness.js";

const IDLE_CLOSE_MS = 100;

/** A ping, a pause long enough for the server to drop the idle connection, then a payment. */
async function pingPauseAndPay(client: Client): Promise<void> {
  await client.v1().ping().ping();
  await sleep(IDLE_CLOSE_MS * 4);
  const answer = await chaosPayments(client).processPayment(payment());
  expect(answer.status).toBe("AUTHORIZED");
}

/** Answers like the platform, then closes the connection once it has been idle for IDLE_CLOSE_MS. */
function closingWhenIdle(close: (socket: Socket) => void): RawHandler {
  const timers = new WeakMap<Socket, NodeJS.Timeout>();
  return withTokens((request, socket) => {
    clearTimeout(timers.get(socket));
    if (request.method === "GET") writeJson(socket, 200, {});
    else writeJson(socket, 201, paymentAnswer());
    const timer = setTimeout(() => close(socket), IDLE_CLOSE_MS);
    socket.once("close", () => clearTimeout(timer));
    timers.set(socket, timer);
  });
}

describe("chaos: connections the server closes while idle", () => {
  const scope = chaosScope();

  it("node:http with a tiny keepAliveTimeout: the POST after the pause goes out once, on a new connection", async () => {
    const server = scope.track(
      await startTestServer({
        keepAliveTimeoutMs: IDLE_CLOSE_MS,
        handler: (request, response) => {
          response.setHeader("Content-Type", "application/json");
          if (request.url === TOKEN_PATH) {
            response.end(JSON.stringify({ access_token: "t", token_type: "Bearer", expires_in: 3600 }));
          } else {
            response.statusCode = request.method === "POST" ? 201 : 200;
            response.end(JSON.stringify(request.method === "POST" ? paymentAnswer() : {}));
          }
        },
      }),
    );
    await pingPauseAndPay(scope.track(chaosClient(server.origin)));
    const api = server.requests.filter((r) => r.url !== TOKEN_PATH);
    expect(api.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(api[1]!.connectionNumber).not.toBe(api[0]!.connectionNumber);
  });

  it("a server that silently ends idle connections (FIN, no Keep-Alive hint): the POST goes out once", async () => {
    const server = scope.track(await startRawHttpServer(closingWhenIdle((socket) => socket.end())));
    await pingPauseAndPay(scope.track(chaosClient(server.origin)));
    const api = apiRequests(server.requests);
    expect(api.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(api[1]!.connectionNumber).not.toBe(api[0]!.connectionNumber);
  });

  it("a server that resets idle connections (RST): the POST goes out once", async () => {
    const server = scope.track(
      await startRawHttpServer(closingWhenIdle((socket) => socket.resetAndDestroy())),
    );
    await pingPauseAndPay(scope.track(chaosClient(server.origin)));
    expect(apiRequests(server.requests).map((r) => r.method)).toEqual(["GET", "POST"]);
  });
});
