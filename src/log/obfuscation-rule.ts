/**
 * Turns a sensitive value into its obfuscated form. Receives the value as text (a JSON string's
 * decoded content, a number's or boolean's literal, a header value) and returns the text to log.
 */
export type ObfuscationRule = (value: string) => string;

/**
 * A rule that replaces every character with `*`, keeping the length. Empty values stay empty.
 */
export function obfuscateAll(): ObfuscationRule {
  return (value) => mask(characters(value).length);
}

/**
 * A rule that keeps the first `count` characters and replaces the rest with `*`. Values of at most
 * `count` characters are returned unchanged.
 * @param count - how many leading characters stay readable.
 * @throws RangeError when `count` is not a non-negative integer.
 */
export function obfuscateAllButFirst(count: number): ObfuscationRule {
  checkCount("count", count);
  return (value) => {
    const chars = characters(value);
    if (chars.length <= count) return value;
    return part(chars, 0, count) + mask(chars.length - count);
  };
}

/**
 * A rule that keeps the last `count` characters and replaces the rest with `*`. Values of at most
 * `count` characters are returned unchanged.
 * @param count - how many trailing characters stay readable.
 * @throws RangeError when `count` is not a non-negative integer.
 */
export function obfuscateAllButLast(count: number): ObfuscationRule {
  checkCount("count", count);
  return (value) => {
    const chars = characters(value);
    if (chars.length <= count) return value;
    return mask(chars.length - count) + part(chars, chars.length - count, chars.length);
  };
}

/**
 * A rule that replaces any non-empty value with exactly `length` `*` characters, hiding the
 * original length too. Empty values stay empty.
 * @param length - the number of `*` characters logged.
 * @throws RangeError when `length` is not a non-negative integer.
 */
export function obfuscateWithFixedLength(length: number): ObfuscationRule {
  checkCount("length", length);
  const masked = mask(length);
  return (value) => (value === "" ? value : masked);
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

function mask(length: number): string {
  return "*".repeat(length);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Splits by code point only when needed, so a kept character is never half a surrogate pair. */
function characters(value: string): string | string[] {
  return SURROGATE.test(value) ? Array.from(value) : value;
}

function part(chars: string | string[], start: number, end: number): string {
  return typeof chars === "string" ? chars.slice(start, end) : chars.slice(start, end).join("");
}

/**
 * The default rules plus additional ones, which add or replace by name (`normalize`d first).
 * @throws TypeError naming the rule when it is not a function.
 */
export function mergeRules(
  defaults: ReadonlyMap<string, ObfuscationRule>,
  additionalRules: Readonly<Record<string, ObfuscationRule>> | undefined,
  kind: "property" | "header",
  normalize: (name: string) => string = (name) => name,
): ReadonlyMap<string, ObfuscationRule> {
  if (additionalRules === undefined) return defaults;
  const rules = new Map(defaults);
  for (const [name, rule] of Object.entries(additionalRules)) {
    if (typeof rule !== "function") {
      throw new TypeError(`obfuscation rule for ${kind} '${name}' must be a function, got ${typeof rule}`);
    }
    rules.set(normalize(name), rule);
  }
  return rules;
}
