import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { BodyObfuscator } from "../../src/log/body-obfuscator.js";
import type { CommunicatorLogger } from "../../src/log/communicator-logger.js";
import { HeaderObfuscator } from "../../src/log/header-obfuscator.js";
import { obfuscateAll, obfuscateWithFixedLength } from "../../src/log/obfuscation-rule.js";
import type { RequestLogMessage } from "../../src/log/request-log-message.js";
import type { ResponseLogMessage } from "../../src/log/response-log-message.js";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { MultipartFormDataObject } from "../../src/transport/multipart-form-data-object.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { readText } from "./connection-contract.js";

/** Keeps the text of everything logged, as a real logger would see it. */
class CapturingLogger implements CommunicatorLogger {
  readonly requests: string[] = [];
  readonly responses: string[] = [];
  readonly lines: Array<{ message: string; error: unknown }> = [];

  log(message: string, error?: unknown): void {
    this.lines.push({ message, error });
  }
  logRequest(message: RequestLogMessage): void {
    this.requests.push(message.getMessage());
  }
  logResponse(message: ResponseLogMessage): void {
    this.responses.push(message.getMessage());
  }
  get all(): string {
    return [...this.requests, ...this.responses, ...this.lines.map((line) => line.message)].join("\n");
  }
}

const requestIdOf = (text: string): string => /requestId='([0-9a-f-]{36})'/.exec(text)![1]!;

const PAYMENT = JSON.stringify({
  operationId: "op-1",
  card: { cardNumber: "4111111111111111", cardSecurityCode: "123", expiryDate: "122030" },
  merchantReference: "order-42",
});

