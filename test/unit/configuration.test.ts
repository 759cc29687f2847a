import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CommunicatorConfiguration } from "../../src/config/communicator-configuration.js";
import { ConfigurationException } from "../../src/config/configuration-exception.js";
import { Factory } from "../../src/factory.js";

const GUIDE_FILE = path.join(import.meta.dirname, "fixtures/guide-example.properties");
const dir = mkdtempSync(path.join(tmpdir(), "acquiring-config-"));

function fileWith(lines: string[]): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.properties`);
  writeFileSync(file, ["[AcquiringSDK]", ...lines].join("\n"));
  return file;
}

const BASE = [
  "acquiring.api.integrator=Acme",
  "acquiring.api.endpoint.host=api.example.com",
  "acquiring.api.authorizationType=OAuth2",
  "acquiring.api.oauth2.tokenUri=https://auth.example.com/connect/token",
  "acquiring.api.connectTimeout=5",
  "acquiring.api.socketTimeout=300",
];

function errorFor(lines: string[]): ConfigurationException {
  try {
    Factory.createConfiguration(fileWith(lines), "id", "secret");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationException);
    return error as ConfigurationException;
  }
  throw new Error("expected a ConfigurationException");
}

describe("configuration from a properties file", () => {
  it("loads the guide's example exactly as printed, inline comments included", () => {
    const config = Factory.createConfiguration(GUIDE_FILE, "client-id", "client-secret");
    expect(config.apiEndpoint.href).toBe("https://api.preprod.acquiring.worldline-solutions.com/");
    expect(config.integrator).toBe("<your company name>");
    expect(config.authorizationType).toBe("OAuth2");
    expect(config.oauth2TokenUri.href).toBe("https://auth-test-eu-west-1.aws.bambora.com/connect/token");
    expect([config.connectTimeout, config.socketTimeout, config.maxConnections]).toEqual([5, 300, 10]);
    expect([config.oauth2ClientId, config.oauth2ClientSecret]).toEqual(["client-id", "client-secret"]);
    expect(config.oauth2Scopes).toBeUndefined();
    expect(config.retry).toEqual({ maxRetries: 2, initialDelayMs: 200, maxDelayMs: 5000 });
    expect(config.validateRequests).toBe(false);
  });

  it("reads every optional key", () => {
    const config = Factory.createConfiguration(
      fileWith([
        ...BASE,
        "acquiring.api.endpoint.scheme=http",
        "acquiring.api.endpoint.port=8080",
        "acquiring.api.oauth2.scopes=processing_payment services_ping",
        "acquiring.api.maxConnections=3",
        "acquiring.api.proxy.uri=http://proxy.local:3128",
        "acquiring.api.proxy.username=pu",
        "acquiring.api.proxy.password=pp",
        "acquiring.api.shoppingCartExtension.creator=C",
        "acquiring.api.shoppingCartExtension.name=N",
        "acquiring.api.shoppingCartExtension.version=1.0",
        "acquiring.api.shoppingCartExtension.extensionId=E",
        "acquiring.api.retry.maxRetries=0",
        "acquiring.api.validateRequests=true",
        "acquiring.api.connectionReuse=true",
      ]),
      "id",
      "secret",
    );
    expect(config.apiEndpoint.href).toBe("http://api.example.com:8080/");
    expect(config.oauth2Scopes).toEqual(["processing_payment", "services_ping"]);
    expect(config.maxConnections).toBe(3);
    expect(config.proxyConfiguration?.uri.href).toBe("http://proxy.local:3128/");
    expect(config.proxyConfiguration?.username).toBe("pu");
    expect(config.shoppingCartExtension).toEqual({
      creator: "C",
      name: "N",
      version: "1.0",
      extensionId: "E",
    });
    expect(config.retry.maxRetries).toBe(0);
    expect(config.validateRequests).toBe(true);
  });

  it("accepts -1 for no timeout and the Java spelling OAUTH2", () => {
    const config = Factory.createConfiguration(
      fileWith([
        ...BASE.slice(0, 2),
        "acquiring.api.authorizationType=OAUTH2",
        ...BASE.slice(3, 4),
        "acquiring.api.connectTimeout=-1",
        "acquiring.api.socketTimeout=-1",
      ]),
      "id",
      "secret",
    );
    expect([config.connectTimeout, config.socketTimeout]).toEqual([-1, -1]);
  });

  it.each([
    ["acquiring.api.endpoint.host", BASE.filter((l) => !l.includes("endpoint.host")), /is required/],
    ["acquiring.api.connectTimeout", BASE.filter((l) => !l.includes("connectTimeout")), /is required/],
    ["acquiring.api.integrator", BASE.filter((l) => !l.includes("integrator")), /is required/],
    [
      "acquiring.api.connectTimeout",
      [...BASE.filter((l) => !l.includes("connectTimeout")), "acquiring.api.connectTimeout=five"],
      /must be a number, got 'five'/,
    ],
    [
      "acquiring.api.socketTimeout",
      [...BASE.filter((l) => !l.includes("socketTimeout")), "acquiring.api.socketTimeout=0"],
      /-1 for no timeout/,
    ],
    ["acquiring.api.maxConnections", [...BASE, "acquiring.api.maxConnections=0"], /at least 1/],
    ["acquiring.api.endpoint.scheme", [...BASE, "acquiring.api.endpoint.scheme=ftp"], /http or https/],
    ["acquiring.api.conectTimeout", [...BASE, "acquiring.api.conectTimeout=5"], /not a known setting/],
    ["acquiring.api.proxy.uri", [...BASE, "acquiring.api.proxy.uri=proxy:3128"], /http:\/\/ or https:\/\//],
    [
      "acquiring.api.shoppingCartExtension.version",
      [
        ...BASE,
        "acquiring.api.shoppingCartExtension.creator=C",
        "acquiring.api.shoppingCartExtension.name=N",
      ],
      /is required/,
    ],
  ])("names the key %s and the file when it is missing or malformed", (key, lines, problem) => {
    const error = errorFor(lines);
    expect(error.key).toBe(key);
    expect(error.message).toContain(key);
    expect(error.message).toContain(dir);
    expect(error.message).toMatch(problem);
  });

  it("names the accepted authorizationType when given another", () => {
    const error = errorFor([
      ...BASE.filter((l) => !l.includes("authorizationType")),
      "acquiring.api.authorizationType=v1HMAC",
    ]);
    expect(error.message).toContain("'v1HMAC' is not supported; the accepted value is 'OAuth2'");
  });

  it("names the file when it is unreadable or has no [AcquiringSDK] section", () => {
    expect(() => Factory.createConfiguration(path.join(dir, "missing.properties"), "i", "s")).toThrow(
      /missing\.properties/,
    );
    const noSection = path.join(dir, "nosection.properties");
    writeFileSync(noSection, "acquiring.api.integrator=Acme\n");
    expect(() => Factory.createConfiguration(noSection, "i", "s")).toThrow(
      /nosection\.properties: \[AcquiringSDK\] section is missing/,
    );
  });
});

describe("configuration from an object", () => {
  const options = {
    apiEndpoint: "https://api.example.com",
    oauth2ClientId: "id",
    oauth2ClientSecret: "very-secret-value",
    oauth2TokenUri: "https://auth.example.com/token",
    integrator: "Acme",
  };

  it("applies the defaults and exposes every setting under its constructor name", () => {
    const config = new CommunicatorConfiguration(options);
    expect(config).toMatchObject({
      authorizationType: "OAuth2",
      connectTimeout: 5,
      socketTimeout: 300,
      maxConnections: 10,
      integrator: "Acme",
      validateRequests: false,
    });
    expect(config.oauth2ClientSecret).toBe("very-secret-value");
  });

  it("keeps the client secret out of inspect and JSON", () => {
    const config = new CommunicatorConfiguration(options);
    expect(inspect(config, { depth: 5 })).not.toContain("very-secret-value");
    expect(JSON.stringify(config)).not.toContain("very-secret-value");
  });

  it.each([
    ["apiEndpoint", { apiEndpoint: "https://api.example.com/v1" }, /without a path/],
    ["apiEndpoint", { apiEndpoint: "https://u:p@api.example.com" }, /user info/],
    ["apiEndpoint", { apiEndpoint: "not a uri" }, /not a valid absolute URI/],
    ["oauth2TokenUri", { oauth2TokenUri: "" }, /is required/],
    ["oauth2ClientSecret", { oauth2ClientSecret: " " }, /is required/],
    ["connectTimeout", { connectTimeout: -5 }, /-1 for no timeout/],
    [
      "retry.maxDelayMs",
      { retry: { initialDelayMs: 500, maxDelayMs: 100 } },
      /at least retry.initialDelayMs/,
    ],
  ])("names %s when it is invalid", (key, override, problem) => {
    expect(() => new CommunicatorConfiguration({ ...options, ...override })).toThrow(problem);
    try {
      new CommunicatorConfiguration({ ...options, ...override });
    } catch (error) {
      expect((error as ConfigurationException).key).toBe(key);
    }
  });
});
