/**
 * A run of at least 13 digits, each optionally preceded by one separator (a space, a dash, or a
 * percent-encoded space as in a URL path). Every card number (PAN) is such a run; so is a longer
 * run that embeds one. Deterministic at each position, so matching stays linear.
 */
const CARD_NUMBER_LIKE = /\d(?:(?:[ -]|%20)?\d){12,}/g;

/**
 * Masks every digit run that could be a card number in free text (an error's `detail`, a message,
 * a rendered body): each digit but the last 4 of the run becomes `*`, separators stay, so
 * `4111 1111 1111 1111` reads `**** **** **** 1111`. Runs of 13 or more digits are masked whether
 * or not they pass the Luhn check, since a mistyped card number is card data too; shorter runs
 * (amounts, years, ports, CVVs) are left alone. Never throws; linear in the text's length.
 * @param text - any text.
 */
export function maskCardNumbers(text: string): string {
  return text.replace(CARD_NUMBER_LIKE, maskRun);
}

function maskRun(run: string): string {
  const digits: string[] = [];
  const separators: string[] = [];
  for (let i = 0; i < run.length;) {
    if (run.startsWith("%20", i)) {
      separators[digits.length] = "%20";
      i += 3;
    } else if (run[i] === " " || run[i] === "-") {
      separators[digits.length] = run[i]!;
      i++;
    } else {
      digits.push(run[i]!);
      i++;
    }
  }
  const keep = digits.length - 4;
  let masked = "";
  for (let d = 0; d < digits.length; d++) {
    masked += (separators[d] ?? "") + (d < keep ? "*" : digits[d]!);
  }
  return masked;
}
