import type { ObfuscationRule } from "./obfuscation-rule.js";

// STUB (scaffold): the logging helper implements this.
export class BodyObfuscator {
  constructor(_additionalRules?: Record<string, ObfuscationRule>) {}
  /** Returns the body with every sensitive value obfuscated. */
  obfuscateBody(_body: string, _contentType?: string): string {
    throw new Error("not implemented");
  }
  static readonly DEFAULT: BodyObfuscator = new BodyObfuscator();
}
