import { describe, expect, it } from "vitest";
import { HeaderObfuscator } from "../../src/log/header-obfuscator.js";
import { obfuscateAllButLast } from "../../src/log/obfuscation-rule.js";

describe("HeaderObfuscator", () => {
  it("masks credentials and challenges with 8 '*', whatever the name's case", () => {
    const obfuscator = HeaderObfuscator.DEFAULT;
    for (const name of [
      "Authorization",
      "authorization",
      "AUTHORIZATION",
      "WWW-Authenticate",
      "proxy-authenticate",
      "Proxy-Authorization",
      "Cookie",
      "set-cookie",
    ]) {
      expect(obfuscator.obfuscateHeader(name, "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig")).toBe("********");
    }
    expect(obfuscator.obfuscateHeader("Authorization", "")).toBe("");
  });

  it("leaves other headers readable", () => {
    const meta = '{"platformIdentifier":"Node.js 20","sdkIdentifier":"TypeScriptServerSDK/v0.1.0"}';
    expect(HeaderObfuscator.DEFAULT.obfuscateHeader("X-WL-ServerMetaInfo", meta)).toBe(meta);
    expect(HeaderObfuscator.DEFAULT.obfuscateHeader("Content-Type", "application/json")).toBe(
      "application/json",
    );
  });

  it("adds and replaces rules by case-insensitive name", () => {
    const obfuscator = new HeaderObfuscator({
      "X-Api-Key": obfuscateAllButLast(2),
      AUTHORIZATION: obfuscateAllButLast(3),
    });
    expect(obfuscator.obfuscateHeader("x-api-key", "abcdef")).toBe("****ef");
    expect(obfuscator.obfuscateHeader("Authorization", "Bearer xyz")).toBe("*******xyz");
    expect(obfuscator.obfuscateHeader("Proxy-Authorization", "Basic abc")).toBe("********");
    expect(HeaderObfuscator.DEFAULT.obfuscateHeader("X-Api-Key", "abcdef")).toBe("abcdef");
  });

  it("rejects a rule that is not a function, naming the header", () => {
    expect(() => new HeaderObfuscator({ "X-Api-Key": null as never })).toThrow(
      /rule for header 'X-Api-Key' must be a function/,
    );
  });

  it("never logs the value when a custom rule fails", () => {
    const obfuscator = new HeaderObfuscator({
      "X-Secret": () => {
        throw new Error("boom");
      },
      "X-Other": (() => 42) as never,
    });
    expect(obfuscator.obfuscateHeader("X-Secret", "s3cret")).toBe(
      "<not logged: the obfuscation rule failed>",
    );
    expect(obfuscator.obfuscateHeader("X-Other", "s3cret")).toBe("<not logged: the obfuscation rule failed>");
  });
});
