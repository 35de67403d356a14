import { toSnapshot } from 'dinero.js'
import type { MarketContext } from '#markets/market_context'
import type { CheckoutQuote } from '#orders/services/checkout_pricing'
import { money, moneyView, type Money } from '#money/money'

/** A quote as the storefront shows it: minor units and formatted, per parcel and line. */
export function quoteResource(market: MarketContext, locale: string, quote: CheckoutQuote) {
  const view = (value: Money) => moneyView(Number(toSnapshot(value).amount), market.market.currency, locale, market.market.priceDecimals)
  return {
    currency: market.market.currency,
    paymentGateway: quote.gateway,
    parcels: quote.parcels.map((parcel) => ({
      shop: parcel.shop,
      lines: parcel.lines.map((line) => ({
        sku: line.sku.publicId,
        title: line.sku.title,
        options: line.sku.options,
        quantity: line.quantity,
        unitPrice: view(money(line.sku.unitPrice, market.market.currency)),
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
    taxLabel: market.market.tax.label,
    pricesIncludeTax: market.market.tax.pricesIncludeTax,
    total: view(quote.total),
  }
}
