import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import { isoDay } from '#tax/services/tax_journal'
import { jsonColumn } from '#catalog/models/json_column'

/** One row of the tax report: a local day × tax category × rate (× taxable base), minor units. */
export interface TaxReportRow {
  day: string
  category: string
  rate: string
  /** The share of the price taxed where the law has one (ID: 11/12), else null. */
  taxableBase: string | null
  /** A refund of a sale of another month: labelled with the month of the sale (an adjustment of it). */
  adjusts: string | null
  orders: number
  net: number
  tax: number
  gross: number
  refundedNet: number
  refundedTax: number
  refundedGross: number
  discountShop: number
  discountPlatform: number
}

export type TaxReportTotals = Omit<TaxReportRow, 'day' | 'category' | 'rate' | 'taxableBase' | 'adjusts'>

export interface TaxReport {
  header: {
    market: string
    name: string
    taxLabel: string
    registrationId: string
    currency: string
    exponent: number
    timezone: string
    from: string
    to: string
    taxPoint: string
    amounts: string
    periods: { month: string; closed: boolean; hash: string | null }[]
  }
  rows: TaxReportRow[]
  totals: TaxReportTotals
}

/** What a closed month keeps: its rows (the report is served from them) and its orders counted once. */
export interface StoredPeriod {
  rows: TaxReportRow[]
  orders: number
}

export const TAX_POINT =
  'Tax point: the capture of the payment for prepaid orders, the delivery (cash collected) for cash on delivery; refunds on the day they are decided. Days are local days of the market timezone.'

const AMOUNT_FIELDS = ['orders', 'net', 'tax', 'gross', 'refundedNet', 'refundedTax', 'refundedGross', 'discountShop', 'discountPlatform'] as const

/** A decimal column (`9.0000`) as the rate a person reads (`9`). */
function rateText(value: unknown) {
  const text = String(value)
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text
}

export function emptyTotals(): TaxReportTotals {
  return { orders: 0, net: 0, tax: 0, gross: 0, refundedNet: 0, refundedTax: 0, refundedGross: 0, discountShop: 0, discountPlatform: 0 }
}

export function totalsOf(rows: TaxReportRow[]): TaxReportTotals {
  const totals = emptyTotals()
  for (const row of rows) for (const field of AMOUNT_FIELDS) totals[field] += row[field]
  return totals
}

/** The months a range of days touches (`2026-11`, `2026-12`). */
export function monthsOf(from: string, to: string) {
  const months: string[] = []
  let cursor = DateTime.fromISO(from, { zone: 'utc' }).startOf('month')
  const end = DateTime.fromISO(to, { zone: 'utc' })
  while (cursor <= end) {
    months.push(cursor.toFormat('yyyy-MM'))
    cursor = cursor.plus({ months: 1 })
  }
  return months
}

export function monthRange(month: string) {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'utc' })
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! }
}

export function reportHash(rows: TaxReportRow[]) {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex')
}

/**
 * The tax report of a market (DESIGN.md §10), from the tax journal alone:
 * per local day × category × rate × taxable base, the orders taxed, their
 * net, tax and gross, what refunds gave back, and the discounts by funder.
 * Totals are the sums of the rows, and the rows the sums of the journal's
 * lines, which are copies of the orders' and refunds' snapshots: they
 * reconcile to the minor unit. A closed month is served from the rows
 * stored when it was closed.
 */
