import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import { calculateTax } from '#tax/services/tax_calculator'
import { TaxJournal } from '#tax/services/tax_journal'
import { allocateMinor, priceStep, toMinorUnits } from '#money/money'
import { accountFactory } from '#tests/support/identity'
import { seededRandom } from '#database/seeders/demo_catalog'

export interface GeneratedRefund {
  orderId: number
  orderLineId: number
  at: Date
  net: number
  tax: number
  gross: number
}

/**
 * A month of taxed orders of one market, written as order placement writes
 * them (the real tax calculator on each order's instant, vouchers' discounts
 * on the lines) and entered in the tax journal at their tax point. Some land
 * a few seconds either side of local midnight; every `refundEvery`-th order
 * gets a partial refund of one line some days later (allocated over net and
 * tax as a return's refund is). What the report must reconcile to.
 */
export async function generateTaxMonth(
  market: MarketContext,
  options: { from: string; days: number; orders: number; seed: number; refundEvery?: number; categories?: string[] }
) {
  const random = seededRandom(options.seed)
  const seller = await accountFactory(market.code, 'seller')
  const buyer = await accountFactory(market.code, 'buyer')
  const shop = await market.table('shops').where('user_id', seller.account.id).firstOrFail()
  const journal = new TaxJournal()
  const step = priceStep(market.currency, market.priceDecimals)
  const categories = options.categories ?? Object.keys(market.tax.categories)
  const refunds: GeneratedRefund[] = []
  const start = DateTime.fromISO(options.from, { zone: market.timezone })
  for (let i = 0; i < options.orders; i++) {
    const day = start.plus({ days: i % options.days })
    // Every seventh order a few seconds before local midnight, every eleventh just after it.
    const at = (i % 7 === 3 ? day.endOf('day').minus({ seconds: 20 }) : i % 11 === 5 ? day.startOf('day').plus({ seconds: 15 }) : day.plus({ minutes: Math.floor(random() * 1440) })).toUTC()
    const lineCount = 1 + Math.floor(random() * 3)
    const inputs = Array.from({ length: lineCount }, (_, index) => {
      const unitPrice = step * (1 + Math.floor(random() * 5000))
      const quantity = 1 + Math.floor(random() * 3)
      const amount = unitPrice * quantity
      // A voucher on some lines, in whole price steps, funded by the shop or the platform.
      const discount = random() < 0.3 ? step * Math.floor((amount / step) * 0.1) : 0
      return { key: `L${index}`, unitPrice, quantity, taxCategory: categories[Math.floor(random() * categories.length)], discount, funder: random() < 0.5 ? 'shop' : 'platform' }
    })
    const taxed = calculateTax(market, inputs, at)
    const number = `${market.code}T${randomBytes(6).toString('hex').toUpperCase()}`
    const gross = toMinorUnits(taxed.gross)
    const orderId = await market.insert('orders', {
      number,
      checkout_id: `${market.code}-CHK${randomBytes(4).toString('hex')}`,
      buyer_id: buyer.account.id,
      shop_id: shop.id,
      status: 'paid',
      currency: market.currency,
      goods_gross: gross,
      goods_net: toMinorUnits(taxed.net),
      goods_tax: toMinorUnits(taxed.tax),
      shipping_fee: 0,
      cod_surcharge: 0,
      total: gross,
      courier_id: market.config.couriers.defaultCourier,
      payment_gateway: market.config.payments.defaultGateway,
      config_revision: market.revision,
      payment_due_at: at.toJSDate(),
      placed_at: at.minus({ minutes: 5 }).toJSDate(),
      updated_at: at.toJSDate(),
    })
    const lineIds: number[] = []
    for (const [index, line] of taxed.lines.entries()) {
      const input = inputs[index]
      lineIds.push(
        await market.insert('order_lines', {
          order_id: orderId,
          sku_id: 0,
          sku_public_id: `${market.code}-SKU${index}`,
          product_public_id: `${market.code}-PRD${index}`,
          title: `Generated line ${index}`,
          options: '{}',
          quantity: input.quantity,
          unit_price: input.unitPrice,
          tax_category: line.rate.category,
          tax_rate: line.rate.rate,
          tax_effective_from: line.rate.effectiveFrom,
          taxable_base_numerator: line.rate.taxableBase?.numerator ?? null,
          taxable_base_denominator: line.rate.taxableBase?.denominator ?? null,
          gross: toMinorUnits(line.gross),
          net: toMinorUnits(line.net),
          tax: toMinorUnits(line.tax),
          weight_grams: 100,
          discount_shop: input.funder === 'shop' ? input.discount : 0,
          discount_platform: input.funder === 'platform' ? input.discount : 0,
        })
      )
    }
    await journal.sale(market, orderId, at.toJSDate())
    if (options.refundEvery && i % options.refundEvery === 0) {
      const index = Math.floor(random() * taxed.lines.length)
      const line = taxed.lines[index]
      const lineGross = toMinorUnits(line.gross)
      // Part of the line back (a partial refund decided by support), net and tax in the line's proportion.
      const amount = Math.max(step, step * Math.floor((lineGross / step) * (0.2 + random() * 0.5)))
      const [net, tax] = allocateMinor(Math.min(amount, lineGross), market.currency, [toMinorUnits(line.net), toMinorUnits(line.tax)])
      const refundAt = at.plus({ days: 1 + Math.floor(random() * 10) }).toJSDate()
      await journal.refund(market, orderId, `return:GEN${i}`, refundAt, [{ orderLineId: lineIds[index], quantity: 1, net, tax, gross: Math.min(amount, lineGross) }])
      refunds.push({ orderId, orderLineId: lineIds[index], at: refundAt, net, tax, gross: Math.min(amount, lineGross) })
    }
  }
  return { refunds, shopId: Number(shop.id) }
}

/** A market's tax journal and closed months emptied, its orders back to no tax point: a report starts from nothing. */
export async function clearJournal(market: MarketContext) {
  await market.table('tax_entries').delete()
  await market.table('tax_periods').delete()
  await market.table('orders').whereNotNull('tax_day').update({ tax_day: null, tax_point_at: null })
}
