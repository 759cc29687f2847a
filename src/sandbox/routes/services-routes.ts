import type { DccRates } from "../dcc-rates.js";
import { DCC_MARK_UP_PERCENT } from "../dcc-rates.js";
import { CURRENCY_DECIMALS } from "../currencies.js";
import type { ProcessingStore } from "../processing-store.js";
import { RequestFields } from "../request-fields.js";
import { json, type Route } from "../route.js";

/** Dynamic currency conversion rates and ping. */
export function servicesRoutes(store: ProcessingStore, rates: DccRates): Route[] {
  return [
    {
      operation: "requestDccRate",
      method: "POST",
      path: "/services/v1/{acquirerId}/{merchantId}/dcc-rates",
      scope: "processing_dcc_rate",
      requestModel: "GetDccRateRequest",
      idempotent: true,
      handle(request) {
        const { acquirerId = "", merchantId = "" } = request.params;
        const fields = new RequestFields(request.body);
        const operationId = fields.string("operationId");
        const original = fields.amount("transaction.amount");
        const target = fields.string("targetCurrency");
        const reference = fields.optionalString("rateReferenceId");
        const quote = reference
          ? rates.reuse(reference, original.currencyCode, target)
          : rates.quote(original.currencyCode, target, request.now);
        const targetDecimals = CURRENCY_DECIMALS[target] ?? 2;
        const converted = (original.amount / 10 ** original.numberOfDecimals) * quote.exchangeRate;
        store.recordOperation(operationId, acquirerId, merchantId, { type: "NO_EFFECT" });
        return json(200, {
          disclaimerDisplay: `Exchange rate includes a mark-up of ${DCC_MARK_UP_PERCENT.toFixed(2)}% over the mid-market rate. I accept the conversion and the final currency.`,
          disclaimerReceipt: `Cardholder accepted currency conversion. Mark-up ${DCC_MARK_UP_PERCENT.toFixed(2)}% over the mid-market rate.`,
          proposal: {
            originalAmount: original,
            rate: {
              exchangeRate: quote.exchangeRate,
              invertedExchangeRate: Math.round((1 / quote.exchangeRate) * 1e6) / 1e6,
              markUp: DCC_MARK_UP_PERCENT,
              markUpBasis: "MID_MARKET_RATE",
              quotationDateTime: quote.quotationDateTime,
            },
            rateReferenceId: quote.rateReferenceId,
            resultingAmount: {
              amount: Math.round(converted * 10 ** targetDecimals),
              currencyCode: target,
              numberOfDecimals: targetDecimals,
            },
          },
          result: "OFFERED",
        });
      },
    },
    {
      operation: "ping",
      method: "GET",
      path: "/services/v1/ping",
      scope: "services_ping",
      handle() {
        return { kind: "empty", status: 200 };
      },
    },
  ];
}
