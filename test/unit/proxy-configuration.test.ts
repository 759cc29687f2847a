import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ProxyConfiguration } from "../../src/config/proxy-configuration.js";

describe("ProxyConfiguration", () => {
  it("takes credentials from the URI unless given explicitly", () => {
    const fromUri = new ProxyConfiguration({ uri: "http://u%40x:p%3Aw@proxy.local:3128" });
    expect([fromUri.username, fromUri.password, fromUri.uri.href]).toEqual([
      "u@x",
      "p:w",
      "http://proxy.local:3128/",
    ]);
    const explicit = new ProxyConfiguration({ uri: "http://a:b@proxy.local", username: "c", password: "d" });
    expect(explicit.authorization).toBe(`Basic ${Buffer.from("c:d").toString("base64")}`);
  });

  it("never shows the password", () => {
    const proxy = new ProxyConfiguration({ uri: "http://proxy.local", username: "u", password: "s3cret-pw" });
    expect(inspect(proxy)).not.toContain("s3cret-pw");
    expect(JSON.stringify(proxy)).not.toContain("s3cret-pw");
  });

  it("rejects a URI that is not http or https without echoing credentials", () => {
    expect(() => new ProxyConfiguration({ uri: "socks5://proxy.local" })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => new ProxyConfiguration({ uri: "//user:pw@" })).toThrow(
      /not a valid absolute URI: '\/\/\*\*\*@'/,
    );
  });
});
