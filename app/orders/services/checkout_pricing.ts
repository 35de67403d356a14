import { DateTime } from 'luxon'
import { add, subtract } from 'dinero.js'
import type { MarketContext } from '#markets/market_context'
import { sellableSkus, type SellableSku } from '#catalog/services/sku_lookup'
import { calculateTax, type TaxedLine } from '#tax/services/tax_calculator'
import { courierOf, quoteParcel, type ParcelQuote } from '#logistics/services/shipping_rates'
import { toMinorUnits, type Money } from '#money/money'
import { fieldError } from '#exceptions/field_error'
import { VoucherService } from '#promotions/services/voucher_service'
import { applyVouchers, shippingDiscounts, standingRefusal, type VoucherOutcome } from '#promotions/voucher_rules'

const vouchers = new VoucherService()

export interface CheckoutLineInput {
  sku: string
  quantity: number
}

export interface PricedParcel {
  shopId: number
  shop: { id: string; name: string }
  /** `discountShop` / `discountPlatform`: what each funder's voucher took off the line (before tax, on the price side the market quotes). */
  lines: { sku: SellableSku; quantity: number; taxed: TaxedLine; discountShop: number; discountPlatform: number }[]
  goods: { gross: Money; net: Money; tax: Money }
  shipping: ParcelQuote
  /** Voucher discounts of the parcel by funder (minor units). */
  discounts: { goodsShop: number; goodsPlatform: number; shippingShop: number; shippingPlatform: number }
  /** The vouchers that gave this parcel something, with what. */
  vouchers: { code: string; scope: 'platform' | 'shop'; amount: number }[]
  total: Money
}

export interface CheckoutQuote {
  parcels: PricedParcel[]
  gateway: { id: string; method: string }
  /** Each code asked for: what it took off in all, or why it does not apply. */
  vouchers: VoucherOutcome[]
  total: Money
}

/**
 * Prices a checkout: one parcel per seller, each with the market's tax rule
 * on its lines and the chosen courier's rate for its weight. The same code
 * quotes and places orders, so the quote is what the order charges.
 */
