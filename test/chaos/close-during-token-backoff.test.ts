import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { CallContext } from "../../src/core/call-context.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { rejectionOf } from "../e2e/e2e-fixtures.js";
import { startRawHttpServer } from "../helpers/raw-http-server.js";
import { chaosClient, handleCounts, TOKEN_PATH } from "./chaos-harness.js";

describe("chaos: closing the client while the token request waits to be repeated", () => {
  it("leaves no timer behind once the call's deadline passed and the client is closed", async () => {
    const server = await startRawHttpServer((_request, socket) => socket.destroy());
    const client = chaosClient(server.origin, {
      retry: { maxRetries: 2, initialDelayMs: 2_500, maxDelayMs: 2_500 },
    });
    try {
      const error = await rejectionOf(
        client
          .v1()
          .ping()
          .ping(new CallContext({ timeoutMs: 200 })),
      );
      expect(error).toBeInstanceOf(CommunicationException);
      expect((error as Error).message).toContain("deadline");
      expect(server.requests.filter((r) => r.url === TOKEN_PATH)).toHaveLength(1);
    } finally {
      await client.close();
      await server.close();
    }
    // Compared with itself later rather than with a snapshot from before, so that the test
    // runner's own timers cancel out: a timer that ends in between outlived close().
    await sleep(100);
    const afterClose = handleCounts();
    await sleep(2_600);
    expect(afterClose).toEqual(handleCounts());
  });
});
