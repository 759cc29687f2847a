import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { MarshallerSyntaxException } from "../../src/errors/marshaller-syntax-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { startRawHttpServer, writeJson } from "../helpers/raw-http-server.js";
import type { RawHandler } from "../helpers/raw-http-server.js";
import {
  apiRequests,
  chaosClient,
  chaosPayments,
  chaosScope,
  payment,
  paymentAnswer,
  withTokens,
} from "./chaos-harness.js";
import { rejectionOf } from "../e2e/e2e-fixtures.js";

/** The status line, headers and the first bytes of a JSON body announced as 200 bytes long. */
const PARTIAL_RESPONSE =
  'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"paymentId":"p-1","sta';

/**
 * Sends {@link PARTIAL_RESPONSE}, then resets the connection once the client has surely read it:
 * a reset right away may make the client's kernel drop the unread bytes, so the client would see
 * a reset before the response head instead.
 */
function resetAfterPartialBody(socket: Socket): void {
  socket.write(PARTIAL_RESPONSE, () => setTimeout(() => socket.resetAndDestroy(), 100));
}

describe("chaos: broken responses", () => {
  const scope = chaosScope();
  const start = async (api: RawHandler) => {
    const server = scope.track(await startRawHttpServer(withTokens(api)));
    const client = scope.track(chaosClient(server.origin));
    const payments = chaosPayments(client);
    return { server, payments };
  };

  it("reset in the middle of a POST's response body: OutcomeUnknownException with the operationId, sent once", async () => {
    const { server, payments } = await start((_request, socket) => {
      resetAfterPartialBody(socket);
    });
    const request = payment();
    const error = await rejectionOf(payments.processPayment(request));
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(error).toMatchObject({ operationId: request.operationId });
    expect(apiRequests(server.requests).map((r) => r.method)).toEqual(["POST"]);
  });

  it("reset in the middle of a GET's response body: CommunicationException (not an outcome-unknown one)", async () => {
    const { server, payments } = await start((_request, socket) => {
      resetAfterPartialBody(socket);
    });
    const error = await rejectionOf(payments.getPaymentStatus("p-1"));
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error).not.toBeInstanceOf(OutcomeUnknownException);
    expect(error).not.toBeInstanceOf(MarshallerSyntaxException);
    expect((error as Error).message).toContain("could not be read");
    expect(apiRequests(server.requests).every((r) => r.method === "GET")).toBe(true);
  });

  it("reset in the middle of a GET's response body once: retried, the second attempt succeeds", async () => {
    let calls = 0;
    const { server, payments } = await start((_request, socket) => {
      if (++calls === 1) resetAfterPartialBody(socket);
      else writeJson(socket, 200, paymentAnswer());
    });
    await expect(payments.getPaymentStatus("p-1")).resolves.toMatchObject({ status: "AUTHORIZED" });
    expect(apiRequests(server.requests)).toHaveLength(2);
  });

  it("truncated JSON (Content-Length larger than what is sent, then FIN) on a POST: OutcomeUnknownException, not a syntax error", async () => {
    const { server, payments } = await start((_request, socket) => {
      socket.end(PARTIAL_RESPONSE);
    });
    const request = payment();
    const error = await rejectionOf(payments.processPayment(request));
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(error).not.toBeInstanceOf(MarshallerSyntaxException);
    expect(error).toMatchObject({ operationId: request.operationId });
    expect(apiRequests(server.requests)).toHaveLength(1);
  });

  it("truncated JSON on a GET: CommunicationException, not a syntax error", async () => {
    const { payments } = await start((_request, socket) => {
      socket.end(PARTIAL_RESPONSE);
    });
    const error = await rejectionOf(payments.getPaymentStatus("p-1"));
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error).not.toBeInstanceOf(OutcomeUnknownException);
    expect(error).not.toBeInstanceOf(MarshallerSyntaxException);
  });

  it("complete but invalid JSON in a 201: MarshallerSyntaxException", async () => {
    const { payments } = await start((_request, socket) => {
      const body = '{"paymentId": "p-1", ';
      socket.write(
        `HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    });
    await expect(payments.processPayment(payment())).rejects.toBeInstanceOf(MarshallerSyntaxException);
  });

  it("reset before any response byte on a POST: OutcomeUnknownException, never re-sent", async () => {
    const { server, payments } = await start((_request, socket) => socket.resetAndDestroy());
    const request = payment();
    const error = await rejectionOf(payments.processPayment(request));
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(error).toMatchObject({ operationId: request.operationId });
    expect(apiRequests(server.requests)).toHaveLength(1);
  });

  it("reset before any response byte on a GET: retried on a new connection, the second attempt succeeds", async () => {
    let calls = 0;
    const { server, payments } = await start((_request, socket) => {
      if (++calls === 1) socket.resetAndDestroy();
      else writeJson(socket, 200, paymentAnswer());
    });
    await expect(payments.getPaymentStatus("p-1")).resolves.toMatchObject({ status: "AUTHORIZED" });
    const seen = apiRequests(server.requests);
    expect(seen.map((r) => r.method)).toEqual(["GET", "GET"]);
    expect(seen[1]!.connectionNumber).not.toBe(seen[0]!.connectionNumber);
  });
});
