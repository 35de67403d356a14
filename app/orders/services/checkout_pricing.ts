import { add } from 'dinero.js'
import type { MarketContext } from '#markets/market_context'
import { sellableSkus, type SellableSku } from '#catalog/services/sku_lookup'
import { calculateTax, type TaxedLine } from '#tax/services/tax_calculator'
import { courierOf, quoteParcel, type ParcelQuote } from '#logistics/services/shipping_rates'
import { toMinorUnits, type Money } from '#money/money'
import { fieldError } from '#exceptions/field_error'

export interface CheckoutLineInput {
  sku: string
  quantity: number
}

export interface PricedParcel {
  shopId: number
  shop: { id: string; name: string }
  lines: { sku: SellableSku; quantity: number; taxed: TaxedLine }[]
  goods: { gross: Money; net: Money; tax: Money }
  shipping: ParcelQuote
  total: Money
}

export interface CheckoutQuote {
  parcels: PricedParcel[]
  gateway: { id: string; method: string }
  total: Money
}

/**
 * Prices a checkout: one parcel per seller, each with the market's tax rule
 * on its lines and the chosen courier's rate for its weight. The same code
 * quotes and places orders, so the quote is what the order charges.
 */
export async function priceCheckout(
  market: MarketContext,
  input: { lines: CheckoutLineInput[]; courier?: string; paymentGateway?: string },
  /** Flash-sale prices by SKU public id: they replace the catalog price. */
  overrides: Map<string, { unitPrice: number; flashSaleId: number }> = new Map()
): Promise<CheckoutQuote> {
  if (input.lines.length === 0) throw fieldError('lines', 'required', 'lines: the cart is empty')
  if (input.lines.length > market.limits.maxCartLines) {
    throw fieldError('lines', 'array.maxLength', `lines: at most ${market.limits.maxCartLines} lines in ${market.code}`, { max: market.limits.maxCartLines })
  }
  const gatewayId = input.paymentGateway ?? market.config.payments.defaultGateway
  const gateway = market.config.payments.gateways.find((candidate) => candidate.id === gatewayId)
  if (!gateway) throw fieldError('paymentGateway', 'exists', `paymentGateway "${gatewayId}" is not available in ${market.code}`)
  const courier = courierOf(market, input.courier)
  const cashOnDelivery = gateway.method === 'cod'

  const skus = await sellableSkus(market, input.lines.map((line) => line.sku))
  for (const [skuId, override] of overrides) {
    const sku = skus.get(skuId)
    if (sku) skus.set(skuId, { ...sku, unitPrice: override.unitPrice, flashSaleId: override.flashSaleId })
  }
  input.lines.forEach((line, index) => {
    if (!skus.has(line.sku)) throw fieldError(`lines.${index}.sku`, 'exists', `lines.${index}.sku is not for sale on this storefront`)
  })

  const byShop = new Map<number, { sku: SellableSku; quantity: number }[]>()
  for (const line of input.lines) {
    const sku = skus.get(line.sku)!
    byShop.set(sku.shopId, [...(byShop.get(sku.shopId) ?? []), { sku, quantity: line.quantity }])
  }

  const parcels: PricedParcel[] = []
  for (const [shopId, lines] of byShop) {
    const tax = calculateTax(
      market,
      lines.map((line) => ({ key: line.sku.publicId, unitPrice: line.sku.unitPrice, quantity: line.quantity, taxCategory: line.sku.taxCategory }))
    )
    const taxedByKey = new Map(tax.lines.map((line) => [line.key, line]))
    const weightGrams = lines.reduce((sum, line) => sum + line.sku.weightGrams * line.quantity, 0)
    const shipping = quoteParcel(market, courier, { weightGrams, goodsValue: toMinorUnits(tax.gross), cashOnDelivery }, 'courier')
    parcels.push({
      shopId,
      shop: lines[0].sku.shop,
      lines: lines.map((line) => ({ ...line, taxed: taxedByKey.get(line.sku.publicId)! })),
      goods: { gross: tax.gross, net: tax.net, tax: tax.tax },
      shipping,
      total: add(tax.gross, shipping.fee),
    })
  }

  const total = parcels.reduce((sum, parcel) => add(sum, parcel.total), market.money(0))
  if (toMinorUnits(total) > market.limits.maxOrderValue) {
    throw fieldError('lines', 'maxOrderValue', `lines: the order exceeds the maximum order value of ${market.code}`)
  }
  const codCap = gateway.settings?.maxAmount
  if (codCap !== undefined && toMinorUnits(total) > codCap) {
    throw fieldError('paymentGateway', 'maxAmount', `paymentGateway: ${gateway.name} takes orders up to its maximum amount`)
  }
  return { parcels, gateway: { id: gateway.id, method: gateway.method }, total }
}
