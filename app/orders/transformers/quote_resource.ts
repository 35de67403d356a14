import type { MarketContext } from '#markets/market_context'
import type { CheckoutQuote } from '#orders/services/checkout_pricing'
import { toMinorUnits, type Money } from '#money/money'

/** A quote as the storefront shows it: minor units and formatted, per parcel and line. */
export function quoteResource(market: MarketContext, quote: CheckoutQuote) {
  const view = (value: Money) => market.moneyView(toMinorUnits(value))
  return {
    currency: market.currency,
    paymentGateway: quote.gateway,
    parcels: quote.parcels.map((parcel) => ({
      shop: parcel.shop,
      lines: parcel.lines.map((line) => ({
        sku: line.sku.publicId,
        title: line.sku.title,
        options: line.sku.options,
        quantity: line.quantity,
        unitPrice: market.moneyView(line.sku.unitPrice),
        gross: view(line.taxed.gross),
        net: view(line.taxed.net),
        tax: view(line.taxed.tax),
        taxRate: { category: line.taxed.rate.category, rate: line.taxed.rate.rate, taxableBase: line.taxed.rate.taxableBase },
      })),
      goods: { gross: view(parcel.goods.gross), net: view(parcel.goods.net), tax: view(parcel.goods.tax) },
      shipping: {
        courier: parcel.shipping.courier,
        weightGrams: parcel.shipping.weightGrams,
        baseFee: view(parcel.shipping.baseFee),
        freeShipping: parcel.shipping.freeShipping,
        codSurcharge: view(parcel.shipping.codSurcharge),
        fee: view(parcel.shipping.fee),
      },
      total: view(parcel.total),
    })),
    taxLabel: market.tax.label,
    pricesIncludeTax: market.tax.pricesIncludeTax,
    total: view(quote.total),
  }
}
