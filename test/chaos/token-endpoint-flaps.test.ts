import { describe, expect, it } from "vitest";
import { CallContext } from "../../src/core/call-context.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { OAuth2Exception } from "../../src/errors/oauth2-exception.js";
import { rejectionOf } from "../e2e/e2e-fixtures.js";
import { startRawHttpServer, writeJson, writeResponse } from "../helpers/raw-http-server.js";
import type { RawHandler } from "../helpers/raw-http-server.js";
import {
  answerToken,
  apiRequests,
  CHAOS_RETRY,
  chaosClient,
  chaosScope,
  TOKEN_PATH,
} from "./chaos-harness.js";

describe("chaos: the token endpoint flaps", () => {
  const scope = chaosScope();
  /** A server whose token endpoint fails its first `failures` requests with `fail`; a client of it. */
  const start = async (fail: RawHandler, failures = 1, socketTimeout = 5) => {
    let tokenRequests = 0;
    const server = scope.track(
      await startRawHttpServer((request, socket) => {
        if (request.url !== TOKEN_PATH) writeJson(socket, 200, {});
        else if (++tokenRequests <= failures) fail(request, socket);
        else answerToken(socket);
      }),
    );
    const client = scope.track(chaosClient(server.origin, { socketTimeout }));
    const tokenCount = () => server.requests.filter((r) => r.url === TOKEN_PATH).length;
    return { server, client, tokenCount };
  };

  it("connection dropped without an answer, then OK: the token request is repeated and the call succeeds", async () => {
    const { server, client, tokenCount } = await start((_request, socket) => socket.destroy());
    await client.v1().ping().ping();
    expect(tokenCount()).toBe(2);
    expect(apiRequests(server.requests)).toHaveLength(1);
    expect(apiRequests(server.requests)[0]!.headers["authorization"]).toMatch(/^Bearer token-/);
  });

  it("connection reset, then OK: repeated as well", async () => {
    const { client, tokenCount } = await start((_request, socket) => socket.resetAndDestroy());
    await client.v1().ping().ping();
    expect(tokenCount()).toBe(2);
  });

  it("dropped more often than maxRetries: the connection failure surfaces after 1 + maxRetries token requests", async () => {
    const { server, client, tokenCount } = await start((_request, socket) => socket.destroy(), 10);
    const error = await rejectionOf(client.v1().ping().ping());
    expect(error).toBeInstanceOf(CommunicationException);
    expect(`${(error as Error).message}\n${(error as Error).stack ?? ""}`).not.toContain("chaos-secret");
    expect(tokenCount()).toBe(1 + CHAOS_RETRY.maxRetries);
    expect(apiRequests(server.requests)).toHaveLength(0);
  });

  it("500, then OK: OAuth2Exception without a retry (only connection failures are retried); the next call gets a token", async () => {
    const { server, client, tokenCount } = await start((_request, socket) =>
      writeJson(socket, 500, { error: "server_error", error_description: "try later" }),
    );
    const error = await rejectionOf(client.v1().ping().ping());
    expect(error).toBeInstanceOf(OAuth2Exception);
    expect(error).toMatchObject({ statusCode: 500, error: "server_error", errorDescription: "try later" });
    expect((error as Error).message).toContain("server_error - try later");
    expect(tokenCount()).toBe(1);
    expect(apiRequests(server.requests)).toHaveLength(0);

    await client.v1().ping().ping();
    expect(tokenCount()).toBe(2);
    expect(apiRequests(server.requests)).toHaveLength(1);
  });

  it("an HTML 502 page from a gateway: OAuth2Exception with the status, not retried", async () => {
    const { tokenCount, client } = await start((_request, socket) =>
      writeResponse(socket, 502, "<html><body>Bad Gateway</body></html>", { "Content-Type": "text/html" }),
    );
    const error = await rejectionOf(client.v1().ping().ping());
    expect(error).toBeInstanceOf(OAuth2Exception);
    expect(error).toMatchObject({ statusCode: 502 });
    expect(tokenCount()).toBe(1);
  });

  it("a token request stalled past one call's deadline does not hold up the next call once the endpoint answers", async () => {
    const { client, tokenCount } = await start(() => undefined, 1, 2);
    const first = await rejectionOf(
      client
        .v1()
        .ping()
        .ping(new CallContext({ timeoutMs: 200 })),
    );
    expect((first as Error).message).toContain("deadline");
    const started = performance.now();
    await client.v1().ping().ping();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(tokenCount()).toBe(2);
  });
});
