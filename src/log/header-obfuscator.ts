import type { ObfuscationRule } from "./obfuscation-rule.js";

// STUB (scaffold): the logging helper implements this.
export class HeaderObfuscator {
  constructor(_additionalRules?: Record<string, ObfuscationRule>) {}
  obfuscateHeader(_name: string, _value: string): string {
    throw new Error("not implemented");
  }
  static readonly DEFAULT: HeaderObfuscator = new HeaderObfuscator();
}
