import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'

/** A line a refund gives back, in minor units (what the refund's snapshot holds). */
export interface RefundedLine {
  orderLineId: number
  quantity: number
  net: number
  tax: number
  gross: number
}

const KEYS = ['order_line_id', 'kind', 'refund_key']

/** A DATE column as `YYYY-MM-DD` (read as UTC midnight: the connection is in UTC). */
export function isoDay(value: Date | string) {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10)
}

/**
 * The tax journal (DESIGN.md §10): what tax reports read, and nothing else.
 * An order's lines enter it once, at the tax point: the capture for a
 * prepaid order, the delivery for cash on delivery (no money changes hands
 * before). A refund enters the lines it gives back, once per refund, on the
 * day it is made. Amounts are copied from the order's and the refund's
 * snapshots; the day is the market's local day of the event. Called inside
 * the transaction of the event, so the journal and the event agree.
 */
export class TaxJournal {
  /** The local day of an instant in the market (what report rows group by). */
  static dayOf(market: MarketContext, at: Date) {
    return DateTime.fromJSDate(at).setZone(market.timezone).toISODate()!
  }

  /** An order reaches its tax point at `at` (once: a second call changes nothing). */
  async sale(market: MarketContext, orderId: number, at: Date) {
    const order = await market.table('orders').where('id', orderId).forUpdate().select('id', 'number', 'shop_id', 'tax_day').first()
    if (!order || order.tax_day) return
    const saleDay = TaxJournal.dayOf(market, at)
    // A tax point reported late (a courier's delivery event after finance closed its month) cannot
    // change the closed month: it enters today, labelled as an adjustment of the month it belongs to.
    const closed = await market.table('tax_periods').where('month', saleDay.slice(0, 7)).select('id').first()
    const day = closed ? TaxJournal.dayOf(market, new Date()) : saleDay
    await market.table('orders').where('id', orderId).update({ tax_point_at: at, tax_day: day })
    const lines = await market.table('order_lines').where('order_id', orderId).orderBy('id')
    await market.upsert(
      'tax_entries',
      lines.map((line) => ({
        kind: 'sale',
        tax_day: day,
        sale_day: saleDay,
        occurred_at: at,
        order_id: order.id,
        order_number: order.number,
        shop_id: order.shop_id,
        order_line_id: line.id,
        refund_key: '',
        tax_category: line.tax_category,
        tax_rate: line.tax_rate,
        taxable_base_numerator: line.taxable_base_numerator,
        taxable_base_denominator: line.taxable_base_denominator,
        quantity: line.quantity,
        net: line.net,
        tax: line.tax,
        gross: line.gross,
        discount_shop: line.discount_shop ?? 0,
        discount_platform: line.discount_platform ?? 0,
      })),
      KEYS,
      []
    )
  }

  /** A refund of some lines (a return's): their refunded net, tax and gross, at the lines' own rates. */
  async refund(market: MarketContext, orderId: number, refundKey: string, at: Date, refunded: RefundedLine[]) {
    const order = await market.table('orders').where('id', orderId).select('id', 'number', 'shop_id', 'tax_day').first()
    // An order that never reached its tax point was never in the journal (an unpaid or undelivered COD order).
    if (!order?.tax_day || refunded.length === 0) return
    const lines = new Map((await market.table('order_lines').where('order_id', orderId)).map((line) => [Number(line.id), line]))
    const day = TaxJournal.dayOf(market, at)
    await market.upsert(
      'tax_entries',
      refunded
        .filter((entry) => entry.net !== 0 || entry.tax !== 0 || entry.gross !== 0)
        .map((entry) => {
          const line = lines.get(entry.orderLineId)!
          return {
            kind: 'refund',
            tax_day: day,
            sale_day: isoDay(order.tax_day),
            occurred_at: at,
            order_id: order.id,
            order_number: order.number,
            shop_id: order.shop_id,
            order_line_id: entry.orderLineId,
            refund_key: refundKey,
            tax_category: line.tax_category,
            tax_rate: line.tax_rate,
            taxable_base_numerator: line.taxable_base_numerator,
            taxable_base_denominator: line.taxable_base_denominator,
            quantity: entry.quantity,
            net: entry.net,
            tax: entry.tax,
            gross: entry.gross,
          }
        }),
      KEYS,
      []
    )
  }

  /** A refund of the whole order (cancelled after payment, returned to its seller): every line in full. */
  async refundAll(market: MarketContext, orderId: number, refundKey: string, at: Date) {
    const lines = await market.table('order_lines').where('order_id', orderId)
    await this.refund(
      market,
      orderId,
      refundKey,
      at,
      lines.map((line) => ({ orderLineId: Number(line.id), quantity: Number(line.quantity), net: Number(line.net), tax: Number(line.tax), gross: Number(line.gross) }))
    )
  }
}
