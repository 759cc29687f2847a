import { afterEach, describe, expect, it } from "vitest";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { startSilentServer } from "../helpers/silent-server.js";
import type { SilentServer } from "../helpers/silent-server.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { within } from "./connection-contract.js";

/** Awaits a rejection and returns the reason. */
async function failure(promise: Promise<unknown>): Promise<Error & { cause?: { code?: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { cause?: { code?: string } };
  }
  throw new Error("expected a rejection");
}

describe("DefaultConnection failures without a response", () => {
  let connection: DefaultConnection | undefined;
  let server: TestServer | undefined;
  let silent: SilentServer | undefined;

  afterEach(async () => {
    await connection?.close();
    await server?.close();
    await silent?.close();
    connection = server = silent = undefined;
  });

  it("reports a TLS handshake that never completes as the connect timeout", async () => {
    silent = await startSilentServer();
    connection = new DefaultConnection({ connectTimeout: 0.3, socketTimeout: 10 });
    const started = performance.now();
    const error = await failure(connection.get(silent.url("https", "/v1/ping"), []));
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toBe(
      `connect timeout (0.3 s) expired before a connection for GET https://127.0.0.1:${silent.port}/v1/ping was established`,
    );
    expect(error.cause?.code).toBe("UND_ERR_CONNECT_TIMEOUT");
    // The TCP connection was accepted and the ClientHello sent: the handshake is what timed out.
    expect(silent.connections.total).toBe(1);
    expect(silent.bytesReceived).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("waits without limit when connectTimeout is -1, until the signal aborts", async () => {
    silent = await startSilentServer();
    connection = new DefaultConnection({ connectTimeout: -1, socketTimeout: 10 });
    const controller = new AbortController();
    const call = connection.get(silent.url("https", "/v1/ping"), [], { signal: controller.signal });
    const settled = await Promise.race([
      call.then(
        () => "resolved",
        () => "rejected",
      ),
      new Promise((resolve) => setTimeout(resolve, 600, "pending")),
    ]);
    expect(settled).toBe("pending");
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(within(call, 2_000, "the abort")).rejects.toBe(reason);
  });

  it("reports a server that never answers as the socket timeout", async () => {
    server = await startTestServer({ handler: () => undefined });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 0.3 });
    const error = await failure(connection.post(server.url("/v1/payments?secret=q"), [], '{"a":1}'));
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toBe(
      `socket timeout (0.3 s) expired waiting for the response to POST ${server.origin}/v1/payments`,
    );
    expect(error.cause?.code).toBe("UND_ERR_HEADERS_TIMEOUT");
    expect(server.requests).toHaveLength(1);
  });

  it("leaves the body stream to report a stall in the body as undici's body timeout", async () => {
    server = await startTestServer({
      handler: (_, response) => {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.write('{"partial":');
      },
    });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 0.3 });
    const response = await connection.get(server.url("/v1/slow-body"), []);
    const read = (async () => {
      for await (const chunk of response.body) void chunk;
    })();
    await expect(within(read, 3_000, "the body timeout")).rejects.toMatchObject({
      code: "UND_ERR_BODY_TIMEOUT",
    });
  });

  it("reports a refused connection with the method, origin and path only", async () => {
    const closed = await startTestServer();
    const uri = closed.url("/v1/payments/p1?token=query-secret");
    await closed.close();
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
    const error = await failure(
      connection.get(uri, [{ name: "Authorization", value: "Bearer header-secret" }]),
    );
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toMatch(new RegExp(`^GET ${uri.origin}/v1/payments/p1 failed: .*ECONNREFUSED`));
    expect(error.cause?.code).toBe("ECONNREFUSED");
    expect(`${error.message}\n${error.stack}`).not.toMatch(/query-secret|header-secret|token=/);
  });

  it("reports a connection reset without leaking the query, headers or body", async () => {
    server = await startTestServer({
      handler: (_, response) => {
        response.socket?.destroy();
      },
    });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
    const error = await failure(
      connection.post(
        server.url("/v1/payments?cardNumber=4111111111111111"),
        [{ name: "Authorization", value: "Bearer header-secret" }],
        '{"cardNumber":"5555444433331111"}',
      ),
    );
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toMatch(new RegExp(`^POST ${server.origin}/v1/payments failed: `));
    expect(error.cause?.code).toBe("UND_ERR_SOCKET");
    expect(`${error.message}\n${error.stack}`).not.toMatch(/4111|5555|header-secret|cardNumber/);
  });

  it("reports resets on the temporary connections of a burst the same way as on pooled ones", async () => {
    server = await startTestServer({
      handler: (_, response) => {
        setTimeout(() => response.socket?.destroy(), 50);
      },
    });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 1 });
    const errors = await Promise.all(
      [1, 2, 3].map((index) => failure(connection!.get(server!.url(`/v1/burst/${index}?q=secret`), []))),
    );
    expect(server.requests.filter((request) => request.headers.connection === "close")).toHaveLength(2);
    for (const [index, error] of errors.entries()) {
      expect(error).toBeInstanceOf(CommunicationException);
      expect(error.message).toMatch(new RegExp(`^GET ${server.origin}/v1/burst/${index + 1} failed: `));
      expect(error.message).not.toContain("secret");
    }
  });

  it("reports an untrusted server certificate as a CommunicationException", async () => {
    server = await startTestServer({ tls: true });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
    const error = await failure(connection.get(server.url("/v1/ping"), []));
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toMatch(new RegExp(`^GET ${server.origin}/v1/ping failed: `));
    expect(error.cause?.code).toMatch(/CERT|SIGNATURE|ISSUER/);
    expect(server.requests).toHaveLength(0);
  });

  it("rejects with the abort reason when the signal aborts during the call", async () => {
    server = await startTestServer({ handler: () => undefined });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
    const controller = new AbortController();
    const call = connection.get(server.url("/v1/slow"), [], { signal: controller.signal });
    await within(
      (async () => {
        while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      })(),
      2_000,
      "the request at the server",
    );
    const reason = new Error("cancelled by the caller");
    controller.abort(reason);
    await expect(within(call, 2_000, "the abort")).rejects.toBe(reason);
  });

  it("sends nothing for an already aborted signal", async () => {
    server = await startTestServer();
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
    const reason = new Error("already cancelled");
    await expect(
      connection.get(server.url("/v1/ping"), [], { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.connections.total).toBe(0);
  });
});
