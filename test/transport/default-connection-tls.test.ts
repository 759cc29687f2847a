import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { testCerts } from "../helpers/test-certs.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { readText } from "./connection-contract.js";

describe("DefaultConnection over TLS", () => {
  let connection: DefaultConnection | undefined;
  let server: TestServer | undefined;

  afterEach(async () => {
    await connection?.close();
    await server?.close();
    connection = server = undefined;
  });

  it("trusts the server through tls.ca and reuses the TLS connection", async () => {
    server = await startTestServer({ tls: true });
    connection = new DefaultConnection({
      connectTimeout: 5,
      socketTimeout: 10,
      maxConnections: 1,
      tls: { ca: testCerts.ca },
    });
    for (let index = 0; index < 3; index++) {
      const response = await connection.get(server.url("/v1/ping"), []);
      expect(response.statusCode).toBe(200);
      await readText(response);
    }
    expect(server.connections.total).toBe(1);
  });

  it("resumes the TLS session on temporary connections and after closing idle ones", async () => {
    server = await startTestServer({ tls: true });
    connection = new DefaultConnection({
      connectTimeout: 5,
      socketTimeout: 10,
      maxConnections: 1,
      tls: { ca: testCerts.ca },
    });
    await readText(await connection.get(server.url("/first"), []));
    const waiting: ServerResponse[] = [];
    server.handle((_, response) => {
      waiting.push(response);
      if (waiting.length === 3) for (const held of waiting) held.end("{}");
    });
    await Promise.all([0, 1, 2].map(async () => readText(await connection!.get(server!.url("/burst"), []))));
    server.handle();
    connection.closeIdleConnections(0);
    await server.connections.waitForOpenAtMost(0);
    await readText(await connection.get(server.url("/again"), []));

    expect(server.connections.total).toBe(4);
    const byConnection = new Map(server.requests.map((request) => [request.connectionNumber, request]));
    expect([...byConnection.values()].map((request) => request.tlsSessionReused)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it("presents the client certificate for mutual TLS", async () => {
    server = await startTestServer({ tls: { requireClientCertificate: true } });
    connection = new DefaultConnection({
      connectTimeout: 5,
      socketTimeout: 10,
      tls: { ca: [testCerts.ca], cert: testCerts.clientCert, key: Buffer.from(testCerts.clientKey) },
    });
    await readText(await connection.get(server.url("/v1/ping"), []));
    expect(server.requests[0]!.clientCertificateSubject).toBe("acquiring-sdk test client");
  });

  it("fails without a client certificate when the server requires one", async () => {
    server = await startTestServer({ tls: { requireClientCertificate: true } });
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, tls: { ca: testCerts.ca } });
    await expect(connection.get(server.url("/v1/ping"), [])).rejects.toBeInstanceOf(CommunicationException);
    expect(server.requests).toHaveLength(0);
  });

  it("accepts an unverified certificate only with insecureSkipCertificateVerification, with a warning", async () => {
    server = await startTestServer({ tls: true });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): number => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      connection = new DefaultConnection({
        connectTimeout: 5,
        socketTimeout: 10,
        tls: { insecureSkipCertificateVerification: true },
      });
      expect((await connection.get(server.url("/v1/ping"), [])).statusCode).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((warning) => (warning as { code?: string }).code)).toContain(
      "ACQUIRING_SDK_INSECURE_TLS",
    );
  });

  it("refuses a server below tls.minVersion", async () => {
    server = await startTestServer({ tls: { maxVersion: "TLSv1.2" } });
    connection = new DefaultConnection({
      connectTimeout: 5,
      socketTimeout: 10,
      tls: { ca: testCerts.ca, minVersion: "TLSv1.3" },
    });
    const call = connection.get(server.url("/v1/ping"), []);
    await expect(call).rejects.toBeInstanceOf(CommunicationException);
    await expect(call).rejects.toThrow(/protocol|version/i);
  });
});
