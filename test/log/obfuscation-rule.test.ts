import { describe, expect, it } from "vitest";
import {
  obfuscateAll,
  obfuscateAllButFirst,
  obfuscateAllButLast,
  obfuscateWithFixedLength,
} from "../../src/log/obfuscation-rule.js";

describe("obfuscation rules", () => {
  it("obfuscateAll keeps the length and leaves empty values empty", () => {
    const rule = obfuscateAll();
    expect(rule("secret")).toBe("******");
    expect(rule("")).toBe("");
  });

  it("obfuscateAllButFirst keeps the first n characters, and short values whole", () => {
    const rule = obfuscateAllButFirst(4);
    expect(rule("1234567890")).toBe("1234******");
    expect(rule("1234")).toBe("1234");
    expect(rule("123")).toBe("123");
    expect(rule("")).toBe("");
    expect(obfuscateAllButFirst(0)("abc")).toBe("***");
  });

  it("obfuscateAllButLast keeps the last n characters, and short values whole", () => {
    const rule = obfuscateAllButLast(4);
    expect(rule("4111111111111111")).toBe("************1111");
    expect(rule("1111")).toBe("1111");
    expect(rule("11")).toBe("11");
    expect(obfuscateAllButLast(0)("abc")).toBe("***");
  });

  it("obfuscateWithFixedLength hides the length but leaves empty values empty", () => {
    const rule = obfuscateWithFixedLength(8);
    expect(rule("a")).toBe("********");
    expect(rule("a much longer value than eight")).toBe("********");
    expect(rule("")).toBe("");
    expect(obfuscateWithFixedLength(0)("abc")).toBe("");
  });

  it("counts characters by code point, never splitting a surrogate pair", () => {
    expect(obfuscateAll()("a😀b")).toBe("***");
    expect(obfuscateAllButLast(1)("ab😀")).toBe("**😀");
    expect(obfuscateAllButFirst(1)("😀bc")).toBe("😀**");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s as a count", (count) => {
    expect(() => obfuscateAllButFirst(count)).toThrow(RangeError);
    expect(() => obfuscateAllButLast(count)).toThrow(/count must be a non-negative integer/);
    expect(() => obfuscateWithFixedLength(count)).toThrow(/length must be a non-negative integer/);
  });
});
