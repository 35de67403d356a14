import type { MarketContext } from '#markets/market_context'
import type { CheckoutQuote } from '#orders/services/checkout_pricing'
import { toMinorUnits, type Money } from '#money/money'

/** A quote as the storefront shows it: minor units and formatted, per parcel and line. */
export function quoteResource(market: MarketContext, quote: CheckoutQuote) {
  const view = (value: Money) => market.moneyView(toMinorUnits(value))
  return {
    currency: market.currency,
    /** The market config the quote was priced with (an order placed on it records the same hash). */
    configRevision: { number: market.config.configRevision, hash: market.revision },
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
        discount: { shop: market.moneyView(line.discountShop), platform: market.moneyView(line.discountPlatform) },
      })),
      discounts: {
        goods: { shop: market.moneyView(parcel.discounts.goodsShop), platform: market.moneyView(parcel.discounts.goodsPlatform) },
        shipping: { shop: market.moneyView(parcel.discounts.shippingShop), platform: market.moneyView(parcel.discounts.shippingPlatform) },
      },
      vouchers: parcel.vouchers.map((entry) => ({ code: entry.code, scope: entry.scope, discount: market.moneyView(entry.amount) })),
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
    // Every code asked for: its discount, or why it does not apply (a code and a message in the buyer's language).
    vouchers: quote.vouchers.map((outcome) => ({
      code: outcome.code,
      applied: outcome.applied !== null,
      scope: outcome.applied?.voucher.scope ?? null,
      discount: market.moneyView(outcome.applied?.total ?? 0),
      reason: outcome.refusal,
      message: outcome.refusal ? market.t(`validation:voucher_${outcome.refusal}`, { field: outcome.code }) : null,
    })),
    taxLabel: market.tax.label,
    pricesIncludeTax: market.tax.pricesIncludeTax,
    total: view(quote.total),
  }
}
