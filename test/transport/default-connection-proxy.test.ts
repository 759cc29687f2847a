import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ProxyConfiguration } from "../../src/config/proxy-configuration.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { startConnectProxy } from "../helpers/connect-proxy.js";
import type { ConnectProxy } from "../helpers/connect-proxy.js";
import { testCerts } from "../helpers/test-certs.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { readText, within } from "./connection-contract.js";

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("DefaultConnection through a proxy", () => {
  let connection: DefaultConnection | undefined;
  let server: TestServer | undefined;
  let proxy: ConnectProxy | undefined;

  afterEach(async () => {
    await connection?.close();
    await server?.close();
    await proxy?.close();
    connection = server = proxy = undefined;
  });

  const connect = (configuration: ProxyConfiguration, maxConnections = 10): DefaultConnection =>
    new DefaultConnection({
      connectTimeout: 5,
      socketTimeout: 10,
      maxConnections,
      proxyConfiguration: configuration,
      tls: { ca: testCerts.ca },
    });

  it("tunnels https with CONNECT and Basic auth; the proxy never sees the body in clear", async () => {
    server = await startTestServer({ tls: true });
    proxy = await startConnectProxy({ username: "proxy-user", password: "proxy-pw" });
    connection = connect(
      new ProxyConfiguration({ uri: proxy.uri, username: "proxy-user", password: "proxy-pw" }),
    );
    const body = '{"card":{"cardNumber":"4111111111111111"}}';

    const response = await connection.post(
      server.url("/v1/payments?x=1"),
      [{ name: "Content-Type", value: "application/json" }],
      body,
    );
    expect(response.statusCode).toBe(200);
    await readText(response);

    expect(proxy.tunnels).toEqual([
      expect.objectContaining({ authority: `127.0.0.1:${server.port}`, established: true }),
    ]);
    expect(proxy.tunnels[0]!.headers["proxy-authorization"]).toBe(basic("proxy-user", "proxy-pw"));
    expect(proxy.forwards).toEqual([]);
    const relayed = proxy.tunnelledClientBytes();
    expect(relayed.length).toBeGreaterThan(body.length);
    expect(relayed.includes("4111111111111111")).toBe(false);
    expect(relayed.includes("/v1/payments")).toBe(false);

    expect(server.requests[0]!.body.toString()).toBe(body);
    expect(server.requests[0]!.url).toBe("/v1/payments?x=1");
    expect(server.requests[0]!.headers["proxy-authorization"]).toBeUndefined();
  });

  it("sends http requests to the proxy with an absolute URI and Basic auth", async () => {
    server = await startTestServer();
    proxy = await startConnectProxy({ username: "u", password: "p:w" });
    connection = connect(
      new ProxyConfiguration({ uri: `http://u:p%3Aw@127.0.0.1:${new URL(proxy.uri).port}` }),
    );

    const response = await connection.put(server.url("/v1/items/1?full=true"), [], '{"a":1}');
    expect(response.statusCode).toBe(200);
    await readText(response);

    expect(proxy.tunnels).toEqual([]);
    expect(proxy.forwards).toHaveLength(1);
    const seen = proxy.forwards[0]!;
    expect([seen.method, seen.url, seen.body.toString()]).toEqual([
      "PUT",
      `${server.origin}/v1/items/1?full=true`,
      '{"a":1}',
    ]);
    expect(seen.headers["proxy-authorization"]).toBe(basic("u", "p:w"));
    expect(server.requests[0]!.url).toBe("/v1/items/1?full=true");
  });

  it.each([
    ["https, wrong password", true, "wrong"],
    ["http, wrong password", false, "wrong"],
    ["https, no credentials", true, undefined],
    ["http, no credentials", false, undefined],
  ] as const)("reports a 407 as the proxy refusing authentication (%s)", async (_, https, password) => {
    server = await startTestServer({ tls: https });
    proxy = await startConnectProxy({ username: "proxy-user", password: "proxy-pw" });
    connection = connect(
      new ProxyConfiguration({
        uri: proxy.uri,
        username: password === undefined ? undefined : "proxy-user",
        password,
      }),
    );
    const call = connection.post(server.url("/v1/payments"), [], "{}");
    await expect(call).rejects.toBeInstanceOf(CommunicationException);
    await expect(call).rejects.toThrow(
      `the proxy refused authentication (407 Proxy Authentication Required) for POST ${server.origin}/v1/payments`,
    );
    expect(server.requests).toEqual([]);
  });

  it.each([
    ["https (tunnels)", true],
    ["http (absolute URIs)", false],
  ] as const)("keeps proxy connections alive and opens temporary ones for a burst: %s", async (_, https) => {
    server = await startTestServer({ tls: https });
    proxy = await startConnectProxy();
    connection = connect(new ProxyConfiguration({ uri: proxy.uri }), 1);
    for (let index = 0; index < 3; index++) await readText(await connection.get(server.url("/seq"), []));
    expect(proxy.connections.total).toBe(1);

    const waiting: ServerResponse[] = [];
    server.handle((_, response) => {
      waiting.push(response);
      if (waiting.length === 3) for (const held of waiting) held.end("{}");
    });
    const burst = [0, 1, 2].map(async () => readText(await connection!.get(server!.url("/burst"), [])));
    await within(Promise.all(burst), 3_000, "a burst of 3 calls through the proxy with maxConnections 1");
    expect(proxy.connections.total).toBe(3);
    expect(https ? proxy.tunnels.length : proxy.forwards.length).toBe(https ? 3 : 6);
    await proxy.connections.waitForOpenAtMost(1);
    await server.connections.waitForOpenAtMost(1);
  });
});
