import { describe, expect, it } from "vitest";
import { startRawHttpServer, writeJson } from "../helpers/raw-http-server.js";
import {
  apiRequests,
  chaosClient,
  chaosPayments,
  chaosScope,
  paymentAnswer,
  TOKEN_PATH,
  withTokens,
} from "./chaos-harness.js";

describe("chaos: many calls against a slow server", () => {
  const scope = chaosScope();

  // DefaultConnection keeps at most maxConnections keep-alive connections per origin and sends
  // the overflow of a burst on temporary connections closed after their response (its TSDoc):
  // maxConnections bounds the idle sockets kept, not the sockets of a burst.
  it("60 concurrent GETs with maxConnections 4: all answered, one token request, at most 4 connections kept afterwards", async () => {
    const server = scope.track(
      await startRawHttpServer(
        withTokens((_request, socket) => {
          setTimeout(() => writeJson(socket, 200, paymentAnswer()), 20);
        }),
      ),
    );
    const client = scope.track(chaosClient(server.origin, { maxConnections: 4 }));
    const payments = chaosPayments(client);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => payments.getPaymentStatus(`p-${i}`)),
    );
    expect(answers.every((answer) => answer.status === "AUTHORIZED")).toBe(true);
    const api = apiRequests(server.requests);
    expect(api).toHaveLength(60);
    expect(new Set(api.map((r) => r.url)).size).toBe(60);
    expect(server.requests.filter((r) => r.url === TOKEN_PATH)).toHaveLength(1);
    // The token connection and at most 4 pooled API connections stay open.
    await server.connections.waitForOpenAtMost(1 + 4, 2_000);
  });
});