export class TaxReportService {
  /** Rows computed from the journal for `from`..`to` (local days, inclusive). */
  async liveRows(market: MarketContext, from: string, to: string): Promise<TaxReportRow[]> {
    const rows = await market
      .table('tax_entries')
      .whereBetween('tax_day', [from, to])
      .groupBy('tax_day', 'tax_category', 'tax_rate', 'taxable_base_numerator', 'taxable_base_denominator', 'adjusts')
      .orderBy([{ column: 'tax_day' }, { column: 'adjusts' }, { column: 'tax_category' }, { column: 'tax_rate' }])
      .select(
        'tax_day',
        'tax_category',
        'tax_rate',
        'taxable_base_numerator',
        'taxable_base_denominator',
        market.db.raw(
          "CASE WHEN DATE_FORMAT(sale_day, '%Y-%m') <> DATE_FORMAT(tax_day, '%Y-%m') THEN DATE_FORMAT(sale_day, '%Y-%m') ELSE NULL END AS adjusts"
        ),
        market.db.raw("COUNT(DISTINCT CASE WHEN kind = 'sale' THEN order_id END) AS orders"),
        market.db.raw("SUM(CASE WHEN kind = 'sale' THEN net ELSE 0 END) AS net"),
        market.db.raw("SUM(CASE WHEN kind = 'sale' THEN tax ELSE 0 END) AS tax"),
        market.db.raw("SUM(CASE WHEN kind = 'sale' THEN gross ELSE 0 END) AS gross"),
        market.db.raw("SUM(CASE WHEN kind = 'refund' THEN net ELSE 0 END) AS refunded_net"),
        market.db.raw("SUM(CASE WHEN kind = 'refund' THEN tax ELSE 0 END) AS refunded_tax"),
        market.db.raw("SUM(CASE WHEN kind = 'refund' THEN gross ELSE 0 END) AS refunded_gross"),
        market.db.raw("SUM(CASE WHEN kind = 'sale' THEN discount_shop ELSE 0 END) AS discount_shop"),
        market.db.raw("SUM(CASE WHEN kind = 'sale' THEN discount_platform ELSE 0 END) AS discount_platform")
      )
    return rows.map((row) => ({
      day: isoDay(row.tax_day),
      category: row.tax_category,
      rate: rateText(row.tax_rate),
      taxableBase: row.taxable_base_numerator ? `${row.taxable_base_numerator}/${row.taxable_base_denominator}` : null,
      adjusts: row.adjusts ?? null,
      orders: Number(row.orders),
      net: Number(row.net),
      tax: Number(row.tax),
      gross: Number(row.gross),
      refundedNet: Number(row.refunded_net),
      refundedTax: Number(row.refunded_tax),
      refundedGross: Number(row.refunded_gross),
      discountShop: Number(row.discount_shop),
      discountPlatform: Number(row.discount_platform),
    }))
  }

  /** Closed months of the market among `months`, with their stored rows and hash. */
  async closedPeriods(market: MarketContext, months: string[]) {
    const rows = await market.table('tax_periods').whereIn('month', months).select('month', 'report', 'report_hash')
    return new Map(
      rows.map((row) => {
        const stored = jsonColumn.consume(row.report) as StoredPeriod
        return [row.month as string, { rows: stored.rows, orders: stored.orders, hash: row.report_hash as string }]
      })
    )
  }

  async report(market: MarketContext, from: string, to: string): Promise<TaxReport> {
    const months = monthsOf(from, to)
    const closed = await this.closedPeriods(market, months)
    const rows: TaxReportRow[] = []
    // Open stretches are read live; closed months come from what was stored at the close.
    let openFrom: string | null = null
    const flush = async (until: string) => {
      if (openFrom) rows.push(...(await this.liveRows(market, openFrom, until)))
      openFrom = null
    }
    for (const month of months) {
      const range = monthRange(month)
      const start = range.from < from ? from : range.from
      const end = range.to > to ? to : range.to
      const stored = closed.get(month)
      if (stored) {
        await flush(DateTime.fromISO(start).minus({ days: 1 }).toISODate()!)
        rows.push(...stored.rows.filter((row) => row.day >= start && row.day <= end))
      } else if (!openFrom) openFrom = start
    }
    await flush(to)
    // Orders are counted once over the range (an order of two categories is on two rows). Sales enter the
    // journal on an open day (a late one of a closed month enters today), so the count of a closed month holds.
    const distinct = await this.distinctOrders(market, from, to)
    const config = market.config
    return {
      header: {
        market: market.code,
        name: config.name,
        taxLabel: config.tax.label,
        registrationId: config.tax.registrationId,
        currency: market.currency,
        exponent: market.currencyExponent,
        timezone: market.timezone,
        from,
        to,
        taxPoint: TAX_POINT,
        amounts: `integer minor units of ${market.currency} (exponent ${market.currencyExponent})`,
        periods: months.map((month) => ({ month, closed: closed.has(month), hash: closed.get(month)?.hash ?? null })),
      },
      rows,
      totals: { ...totalsOf(rows), orders: distinct },
    }
  }

  /** Orders taxed in a range, each once. */
  async distinctOrders(market: MarketContext, from: string, to: string) {
    const [row] = await market.table('tax_entries').where('kind', 'sale').whereBetween('tax_day', [from, to]).countDistinct('order_id as n')
    return Number(row.n)
  }

  /** Rows a range is estimated to read (an index range count): what sends a period to an export job. */
  async estimate(market: MarketContext, from: string, to: string) {
    const [row] = await market.table('tax_entries').whereBetween('tax_day', [from, to]).count('* as n')
    return Number(row.n)
  }
}
