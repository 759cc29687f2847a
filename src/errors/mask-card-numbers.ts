const ZERO = 0x30;
const NINE = 0x39;
const SPACE = 0x20;
const DASH = 0x2d;
const PERCENT = 0x25;
const TWO = 0x32;

/** The shortest card number (PAN) has 13 digits. */
const MIN_DIGITS = 13;
const KEPT_DIGITS = 4;

/**
 * Masks every digit run that could be a card number in free text (an error's `detail`, a message,
 * a rendered body): each digit but the last 4 of the run becomes `*`, separators stay, so
 * `4111 1111 1111 1111` reads `**** **** **** 1111`. A run is 13 or more digits, each optionally
 * preceded by one separator: a space, a dash, or `%20` (a space in a URL path). Runs are masked
 * whether or not they pass the Luhn check, since a mistyped card number is card data too, and a
 * longer run may embed one; shorter runs (amounts, years, ports, CVVs) are left alone, and so are
 * runs glued to a letter, which are parts of identifiers such as UUIDs. Never throws;
 * one pass over the text.
 * @param text - any text.
 */
export function maskCardNumbers(text: string): string {
  const length = text.length;
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let end = i;
    for (let j = i; ;) {
      if (isDigit(text.charCodeAt(j))) {
        digits++;
        end = ++j;
        continue;
      }
      const separator = separatorLength(text, j);
      if (separator === 0 || !isDigit(text.charCodeAt(j + separator))) break;
      j += separator;
    }
    // Digits glued to a letter belong to an identifier (a UUID's hex groups, a hash), not a PAN.
    if (digits >= MIN_DIGITS && !isLetter(text.charCodeAt(start - 1)) && !isLetter(text.charCodeAt(end))) {
      out += text.slice(copied, start) + maskRun(text, start, end, digits);
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function separatorLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === SPACE || c === DASH) return 1;
  return c === PERCENT && text.charCodeAt(at + 1) === TWO && text.charCodeAt(at + 2) === ZERO ? 3 : 0;
}

/** The run from `start` to `end` with all but its last 4 digits replaced by `*`. */
function maskRun(text: string, start: number, end: number, digits: number): string {
  const masked = digits - KEPT_DIGITS;
  if (end - start === digits) return "*".repeat(masked) + text.slice(end - KEPT_DIGITS, end);
  const parts: string[] = [];
  let seen = 0;
  for (let i = start; i < end; i++) {
    if (isDigit(text.charCodeAt(i))) {
      parts.push(seen++ < masked ? "*" : text[i]!);
    } else {
      const separator = separatorLength(text, i);
      parts.push(text.slice(i, i + separator));
      i += separator - 1;
    }
  }
  return parts.join("");
}
