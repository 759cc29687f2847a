import { describe, expect, it } from "vitest";
import { maskCardNumbers } from "../../src/errors/mask-card-numbers.js";

describe("maskCardNumbers", () => {
  it("masks card numbers in free text, separators kept", () => {
    expect(maskCardNumbers("card 4111 1111 1111 1111 declined")).toBe("card **** **** **** 1111 declined");
    expect(maskCardNumbers("pan=4111111111111111;")).toBe("pan=************1111;");
  });

  it("leaves digits that belong to an identifier, such as a UUID's hex groups", () => {
    const operationId = "45426f55-9538-4935-9870-f39f378a79e9";
    expect(maskCardNumbers(`operationId '${operationId}'`)).toBe(`operationId '${operationId}'`);
  });
});
