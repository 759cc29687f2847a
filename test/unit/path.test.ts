import { describe, expect, it } from "vitest";
import { expandPath } from "../../src/core/path.js";
import type { ValidationIssue } from "../../src/errors/validation-exception.js";

const TEMPLATE = "/processing/v1/{acquirerId}/{merchantId}/payments";

describe("expandPath", () => {
  it("percent-encodes each value", () => {
    const issues: ValidationIssue[] = [];
    expect(expandPath(TEMPLATE, { acquirerId: "a 1", merchantId: "m/2?#" }, issues)).toBe(
      "/processing/v1/a%201/m%2F2%3F%23/payments",
    );
    expect(issues).toEqual([]);
  });

  it("follows a values object that changed since its last use", () => {
    const values = { acquirerId: "a", merchantId: "m" };
    expect(expandPath(TEMPLATE, values, [])).toBe("/processing/v1/a/m/payments");
    values.merchantId = "n";
    expect(expandPath(TEMPLATE, values, [])).toBe("/processing/v1/a/n/payments");
  });

  it("gives a frozen values object the same path every time, and frozen invalid values their issues", () => {
    const values = Object.freeze({ acquirerId: "a", merchantId: "m" });
    expect(expandPath(TEMPLATE, values, [])).toBe("/processing/v1/a/m/payments");
    expect(expandPath(TEMPLATE, values, [])).toBe("/processing/v1/a/m/payments");
    const invalid = Object.freeze({ acquirerId: "..", merchantId: "m" });
    for (let index = 0; index < 2; index++) {
      const issues: ValidationIssue[] = [];
      expect(expandPath(TEMPLATE, invalid, issues)).toBeUndefined();
      expect(issues.map((issue) => issue.rule)).toEqual(["pathSegment"]);
    }
  });
});
