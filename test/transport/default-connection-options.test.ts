import { describe, expect, it } from "vitest";
import { ProxyConfiguration } from "../../src/config/proxy-configuration.js";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import type { DefaultConnectionOptions } from "../../src/transport/default-connection-options.js";

const valid: DefaultConnectionOptions = { connectTimeout: 5, socketTimeout: 300 };

function create(options: Partial<Record<keyof DefaultConnectionOptions, unknown>>): DefaultConnection {
  return new DefaultConnection({ ...valid, ...options } as DefaultConnectionOptions);
}

describe("DefaultConnection options", () => {
  it("accepts the configuration's values, -1 for no timeout and a proxy", async () => {
    const connections = [
      new DefaultConnection(valid),
      new DefaultConnection({ connectTimeout: -1, socketTimeout: -1, maxConnections: 1 }),
      new DefaultConnection({
        ...valid,
        proxyConfiguration: new ProxyConfiguration({ uri: "http://127.0.0.1:3128" }),
      }),
      new DefaultConnection({
        ...valid,
        tls: { minVersion: "TLSv1.3", insecureSkipCertificateVerification: false },
      }),
    ];
    for (const connection of connections) {
      expect(connection.stats()).toEqual({ origins: 0, openConnections: 0, requestsInProgress: 0 });
      await connection.close();
    }
  });

  it.each([
    ["connectTimeout", 0, /connectTimeout must be a number of seconds/],
    ["connectTimeout", "5", /connectTimeout must be a number of seconds, positive or -1 for none, got 5/],
    ["socketTimeout", Number.NaN, /socketTimeout must be a number of seconds/],
    ["socketTimeout", undefined, /socketTimeout must be a number of seconds/],
    ["maxConnections", 0, /maxConnections must be a positive integer, got 0/],
    ["maxConnections", 2.5, /maxConnections must be a positive integer/],
    ["proxyConfiguration", { uri: "http://proxy" }, /proxyConfiguration must be a ProxyConfiguration/],
    ["tls", "strict", /tls must be an object/],
  ] as const)("rejects %s = %o", (name, value, message) => {
    expect(() => create({ [name]: value })).toThrow(TypeError);
    expect(() => create({ [name]: value })).toThrow(message);
  });

  it.each([
    [
      { minVersion: "TLSv1.1" },
      /tls.minVersion must be 'TLSv1.2' or 'TLSv1.3' \(TLS 1.0 and 1.1 are refused\), got 'TLSv1.1'/,
    ],
    [{ minVersion: "TLSv1" }, /tls.minVersion/],
    [
      { insecureSkipCertificateVerification: "no" },
      /tls.insecureSkipCertificateVerification must be a boolean/,
    ],
    [{ ca: 42 }, /tls.ca must be a PEM string, a Buffer or an array of them/],
    [{ cert: "-----BEGIN CERTIFICATE-----" }, /tls.cert is set without tls.key/],
    [{ key: "-----BEGIN PRIVATE KEY-----" }, /tls.key is set without tls.cert/],
  ])("rejects tls %o", (tls, message) => {
    expect(() => create({ tls })).toThrow(message);
  });

  it("checks closeIdleConnections' argument", async () => {
    const connection = new DefaultConnection(valid);
    expect(() => connection.closeIdleConnections(-1)).toThrow(/idleTimeMs must be a non-negative number/);
    expect(() => connection.closeIdleConnections(Number.NaN)).toThrow(/idleTimeMs/);
    await connection.close();
  });
});
