import { notLogged } from "./not-logged.js";
import type { ObfuscationRule } from "./obfuscation-rule.js";
import { maskCardNumbers } from "../errors/mask-card-numbers.js";

/** A value that may hold a card number in free text (see maskCardNumbers); native, so cheap. */
const CARD_NUMBER_LIKE = /\d(?:(?:[ -]|%20)?\d){12}/;
/** Values shorter than this cannot hold a 13-digit run; they skip the check. */
const MIN_CARD_NUMBER_LENGTH = 13;

/**
 * Deeper nesting is treated as invalid input: it keeps the recursive scanner far from the call
 * stack limit, and no API body comes close.
 */
const MAX_DEPTH = 256;

/** Skips string content that needs no checking, in native code; module-wide, compiled once. */
// eslint-disable-next-line no-control-regex -- RFC 8259 §7: raw U+0000-U+001F end a valid string.
const PLAIN_CHARACTERS = /[^"\\\u0000-\u001f]*/y;

/**
 * Obfuscates a JSON document in one pass, validating it as RFC 8259 JSON on the way.
 *
 * Text is copied through untouched except the values of properties that have a rule: a string,
 * number or boolean value is replaced by its rule's result as a JSON string (so the logged body
 * stays valid JSON); `null` is left alone; inside an array or object value every such scalar is
 * replaced using the rule of its own property name if it has one, else the enclosing sensitive
 * property's rule. Property names are matched after unescaping, case-sensitively.
 *
 * Fails closed: at the first invalid or missing character (truncated body, text that is not JSON)
 * the rest of the input is dropped and replaced by `<N characters not logged: ...>`. What precedes
 * it consists only of complete tokens, already obfuscated, so a cut-off sensitive value never
 * shows. If a rule throws or returns a non-string, the whole body is replaced by such a note.
 *
 * @param text - the body; must be non-empty.
 * @param rules - rules by exact property name.
 */
export function obfuscateJson(text: string, rules: ReadonlyMap<string, ObfuscationRule>): string {
  const scanner = new JsonScanner(text, rules);
  try {
    return scanner.run();
  } catch (error) {
    if (error instanceof InvalidJson) return scanner.cutAt(error.offset, error.reason);
    return notLogged(text.length, "an obfuscation rule failed");
  }
}

class InvalidJson extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_A = 0x41;
const UPPER_E = 0x45;
const UPPER_F = 0x46;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_A = 0x61;
const LOWER_B = 0x62;
const LOWER_E = 0x65;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
const LOWER_R = 0x72;
const LOWER_T = 0x74;
const LOWER_U = 0x75;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

class JsonScanner {
  readonly #text: string;
  readonly #rules: ReadonlyMap<string, ObfuscationRule>;
  #pos = 0;
  /** Start of the input not yet appended to #out. */
  #copied = 0;
  #out = "";

  constructor(text: string, rules: ReadonlyMap<string, ObfuscationRule>) {
    this.#text = text;
    this.#rules = rules;
  }

  run(): string {
    this.#skipWhitespace();
    this.#value(undefined, 0);
    this.#skipWhitespace();
    if (this.#pos < this.#text.length) {
      throw new InvalidJson(this.#pos, "unexpected text after the JSON value");
    }
    return this.#copied === 0 ? this.#text : this.#out + this.#text.slice(this.#copied);
  }

  /** The obfuscated output up to `offset` (a token boundary), then a note on what was dropped. */
  cutAt(offset: number, reason: string): string {
    const kept = this.#out + this.#text.slice(this.#copied, offset);
    const why = offset >= this.#text.length ? "unexpected end of JSON" : reason;
    return kept + notLogged(this.#text.length - offset, `${why} at offset ${offset}`);
  }

  #value(rule: ObfuscationRule | undefined, depth: number): void {
    const text = this.#text;
    const start = this.#pos;
    if (start >= text.length) throw new InvalidJson(start, "unexpected end of JSON");
    const c = text.charCodeAt(start);
    if (c === QUOTE) {
      const hasEscape = this.#string();
      if (rule !== undefined) {
        const raw = text.slice(start + 1, this.#pos - 1);
        this.#replace(start, rule(hasEscape ? (JSON.parse(`"${raw}"`) as string) : raw));
      } else if (this.#pos - start - 2 >= MIN_CARD_NUMBER_LENGTH) {
        // Free text under any key may quote a card number (an error's detail, a reference).
        const raw = text.slice(start + 1, this.#pos - 1);
        const value = hasEscape ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (CARD_NUMBER_LIKE.test(value)) this.#replace(start, maskCardNumbers(value));
      }
    } else if (c === OPEN_BRACE) {
      this.#object(rule, depth + 1);
    } else if (c === OPEN_BRACKET) {
      this.#array(rule, depth + 1);
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      this.#number();
      // Inside a container, a number running up to the end was cut off: masking the digits that
      // arrived would show the wrong ones (a PAN's middle digits as its "last four").
      if (depth > 0 && this.#pos >= text.length) throw new InvalidJson(start, "unexpected end of JSON");
      if (rule !== undefined) {
        this.#replace(start, rule(text.slice(start, this.#pos)));
      } else if (this.#pos - start >= MIN_CARD_NUMBER_LENGTH) {
        const literal = text.slice(start, this.#pos);
        if (CARD_NUMBER_LIKE.test(literal)) this.#replace(start, maskCardNumbers(literal));
      }
    } else if (c === LOWER_T) {
      this.#literal("true");
      if (rule !== undefined) this.#replace(start, rule("true"));
    } else if (c === LOWER_F) {
      this.#literal("false");
      if (rule !== undefined) this.#replace(start, rule("false"));
    } else if (c === LOWER_N) {
      this.#literal("null");
    } else {
      throw new InvalidJson(start, "unexpected character");
    }
  }

  #object(inherited: ObfuscationRule | undefined, depth: number): void {
    if (depth > MAX_DEPTH) throw new InvalidJson(this.#pos, "nesting too deep");
    const text = this.#text;
    this.#pos++;
    this.#skipWhitespace();
    if (text.charCodeAt(this.#pos) === CLOSE_BRACE) {
      this.#pos++;
      return;
    }
    for (;;) {
      const keyStart = this.#pos;
      if (text.charCodeAt(keyStart) !== QUOTE) throw new InvalidJson(keyStart, "expected a property name");
      const hasEscape = this.#string();
      const rawKey = text.slice(keyStart + 1, this.#pos - 1);
      const key = hasEscape ? (JSON.parse(`"${rawKey}"`) as string) : rawKey;
      this.#skipWhitespace();
      if (text.charCodeAt(this.#pos) !== COLON) throw new InvalidJson(this.#pos, "expected ':'");
      this.#pos++;
      this.#skipWhitespace();
      this.#value(this.#rules.get(key) ?? inherited, depth);
      this.#skipWhitespace();
      const c = text.charCodeAt(this.#pos);
      this.#pos++;
      if (c === CLOSE_BRACE) return;
      if (c !== COMMA) throw new InvalidJson(this.#pos - 1, "expected ',' or '}'");
      this.#skipWhitespace();
    }
  }

  #array(inherited: ObfuscationRule | undefined, depth: number): void {
    if (depth > MAX_DEPTH) throw new InvalidJson(this.#pos, "nesting too deep");
    const text = this.#text;
    this.#pos++;
    this.#skipWhitespace();
    if (text.charCodeAt(this.#pos) === CLOSE_BRACKET) {
      this.#pos++;
      return;
    }
    for (;;) {
      this.#value(inherited, depth);
      this.#skipWhitespace();
      const c = text.charCodeAt(this.#pos);
      this.#pos++;
      if (c === CLOSE_BRACKET) return;
      if (c !== COMMA) throw new InvalidJson(this.#pos - 1, "expected ',' or ']'");
      this.#skipWhitespace();
    }
  }

  /** Scans a string token starting at its opening quote; returns whether it has escapes. */
  #string(): boolean {
    const text = this.#text;
    const start = this.#pos;
    const end = text.length;
    let hasEscape = false;
    let i = start + 1;
    while (i < end) {
      PLAIN_CHARACTERS.lastIndex = i;
      PLAIN_CHARACTERS.test(text);
      i = PLAIN_CHARACTERS.lastIndex;
      if (i >= end) break;
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.#pos = i + 1;
        return hasEscape;
      }
      if (c === BACKSLASH) {
        hasEscape = true;
        const e = text.charCodeAt(i + 1);
        if (e === LOWER_U) {
          for (let k = i + 2; k < i + 6; k++) {
            if (!isHexDigit(text.charCodeAt(k))) throw new InvalidJson(start, "invalid escape in string");
          }
          i += 6;
        } else if (isSimpleEscape(e)) {
          i += 2;
        } else {
          throw new InvalidJson(start, "invalid escape in string");
        }
      } else if (c < SPACE) {
        throw new InvalidJson(start, "control character in string");
      } else {
        i++;
      }
    }
    throw new InvalidJson(start, "unterminated string");
  }

  #number(): void {
    const text = this.#text;
    const start = this.#pos;
    let i = start;
    if (text.charCodeAt(i) === MINUS) i++;
    const first = text.charCodeAt(i);
    if (first === ZERO) {
      i++;
    } else if (isDigit(first)) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else {
      throw new InvalidJson(start, "invalid number");
    }
    if (text.charCodeAt(i) === DOT) {
      i++;
      if (!isDigit(text.charCodeAt(i))) throw new InvalidJson(start, "invalid number");
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === PLUS || sign === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) throw new InvalidJson(start, "invalid number");
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.#pos = i;
  }

  #literal(word: "true" | "false" | "null"): void {
    if (!this.#text.startsWith(word, this.#pos)) throw new InvalidJson(this.#pos, "invalid literal");
    this.#pos += word.length;
  }

  #skipWhitespace(): void {
    const text = this.#text;
    let i = this.#pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== LINE_FEED && c !== CARRIAGE_RETURN && c !== TAB) break;
      i++;
    }
    this.#pos = i;
  }

  /** Replaces the input from `start` to the current position with `masked` as a JSON string. */
  #replace(start: number, masked: string): void {
    if (typeof masked !== "string") throw new TypeError("an obfuscation rule returned a non-string");
    this.#out += this.#text.slice(this.#copied, start) + JSON.stringify(masked);
    this.#copied = this.#pos;
  }
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isHexDigit(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= UPPER_A && c <= UPPER_F) || (c >= LOWER_A && c <= LOWER_F);
}

function isSimpleEscape(c: number): boolean {
  return (
    c === QUOTE ||
    c === BACKSLASH ||
    c === SLASH ||
    c === LOWER_B ||
    c === LOWER_F ||
    c === LOWER_N ||
    c === LOWER_R ||
    c === LOWER_T
  );
}
