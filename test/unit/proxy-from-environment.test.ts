import { afterEach, describe, expect, it } from "vitest";
import { proxyFromEnvironment } from "../../src/config/proxy-from-environment.js";
import { startConnectProxy } from "../helpers/connect-proxy.js";
import type { ConnectProxy } from "../helpers/connect-proxy.js";
import { FakePlatform } from "../core/fake-platform.js";
import { communicatorFor, GET_PAYMENT, MERCHANT } from "../core/setup.js";

describe("proxyFromEnvironment", () => {
  const https = new URL("https://api.example.com");
  const http = new URL("http://api.example.com:8080");

  it("takes HTTPS_PROXY for https targets and HTTP_PROXY for http ones, lower-case names too", () => {
    const env = { HTTPS_PROXY: "http://secure:3128", http_proxy: "http://plain:3128" };
    expect(proxyFromEnvironment(https, env)?.uri.href).toBe("http://secure:3128/");
    expect(proxyFromEnvironment(http, env)?.uri.href).toBe("http://plain:3128/");
    expect(proxyFromEnvironment(https, {})).toBeUndefined();
  });

  it.each([
    ["api.example.com", true],
    [".example.com", true],
    ["example.com", true],
    ["*.example.com", true],
    ["*", true],
    ["api.example.com:443", true],
    ["api.example.com:8443", false],
    ["other.com, ample.com", false],
  ])("NO_PROXY=%j excludes https://api.example.com: %s", (noProxy, excluded) => {
    const proxy = proxyFromEnvironment(https, { HTTPS_PROXY: "http://p:1", NO_PROXY: noProxy });
    expect(proxy === undefined).toBe(excluded);
  });

  it("takes credentials from the variable without showing them in errors", () => {
    const proxy = proxyFromEnvironment(https, { HTTPS_PROXY: "http://user:pa%3Ass@p:1" });
    expect([proxy?.username, proxy?.password]).toEqual(["user", "pa:ss"]);
    expect(() => proxyFromEnvironment(https, { HTTPS_PROXY: "//user:topsecret@" })).toThrow(
      /^(?!.*topsecret)/,
    );
  });
});

describe("a client with proxyFromEnvironment", () => {
  let proxy: ConnectProxy | undefined;
  let platform: FakePlatform | undefined;
  const saved = { HTTP_PROXY: process.env["HTTP_PROXY"], NO_PROXY: process.env["NO_PROXY"] };

  afterEach(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await proxy?.close();
    await platform?.close();
  });

  it("sends the token request and the API call through the proxy the environment names", async () => {
    proxy = await startConnectProxy({ username: "env-user", password: "env-pass" });
    platform = await FakePlatform.start();
    process.env["HTTP_PROXY"] = proxy.uri.replace("http://", "http://env-user:env-pass@");
    delete process.env["NO_PROXY"];
    const communicator = communicatorFor(platform, { proxyFromEnvironment: true });
    await communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    await communicator.close();
    expect(proxy.forwards.map((forward) => new URL(forward.url).pathname)).toEqual([
      "/token",
      "/processing/v1/acq%201/m%2F2/payments/p",
    ]);
  });

  it("ignores the environment unless asked to, and honours NO_PROXY", async () => {
    proxy = await startConnectProxy();
    platform = await FakePlatform.start();
    process.env["HTTP_PROXY"] = proxy.uri;
    const ignoring = communicatorFor(platform);
    await ignoring.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    await ignoring.close();
    process.env["NO_PROXY"] = "127.0.0.1";
    const excluded = communicatorFor(platform, { proxyFromEnvironment: true });
    await excluded.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    await excluded.close();
    expect(proxy.forwards).toHaveLength(0);
    expect(platform.apiRequests).toHaveLength(2);
  });
});