describe("DefaultConnection logging", () => {
  let server: TestServer;
  let connection: DefaultConnection;
  let logger: CapturingLogger;

  beforeEach(async () => {
    server = await startTestServer({
      handler: (_, response) => {
        response.writeHead(201, { "Content-Type": "application/json", "X-Trace": "t-1" });
        response.end(JSON.stringify({ paymentId: "p-1", card: { cardNumber: "5555444433331111" } }));
      },
    });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
    logger = new CapturingLogger();
  });
  afterEach(async () => {
    await connection.close();
    await server.close();
  });

  const post = () =>
    connection.post(
      server.url("/v1/acquirers/a1/payments?limit=1"),
      [
        { name: "Authorization", value: "Bearer eyJsecret-token" },
        { name: "Content-Type", value: "application/json" },
      ],
      PAYMENT,
    );

  it("logs the request and the response under one request id, with secrets masked", async () => {
    connection.enableLogging(logger);
    const response = await post();
    // The caller still gets the full body, although logging read it first.
    expect(JSON.parse(await readText(response))).toEqual({
      paymentId: "p-1",
      card: { cardNumber: "5555444433331111" },
    });

    expect(logger.requests).toHaveLength(1);
    expect(logger.responses).toHaveLength(1);
    const [request] = logger.requests as [string];
    const [answer] = logger.responses as [string];
    expect(requestIdOf(request)).toBe(requestIdOf(answer));
    expect(request).toMatch(/^Outgoing request \(requestId='[0-9a-f-]{36}'\):/);
    expect(request).toContain("method:       'POST'");
    expect(request).toContain("uri:          '/v1/acquirers/a1/payments?limit=1'");
    expect(request).toContain('Authorization="********"');
    expect(request).toContain('"cardNumber":"************1111"');
    expect(request).toContain('"merchantReference":"order-42"');
    expect(answer).toMatch(/^Incoming response \(requestId='[0-9a-f-]{36}', \d+ ms\):/);
    expect(answer).toContain("status-code:  '201'");
    expect(answer).toContain('x-trace="t-1"');
    expect(answer).toContain('"cardNumber":"************1111"');
    expect(logger.all).not.toMatch(/eyJsecret-token|4111111111111111|5555444433331111|"123"/);
    expect(server.requests[0]!.body.toString()).toBe(PAYMENT);
  });

  it("logs a multipart body as binary content", async () => {
    connection.enableLogging(logger);
    const form = new MultipartFormDataObject().addFile("file", {
      fileName: "a.pdf",
      contentType: "application/pdf",
      content: Readable.from([Buffer.from("%PDF-secret")]),
    });
    await readText(
      await connection.post(
        server.url("/v1/files"),
        [{ name: "Content-Type", value: form.contentType }],
        form,
      ),
    );
    expect(logger.requests[0]).toContain("body:         '<binary content>'");
    expect(logger.all).not.toContain("%PDF-secret");
  });

  it("stops logging after disableLogging, and builds no message while off", async () => {
    const obfuscated: string[] = [];
    class RecordingHeaderObfuscator extends HeaderObfuscator {
      override obfuscateHeader(name: string, value: string): string {
        obfuscated.push(name);
        return super.obfuscateHeader(name, value);
      }
    }
    connection.setHeaderObfuscator(new RecordingHeaderObfuscator());
    connection.enableLogging(logger);
    await readText(await post());
    expect(logger.requests).toHaveLength(1);
    expect(obfuscated.length).toBeGreaterThan(0);

    connection.disableLogging();
    obfuscated.length = 0;
    await readText(await post());
    await readText(await connection.get(server.url("/v1/ping"), [{ name: "Authorization", value: "x" }]));
    expect(logger.requests).toHaveLength(1);
    expect(logger.responses).toHaveLength(1);
    expect(obfuscated).toEqual([]);
  });

  it("applies custom body and header obfuscators", async () => {
    connection.setBodyObfuscator(new BodyObfuscator({ merchantReference: obfuscateAll() }));
    connection.setHeaderObfuscator(new HeaderObfuscator({ "X-Api-Key": obfuscateWithFixedLength(3) }));
    connection.enableLogging(logger);
    await readText(
      await connection.post(server.url("/v1/x"), [{ name: "x-api-key", value: "key-123456" }], PAYMENT),
    );
    expect(logger.requests[0]).toContain('"merchantReference":"********"');
    expect(logger.requests[0]).toContain('x-api-key="***"');
  });

  it("does not fail the call when the logger throws", async () => {
    class ThrowingLogger extends CapturingLogger {
      override logRequest(): void {
        throw new Error("request logging broke");
      }
      override logResponse(): void {
        throw new Error("response logging broke");
      }
    }
    const throwing = new ThrowingLogger();
    connection.enableLogging(throwing);
    const response = await post();
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(await readText(response))).toMatchObject({ paymentId: "p-1" });
    expect(throwing.lines.map((line) => line.message)).toEqual([
      expect.stringMatching(/^An error occurred trying to log request '[0-9a-f-]{36}'$/),
      expect.stringMatching(/^An error occurred trying to log response '[0-9a-f-]{36}'$/),
    ]);
    expect((throwing.lines[0]!.error as Error).message).toBe("request logging broke");
  });

  it("does not fail the call when every logger method throws, nor when an obfuscator throws", async () => {
    connection.enableLogging({
      log: () => {
        throw new Error("log broke");
      },
      logRequest: () => {
        throw new Error("logRequest broke");
      },
      logResponse: () => {
        throw new Error("logResponse broke");
      },
    });
    expect((await post()).statusCode).toBe(201);

    class BrokenBodyObfuscator extends BodyObfuscator {
      override obfuscateBody(): string {
        throw new Error("obfuscator broke");
      }
    }
    connection.setBodyObfuscator(new BrokenBodyObfuscator());
    connection.enableLogging(logger);
    const response = await post();
    expect(JSON.parse(await readText(response))).toMatchObject({ paymentId: "p-1" });
    expect(logger.lines.map((line) => line.message)).toEqual([
      expect.stringMatching(/^An error occurred trying to log request /),
      expect.stringMatching(/^An error occurred trying to log response /),
    ]);
    expect(logger.all).not.toContain("4111111111111111");
  });

  it.each([
    ["declared", true],
    ["chunked", false],
  ])(
    "keeps no %s response body past maxLoggedBodyBytes in memory, and hands every byte on",
    async (_, declared) => {
      const large = `{"padding":"${"x".repeat(5000)}"}`;
      server.handle((_, response) => {
        response.writeHead(200, {
          "Content-Type": "application/json",
          ...(declared ? { "Content-Length": String(large.length) } : {}),
        });
        for (let index = 0; index < large.length; index += 1000)
          response.write(large.slice(index, index + 1000));
        response.end();
      });
      await connection.close();
      connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxLoggedBodyBytes: 1024 });
      connection.enableLogging(logger);
      const response = await connection.get(server.url("/large"), []);
      expect(await readText(response)).toBe(large);
      expect(logger.responses).toHaveLength(1);
      expect(logger.responses[0]).not.toContain("xxxx");
      expect(logger.lines.map((line) => line.message)).toEqual([
        `The body of response '${requestIdOf(logger.responses[0]!)}' is larger than 1024 bytes and was not logged`,
      ]);
    },
  );

  it("logs a failure without a response under the request's id", async () => {
    const closed = await startTestServer();
    const uri = closed.url("/v1/ping");
    await closed.close();
    connection.enableLogging(logger);
    await expect(connection.get(uri, [])).rejects.toBeInstanceOf(CommunicationException);
    expect(logger.requests).toHaveLength(1);
    expect(logger.responses).toHaveLength(0);
    const [line] = logger.lines;
    expect(line!.message).toMatch(
      new RegExp(
        `^Error occurred for outgoing request \\(requestId='${requestIdOf(logger.requests[0]!)}', \\d+ ms\\)$`,
      ),
    );
    expect(line!.error).toBeInstanceOf(CommunicationException);
  });

  it("maps a stalled response body to the socket timeout when logging reads it", async () => {
    server.handle((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"partial":');
    });
    const slow = new DefaultConnection({ connectTimeout: 5, socketTimeout: 0.3 });
    try {
      slow.enableLogging(logger);
      const call = slow.get(server.url("/v1/slow-body?q=1"), []);
      await expect(call).rejects.toBeInstanceOf(CommunicationException);
      await expect(call).rejects.toThrow(
        `socket timeout (0.3 s) expired reading the response body of GET ${server.origin}/v1/slow-body`,
      );
      expect(logger.lines[0]!.message).toMatch(/^Error occurred for outgoing request/);
    } finally {
      await slow.close();
    }
  });
});
