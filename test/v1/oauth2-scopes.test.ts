import { describe, expect, it } from "vitest";
import { OAuth2Scopes } from "../../src/auth/oauth2-scopes.js";

const ALL_V1 = [
  "processing_payment",
  "processing_refund",
  "processing_accountverification",
  "processing_balanceinquiry",
  "processing_operation_reverse",
  "processing_dcc_rate",
  "services_ping",
  "disputes_retrieve",
  "disputes_manage",
];

describe("OAuth2Scopes", () => {
  it("lists every scope once, in the order of sdk-behaviour §3", () => {
    expect(OAuth2Scopes.all()).toEqual(ALL_V1);
    expect(OAuth2Scopes.forApiVersion("v1")).toEqual(ALL_V1);
  });

  it("gives the scopes of one operation or several, without duplicates", () => {
    expect(OAuth2Scopes.forOperation("v1", "processPayment")).toEqual(["processing_payment"]);
    expect(OAuth2Scopes.forOperation("v1", "uploadDisputeDocument")).toEqual(["disputes_manage"]);
    expect(
      OAuth2Scopes.forOperations("v1", "getDispute", "processPayment", "getPaymentStatus", "ping"),
    ).toEqual(["disputes_retrieve", "processing_payment", "services_ping"]);
    expect(OAuth2Scopes.forOperations("v1")).toEqual([]);
  });

  it("selects operations with a filter", () => {
    const seen: string[] = [];
    const scopes = OAuth2Scopes.forOperations((apiVersion, operationId) => {
      seen.push(`${apiVersion}:${operationId}`);
      return /Dispute/.test(operationId);
    });
    expect(scopes).toEqual(["disputes_retrieve", "disputes_manage"]);
    expect(seen).toHaveLength(22);
    expect(seen[0]).toBe("v1:processPayment");
    expect(OAuth2Scopes.forOperations(() => false)).toEqual([]);
  });

  it("returns a new array each time", () => {
    const first = OAuth2Scopes.all();
    first.push("tampered");
    expect(OAuth2Scopes.all()).toEqual(ALL_V1);
  });

  it("names an unknown API version or operation", () => {
    expect(() => OAuth2Scopes.forApiVersion("v2")).toThrow(/Unknown API version 'v2'; known versions: v1/);
    expect(() => OAuth2Scopes.forOperation("v2", "ping")).toThrow(/Unknown API version 'v2'/);
    expect(() => OAuth2Scopes.forOperation("v1", "processPaymnet")).toThrow(
      /Unknown operation 'processPaymnet' for API version 'v1'/,
    );
    expect(() => OAuth2Scopes.forOperations("v1", "ping", "toString")).toThrow(
      /Unknown operation 'toString'/,
    );
    expect(() => OAuth2Scopes.forApiVersion("__proto__")).toThrow(RangeError);
  });
});
