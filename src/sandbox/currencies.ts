/** ISO 4217 minor-unit digits of the currencies the sandbox accepts. */
export const CURRENCY_DECIMALS: Readonly<Record<string, number>> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  CAD: 2,
  AUD: 2,
  CNY: 2,
  JPY: 0,
  KWD: 3,
  BHD: 3,
};
