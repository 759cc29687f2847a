import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_MERCHANT, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = path.join(root, "node_modules/.bin/acquiring-sdk");
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "acquiring-cli-"));

let sandbox: Sandbox;
let config: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const endpoint = new URL(sandbox.apiEndpoint);
  config = path.join(dir, "sandbox.properties");
  writeFileSync(
    config,
    [
      "[AcquiringSDK]",
      "acquiring.api.integrator=CLI test",
      `acquiring.api.endpoint.host=${endpoint.hostname}`,
      "acquiring.api.endpoint.scheme=http",
      `acquiring.api.endpoint.port=${endpoint.port}`,
      "acquiring.api.authorizationType=OAuth2",
      `acquiring.api.oauth2.tokenUri=${sandbox.tokenUri}`,
      "acquiring.api.connectTimeout=5",
      "acquiring.api.socketTimeout=30",
    ].join("\n"),
  );
});
afterAll(() => sandbox.close());

function call(args: string[], env: Record<string, string> = {}) {
  return run(bin, ["call", ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const credentials = () => [
  "--config",
  config,
  "--client-id",
  sandbox.clientId,
  "--client-secret",
  sandbox.clientSecret,
];
const merchant = ["--acquirer", SANDBOX_MERCHANT.acquirerId, "--merchant", SANDBOX_MERCHANT.merchantId];
const payment = {
  operationId: "cli-op-1",
  transactionTimestamp: "2026-01-02T03:04:05Z",
  amount: { amount: 1234, currencyCode: "EUR", numberOfDecimals: 2 },
  cardPaymentData: {
    cardEntryMode: "ECOMMERCE",
    cardData: { cardNumber: "4111111111111111", expiryDate: "122030" },
  },
};

describe("acquiring-sdk call", () => {
  it("calls processPayment and prints the JSON response, then reads it back", async () => {
    const created = await call([
      "processPayment",
      ...credentials(),
      ...merchant,
      "--data",
      JSON.stringify(payment),
    ]);
    expect(created.code).toBe(0);
    const response = JSON.parse(created.stdout);
    expect(response).toMatchObject({ status: "AUTHORIZED", operationId: "cli-op-1" });
    const dataFile = path.join(dir, "capture.json");
    writeFileSync(
      dataFile,
      JSON.stringify({ operationId: "cli-op-2", transactionTimestamp: "2026-01-02T03:05:00Z" }),
    );
    const captured = await call([
      "simpleCaptureOfPayment",
      ...credentials(),
      ...merchant,
      "--payment-id",
      response.paymentId,
      "--data",
      `@${dataFile}`,
    ]);
    expect(JSON.parse(captured.stdout).payment.status).toBe("CONFIRMED");
    const status = await call([
      "getPaymentStatus",
      ...credentials(),
      ...merchant,
      "--payment-id",
      response.paymentId,
      "--return-operations",
    ]);
    expect(
      JSON.parse(status.stdout).operations.map((o: { operationType: string }) => o.operationType),
    ).toEqual(["AUTHORIZATION", "CAPTURE"]);
  });

  it("takes the credentials from the environment", async () => {
    const result = await call(["ping", "--config", config], {
      ACQUIRING_CLIENT_ID: sandbox.clientId,
      ACQUIRING_CLIENT_SECRET: sandbox.clientSecret,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("null");
  });

  it("prints the API error and exits with 1", async () => {
    const result = await call([
      "getPaymentStatus",
      ...credentials(),
      ...merchant,
      "--payment-id",
      "no-such-payment",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ReferenceException");
    expect(result.stderr).toContain('"statusCode": 404');
  });

  it("names what is missing or wrong and exits with 2", async () => {
    const missing = await call(["getPaymentStatus", ...credentials(), ...merchant]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--payment-id is required by getPaymentStatus");
    const unknown = await call(["chargeEverything", ...credentials()]);
    expect(unknown.stderr).toContain("unknown operation 'chargeEverything'");
    const badJson = await call(["processPayment", ...credentials(), ...merchant, "--data", "{oops"]);
    expect(badJson.stderr).toContain("--data is not valid JSON");
  });

  it("prints help for every command", async () => {
    const { stdout } = await run(bin, ["call", "--help"]);
    expect(stdout).toContain("Usage: acquiring-sdk call <operationId>");
    expect(stdout).toContain("uploadDisputeDocument");
    expect((await run(bin, ["--help"])).stdout).toContain("Commands:");
    expect((await run(bin, ["sandbox", "--help"])).stdout).toContain("Usage: acquiring-sdk sandbox");
  });
});

describe("acquiring-sdk sandbox", () => {
  it("prints the four connection lines, serves, and stops on SIGTERM", async () => {
    const child = spawn(bin, ["sandbox", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      lines.push(line);
      if (lines.length === 4) break;
    }
    expect(lines.map((line) => line.split(": ")[0])).toEqual([
      "apiEndpoint",
      "tokenUri",
      "clientId",
      "clientSecret",
    ]);
    const apiEndpoint = lines[0]!.slice("apiEndpoint: ".length);
    const ping = await fetch(`${apiEndpoint}/services/v1/ping`);
    expect(ping.status).toBe(401);
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});

describe("npm start", () => {
  it("walks through a payment's life on the simulator and exits with 0, card data masked", async () => {
    const { stdout } = await run(process.execPath, [path.join(root, "dist/demo/main.js")]);
    for (const step of [
      "processPayment",
      "getPaymentStatus",
      "simpleCaptureOfPayment",
      "createRefund",
      "reverseAuthorization",
      "requestDccRate",
      "processAccountVerification",
      "searchDisputes",
    ]) {
      expect(stdout).toContain(step);
    }
    expect(stdout).toContain('"cardNumber":"************1111"');
    expect(stdout).not.toContain("4111111111111111");
    expect(stdout).toContain("client_secret=********");
    expect(stdout.trimEnd().endsWith("Done.")).toBe(true);
  });
});