export async function priceCheckout(
  market: MarketContext,
  input: { lines: CheckoutLineInput[]; courier?: string; paymentGateway?: string; vouchers?: string[] },
  /** Flash-sale prices by SKU public id: they replace the catalog price. */
  overrides: Map<string, { unitPrice: number; flashSaleId: number }> = new Map(),
  /** The buyer, for vouchers' per-buyer limits. */
  buyerId: number | null = null,
  /** The instant priced: its local day picks the tax rates in force. */
  at: DateTime = DateTime.utc()
): Promise<CheckoutQuote> {
  if (input.lines.length === 0) throw fieldError('lines', 'required', 'lines: the cart is empty')
  if (input.lines.length > market.limits.maxCartLines) {
    throw fieldError('lines', 'array.maxLength', `lines: at most ${market.limits.maxCartLines} lines in ${market.code}`, { max: market.limits.maxCartLines })
  }
  const gatewayId = input.paymentGateway ?? market.config.payments.defaultGateway
  const gateway = market.config.payments.gateways.find((candidate) => candidate.id === gatewayId)
  // A gateway or courier ops switched off is not offered to new checkouts (orders placed before keep theirs).
  if (!gateway || gateway.enabled === false) throw fieldError('paymentGateway', 'exists', `paymentGateway "${gatewayId}" is not available in ${market.code}`)
  const courier = courierOf(market, input.courier)
  if (courier.enabled === false) throw fieldError('courier', 'exists', `courier "${courier.id}" is not available in ${market.code}`)
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

  // Vouchers come off the lines' prices first; tax follows on what is left.
  const codes = input.vouchers ?? []
  if (codes.length && market.config.features?.vouchers === false) throw fieldError('vouchers', 'featureOff', `vouchers: voucher codes are switched off in ${market.code}`)
  const voucherParcels = [...byShop].map(([shopId, lines]) => ({
    shopId,
    lines: lines.map((line) => ({ key: line.sku.publicId, amount: line.sku.unitPrice * line.quantity, categoryId: line.sku.categoryId })),
  }))
  const { found, uses } = await vouchers.forCheckout(market, codes, buyerId)
  const now = at.toJSDate()
  const outcomes = applyVouchers(market, voucherParcels, codes, found, (voucher) => standingRefusal(voucher, now, uses.get(voucher.id) ?? 0))
  const discountOf = (key: string, scope: 'platform' | 'shop') =>
    outcomes.reduce((sum, outcome) => sum + (outcome.applied?.voucher.scope === scope ? (outcome.applied.lines.get(key) ?? 0) : 0), 0)

  const drafts = [...byShop].map(([shopId, lines]) => {
    const tax = calculateTax(
      market,
      lines.map((line) => ({
        key: line.sku.publicId,
        unitPrice: line.sku.unitPrice,
        quantity: line.quantity,
        taxCategory: line.sku.taxCategory,
        discount: discountOf(line.sku.publicId, 'shop') + discountOf(line.sku.publicId, 'platform'),
      })),
      at
    )
    const weightGrams = lines.reduce((sum, line) => sum + line.sku.weightGrams * line.quantity, 0)
    const shipping = quoteParcel(market, courier, { weightGrams, goodsValue: toMinorUnits(tax.gross), cashOnDelivery }, 'courier')
    return { shopId, lines, tax, shipping }
  })
  // Free-shipping vouchers, on the fees now known (COD surcharges are not shipping).
  shippingDiscounts(
    market,
    outcomes,
    voucherParcels,
    new Map(drafts.map((draft) => [draft.shopId, toMinorUnits(draft.shipping.fee) - toMinorUnits(draft.shipping.codSurcharge)])),
    new Map(drafts.map((draft) => [draft.shopId, toMinorUnits(draft.tax.gross)]))
  )

  const parcels: PricedParcel[] = drafts.map(({ shopId, lines, tax, shipping }) => {
    const taxedByKey = new Map(tax.lines.map((line) => [line.key, line]))
    const shippingOf = (scope: 'platform' | 'shop') =>
      outcomes.reduce((sum, outcome) => sum + (outcome.applied?.voucher.scope === scope ? (outcome.applied.shipping.get(shopId) ?? 0) : 0), 0)
    const pricedLines = lines.map((line) => ({
      ...line,
      taxed: taxedByKey.get(line.sku.publicId)!,
      discountShop: discountOf(line.sku.publicId, 'shop'),
      discountPlatform: discountOf(line.sku.publicId, 'platform'),
    }))
    const discounts = {
      goodsShop: pricedLines.reduce((sum, line) => sum + line.discountShop, 0),
      goodsPlatform: pricedLines.reduce((sum, line) => sum + line.discountPlatform, 0),
      shippingShop: shippingOf('shop'),
      shippingPlatform: shippingOf('platform'),
    }
    const parcelVouchers = outcomes
      .filter((outcome) => outcome.applied)
      .map((outcome) => ({
        code: outcome.code,
        scope: outcome.applied!.voucher.scope,
        amount: lines.reduce((sum, line) => sum + (outcome.applied!.lines.get(line.sku.publicId) ?? 0), 0) + (outcome.applied!.shipping.get(shopId) ?? 0),
      }))
      .filter((entry) => entry.amount > 0)
    return {
      shopId,
      shop: lines[0].sku.shop,
      lines: pricedLines,
      goods: { gross: tax.gross, net: tax.net, tax: tax.tax },
      shipping,
      discounts,
      vouchers: parcelVouchers,
      total: subtract(add(tax.gross, shipping.fee), market.money(discounts.shippingShop + discounts.shippingPlatform)),
    }
  })

  const total = parcels.reduce((sum, parcel) => add(sum, parcel.total), market.money(0))
  if (toMinorUnits(total) > market.limits.maxOrderValue) {
    throw fieldError('lines', 'maxOrderValue', `lines: the order exceeds the maximum order value of ${market.code}`)
  }
  const codCap = gateway.settings?.maxAmount
  if (codCap !== undefined && toMinorUnits(total) > codCap) {
    throw fieldError('paymentGateway', 'maxAmount', `paymentGateway: ${gateway.name} takes orders up to its maximum amount`)
  }
  return { parcels, gateway: { id: gateway.id, method: gateway.method }, vouchers: outcomes, total }
}
