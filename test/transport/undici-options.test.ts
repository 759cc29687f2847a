import { describe, expect, it } from "vitest";
import { resolveConnectionOptions } from "../../src/transport/default-connection-options.js";
import {
  connectOptions,
  keepAlivePoolOptions,
  temporaryPoolOptions,
} from "../../src/transport/undici-options.js";

describe("undici options from DefaultConnection options", () => {
  it("converts seconds to milliseconds and applies the TLS defaults", () => {
    const options = resolveConnectionOptions({ connectTimeout: 5, socketTimeout: 0.25, maxConnections: 4 });
    expect(connectOptions(options)).toEqual({
      timeout: 5_000,
      minVersion: "TLSv1.2",
      rejectUnauthorized: true,
    });
    expect(keepAlivePoolOptions(options)).toEqual({ connections: 4, headersTimeout: 250, bodyTimeout: 250 });
    expect(temporaryPoolOptions(options)).toEqual({
      connections: null,
      pipelining: 0,
      headersTimeout: 250,
      bodyTimeout: 250,
    });
  });

  it("maps a negative timeout to undici's 0, which disables it", () => {
    const options = resolveConnectionOptions({ connectTimeout: -1, socketTimeout: -1 });
    expect(connectOptions(options).timeout).toBe(0);
    expect(keepAlivePoolOptions(options)).toMatchObject({
      connections: 10,
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  });

  it("passes the TLS material through, copying arrays", () => {
    const ca = ["ca-1", Buffer.from("ca-2")] as const;
    const options = resolveConnectionOptions({
      connectTimeout: 1,
      socketTimeout: 1,
      tls: { ca, cert: "cert", key: "key", minVersion: "TLSv1.3", insecureSkipCertificateVerification: true },
    });
    const connect = connectOptions(options) as Record<string, unknown>;
    expect(connect).toEqual({
      timeout: 1_000,
      ca: ["ca-1", Buffer.from("ca-2")],
      cert: "cert",
      key: "key",
      minVersion: "TLSv1.3",
      rejectUnauthorized: false,
    });
    expect(connect["ca"]).not.toBe(ca);
  });
});
