import { ApiProblem } from "./api-problem.js";
import { CURRENCY_DECIMALS } from "./currencies.js";

/** An amount in minor units (`AmountData`). */
export interface Amount {
  amount: number;
  currencyCode: string;
  numberOfDecimals: number;
}

/** The JSON path of a dotted field path: `documentIds.0.documentId` → `$.documentIds[0].documentId`. */
export function jsonPath(path: string): string {
  return `$.${path}`.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

function invalid(path: string, message: string): ApiProblem {
  return new ApiProblem(400, "validation-error", `${jsonPath(path)}: ${message}`);
}

/**
 * Business-rule reading of a JSON request body by dotted path (`cardPaymentData.cardData.expiryDate`).
 * Shape errors are the validators' job; these getters check what the platform requires on top
 * and throw a 400 {@link ApiProblem} naming the field. Values are never echoed in messages,
 * as they may be card data.
 */
export class RequestFields {
  readonly #body: unknown;

  constructor(body: unknown) {
    this.#body = body;
  }

  /** The raw value at `path` (numeric segments index arrays), or undefined. */
  get(path: string): unknown {
    let value: unknown = this.#body;
    for (const key of path.split(".")) {
      if (typeof value !== "object" || value === null) return undefined;
      value = Array.isArray(value)
        ? /^\d+$/.test(key)
          ? value[Number(key)]
          : undefined
        : (value as Record<string, unknown>)[key];
    }
    return value;
  }

  /** @throws ApiProblem 400 when absent, not a string or blank. */
  string(path: string): string {
    const value = this.get(path);
    if (value === undefined || value === null) throw invalid(path, "is required");
    if (typeof value !== "string" || value.trim() === "") throw invalid(path, "must be a non-empty string");
    return value;
  }

  /** @throws ApiProblem 400 when present but not a non-empty string. */
  optionalString(path: string): string | undefined {
    return this.get(path) === undefined ? undefined : this.string(path);
  }

  /** @throws ApiProblem 400 when present but not a boolean. */
  optionalBoolean(path: string): boolean | undefined {
    const value = this.get(path);
    if (value === undefined) return undefined;
    if (typeof value !== "boolean") throw invalid(path, "must be a boolean");
    return value;
  }

  /** @throws ApiProblem 400 when present but not an integer. */
  optionalInteger(path: string): number | undefined {
    const value = this.get(path);
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalid(path, "must be an integer");
    return value;
  }

  /** An ISO-8601 date-time with a UTC offset. @throws ApiProblem 400 when absent or malformed. */
  timestamp(path: string): string {
    const value = this.string(path);
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
      Number.isNaN(Date.parse(value))
    ) {
      throw invalid(path, "must be an ISO-8601 date-time with offset, e.g. 2024-05-01T10:15:30.000+02:00");
    }
    return value;
  }

  /**
   * A positive amount in a known currency with that currency's number of decimals.
   * @throws ApiProblem 400 when absent or inconsistent.
   */
  amount(path: string): Amount {
    const value = this.get(path);
    if (value === undefined || value === null) throw invalid(path, "is required");
    const amount = this.get(`${path}.amount`);
    const currencyCode = this.get(`${path}.currencyCode`);
    const numberOfDecimals = this.get(`${path}.numberOfDecimals`);
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
      throw invalid(`${path}.amount`, "must be a positive integer in minor units");
    }
    if (typeof currencyCode !== "string" || CURRENCY_DECIMALS[currencyCode] === undefined) {
      throw invalid(`${path}.currencyCode`, "must be a supported ISO 4217 alphabetic code");
    }
    if (numberOfDecimals !== CURRENCY_DECIMALS[currencyCode]) {
      throw invalid(
        `${path}.numberOfDecimals`,
        `must be ${CURRENCY_DECIMALS[currencyCode]} for ${currencyCode}`,
      );
    }
    return { amount, currencyCode, numberOfDecimals };
  }

  /** @throws ApiProblem 400 when present but invalid, see {@link amount}. */
  optionalAmount(path: string): Amount | undefined {
    return this.get(path) === undefined ? undefined : this.amount(path);
  }
}
