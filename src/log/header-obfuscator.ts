import type { ObfuscationRule } from "./obfuscation-rule.js";
import { mergeRules, obfuscateWithFixedLength } from "./obfuscation-rule.js";

/*
 * Default rules (names case-insensitive), all a fixed 8 `*` so not even the length shows:
 * - Authorization, Proxy-Authorization: credentials (the OAuth2 bearer token, proxy Basic auth);
 * - WWW-Authenticate, Proxy-Authenticate: challenges, masked as the official SDKs do;
 * - Cookie, Set-Cookie: the API uses no cookies, but a load balancer's session cookie is a
 *   credential too, and masking it costs no debugging value.
 * X-WL-ServerMetaInfo stays readable: it only describes the SDK and platform.
 */
const DEFAULT_RULES: ReadonlyMap<string, ObfuscationRule> = (() => {
  const fixed8 = obfuscateWithFixedLength(8);
  return new Map<string, ObfuscationRule>(
    [
      "authorization",
      "www-authenticate",
      "proxy-authenticate",
      "proxy-authorization",
      "cookie",
      "set-cookie",
    ].map((name) => [name, fixed8]),
  );
})();

const RULE_FAILED = "<not logged: the obfuscation rule failed>";

/**
 * Obfuscates header values before they are logged. By default `Authorization`,
 * `WWW-Authenticate`, `Proxy-Authenticate`, `Proxy-Authorization`, `Cookie` and `Set-Cookie` are
 * replaced by 8 `*`; other headers are logged as they are.
 */
export class HeaderObfuscator {
  /** An obfuscator with the default rules only. */
  static readonly DEFAULT: HeaderObfuscator = new HeaderObfuscator();

  readonly #rules: ReadonlyMap<string, ObfuscationRule>;

  /**
   * @param additionalRules - rules by header name (case-insensitive), added to the defaults or
   *   replacing the default rule of the same name.
   * @throws TypeError when a rule is not a function.
   */
  constructor(additionalRules?: Readonly<Record<string, ObfuscationRule>>) {
    this.#rules = mergeRules(DEFAULT_RULES, additionalRules, "header", (name) => name.toLowerCase());
  }

  /**
   * Returns the header value as it may be logged. Never throws: if a custom rule throws or returns
   * a non-string, the value is replaced by a note saying so.
   * @param name - the header name, in any case.
   * @param value - the header value.
   */
  obfuscateHeader(name: string, value: string): string {
    const rule = this.#rules.get(name.toLowerCase());
    if (rule === undefined) return value;
    try {
      const masked = rule(value);
      if (typeof masked === "string") return masked;
    } catch {
      // Falls through: the value must not be logged in clear.
    }
    return RULE_FAILED;
  }
}
