import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CommunicatorConfiguration } from "../../src/config/communicator-configuration.js";
import type { Communicator } from "../../src/core/communicator.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import { Factory } from "../../src/factory.js";
import { V1Client } from "../../src/v1/index.js";
import type { ApiPaymentRequest } from "../../src/v1/index.js";
import { LoopbackPlatform } from "./loopback-platform.js";

let platform: LoopbackPlatform;
let communicator: Communicator;
let v1: V1Client;

beforeAll(async () => {
  platform = await LoopbackPlatform.start();
  communicator = Factory.createCommunicatorFromConfiguration(
    new CommunicatorConfiguration({
      apiEndpoint: platform.origin,
      oauth2TokenUri: platform.tokenUri,
      oauth2ClientId: "resources-test",
      oauth2ClientSecret: "resources-secret",
      integrator: "Resource tests",
      connectTimeout: 2,
      socketTimeout: 5,
      retry: { maxRetries: 0 },
      validateRequests: true,
    }),
  );
  v1 = new V1Client(communicator);
});

afterEach(() => {
  platform.requests.length = 0;
  platform.reply = { status: 200, headers: { "content-type": "application/json" }, body: "{}" };
});

afterAll(async () => {
  await communicator.close();
  await platform.close();
});

describe("generated resource chain", () => {
  it("sends the same request through the deprecated merchants/payments/refunds aliases", async () => {
    const request: ApiPaymentRequest = { operationId: "op-1", amount: { amount: 100, currencyCode: "EUR" } };
    await v1.acquirer("a 1").merchant("m/1").cardPayments().processPayment(request);
    const current = platform.takeRequest();
    await v1.acquirer("a 1").merchants("m/1").payments().processPayment(request);
    const alias = platform.takeRequest();
    expect(alias.url).toBe(current.url);
    expect(alias.url).toBe("/processing/v1/a%201/m%2F1/payments");
    expect(alias.body.equals(current.body)).toBe(true);

    await v1.acquirer("a").merchants("m").refunds().getRefund("r");
    expect(platform.takeRequest().url).toBe("/processing/v1/a/m/refunds/r");
  });

  it("keeps each chain step independent, so one acquirer serves several merchants", async () => {
    const acquirer = v1.acquirer("acq");
    const first = acquirer.merchant("m1").cardPayments();
    const second = acquirer.merchant("m2").cardPayments();
    await second.getPaymentStatus("p");
    expect(platform.takeRequest().url).toBe("/processing/v1/acq/m2/payments/p");
    await first.getPaymentStatus("p");
    expect(platform.takeRequest().url).toBe("/processing/v1/acq/m1/payments/p");
  });

  it("sends query parameters only when set", async () => {
    const payments = v1.acquirer("a").merchant("m").cardPayments();
    await payments.getPaymentStatus("p");
    expect(platform.takeRequest().url).toBe("/processing/v1/a/m/payments/p");
    await payments.getPaymentStatus("p", {});
    expect(platform.takeRequest().url).toBe("/processing/v1/a/m/payments/p");
    await payments.getPaymentStatus("p", { returnOperations: false });
    expect(platform.takeRequest().url).toBe("/processing/v1/a/m/payments/p?returnOperations=false");
    await v1.disputeManagement().getDispute("d", { includeEntries: true });
    expect(platform.takeRequest().url).toBe("/dispute-management/v1/disputes/d?includeEntries=true");
  });

  it("refuses an invalid body before sending anything, naming the JSON path but not the value", async () => {
    const tokensBefore = platform.tokenRequests.length;
    const invalid = { amount: { amount: "4111111111111111" }, colour: "red" } as unknown as ApiPaymentRequest;
    const error = await v1
      .acquirer("a")
      .merchant("m")
      .cardPayments()
      .processPayment(invalid)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ValidationException);
    const exception = error as ValidationException;
    expect(exception.issues).toEqual([
      { path: "$.colour", rule: "additionalProperties", message: "is not a property of ApiPaymentRequest" },
      { path: "$.amount.amount", rule: "type", message: "must be an integer, not a string" },
    ]);
    expect(exception.message).toContain("$.amount.amount");
    expect(exception.message).not.toContain("4111");
    expect(platform.requests).toHaveLength(0);
    expect(platform.tokenRequests).toHaveLength(tokensBefore);
  });

  it("sends a Date as ISO text", async () => {
    await v1
      .acquirer("a")
      .merchant("m")
      .cardPayments()
      .processPayment({ transactionTimestamp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) });
    expect(JSON.parse(platform.takeRequest().body.toString("utf8"))).toEqual({
      transactionTimestamp: "2024-01-02T03:04:05.006Z",
    });
  });
});
