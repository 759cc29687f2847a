import { ApiProblem } from "./api-problem.js";
import { CURRENCY_DECIMALS } from "./currencies.js";
import { newResourceId } from "./references.js";

/** Mid-market units of each currency per 1 EUR; fixed, so rates are reproducible in tests. */
const PER_EUR: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 1.085,
  GBP: 0.855,
  CHF: 0.945,
  SEK: 11.45,
  NOK: 11.65,
  DKK: 7.46,
  PLN: 4.32,
  CZK: 25.1,
  HUF: 390.5,
  CAD: 1.47,
  AUD: 1.65,
  CNY: 7.85,
  JPY: 162.35,
  KWD: 0.334,
  BHD: 0.409,
};

/** The mark-up the simulated DCC provider adds on the mid-market rate, in percent. */
export const DCC_MARK_UP_PERCENT = 3;

/** A quoted conversion rate between two currencies. */
export interface DccQuote {
  rateReferenceId: string;
  sourceCurrency: string;
  targetCurrency: string;
  exchangeRate: number;
  quotationDateTime: string;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Deterministic DCC rates: the mid-market cross rate of the two currencies plus
 * {@link DCC_MARK_UP_PERCENT}, rounded to 6 decimals. Quotes are kept so that their
 * `rateReferenceId` can be reused.
 */
export class DccRates {
  readonly #quotes = new Map<string, DccQuote>();

  /**
   * The rate applied to convert `source` into `target`.
   * @throws ApiProblem 400 for an unsupported or identical currency pair.
   */
  static rate(source: string, target: string): number {
    const from = PER_EUR[source];
    const to = PER_EUR[target];
    if (from === undefined || to === undefined || CURRENCY_DECIMALS[target] === undefined) {
      throw new ApiProblem(
        400,
        "validation-error",
        `$.targetCurrency: no DCC rate from ${source} to ${target}`,
      );
    }
    if (source === target) {
      throw new ApiProblem(
        400,
        "validation-error",
        "$.targetCurrency: must differ from the transaction currency",
      );
    }
    return round((to / from) * (1 + DCC_MARK_UP_PERCENT / 100), 6);
  }

  /** A new quote for the pair, stamped `now`. */
  quote(source: string, target: string, now: Date): DccQuote {
    const quote = {
      rateReferenceId: newResourceId(),
      sourceCurrency: source,
      targetCurrency: target,
      exchangeRate: DccRates.rate(source, target),
      quotationDateTime: now.toISOString(),
    };
    this.#quotes.set(quote.rateReferenceId, quote);
    return quote;
  }

  /** @throws ApiProblem 400 when no quote has that reference or it is for another pair. */
  reuse(rateReferenceId: string, source: string, target: string): DccQuote {
    const quote = this.#quotes.get(rateReferenceId);
    if (!quote)
      throw new ApiProblem(
        400,
        "validation-error",
        `$.rateReferenceId: no rate with id '${rateReferenceId}'`,
      );
    if (quote.sourceCurrency !== source || quote.targetCurrency !== target) {
      throw new ApiProblem(
        400,
        "validation-error",
        `$.rateReferenceId: the rate converts ${quote.sourceCurrency} to ${quote.targetCurrency}`,
      );
    }
    return quote;
  }

  /** Forgets every quote. */
  clear(): void {
    this.#quotes.clear();
  }
}
