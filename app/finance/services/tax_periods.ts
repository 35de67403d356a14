import { DateTime } from 'luxon'
import { jsonColumn } from '#catalog/models/json_column'
import type { MarketContext } from '#markets/market_context'
import { fieldError } from '#exceptions/field_error'
import { PeriodClosedError, PeriodNotReadyError } from '#finance/errors'
import { TaxReportService, monthRange, reportHash, totalsOf, type StoredPeriod } from '#finance/services/tax_report'

const isDuplicate = (error: unknown) => (error as { code?: string })?.code === 'ER_DUP_ENTRY'

/**
 * Finance closes a month per market: its report rows are stored with their
 * hash and served from then on, so a closed period never changes. Refunds
 * that come later are entries of their own (open) day, labelled as
 * adjustments of the month of the sale. There is no reopening.
 */
export class TaxPeriods {
  #reports = new TaxReportService()

  async list(market: MarketContext) {
    const rows = await market.table('tax_periods').orderBy('month', 'desc').select('month', 'report_hash', 'closed_by', 'closed_at', 'report')
    return rows.map((row) => {
      const stored = jsonColumn.consume(row.report) as StoredPeriod
      return { month: row.month as string, hash: row.report_hash as string, closedBy: row.closed_by as string, closedAt: new Date(row.closed_at).toISOString(), totals: { ...totalsOf(stored.rows), orders: stored.orders } }
    })
  }

  async close(market: MarketContext, month: string, staffId: string) {
    const { from, to } = monthRange(month)
    const today = DateTime.now().setZone(market.timezone).toISODate()!
    if (to >= today) throw fieldError('month', 'periodOver', `month: ${month} is not over yet in ${market.timezone}`)
    if (await market.table('tax_periods').where('month', month).first()) throw new PeriodClosedError(month)
    // Orders placed in the month (local days) that still wait for payment: their tax point is unknown.
    const start = DateTime.fromISO(from, { zone: market.timezone }).toUTC().toJSDate()
    const end = DateTime.fromISO(to, { zone: market.timezone }).plus({ days: 1 }).toUTC().toJSDate()
    const [pending] = await market.table('orders').where('status', 'pending_payment').where('placed_at', '>=', start).where('placed_at', '<', end).count('* as n')
    if (Number(pending.n) > 0) throw new PeriodNotReadyError(month, Number(pending.n))
    const rows = await this.#reports.liveRows(market, from, to)
    const orders = await this.#reports.distinctOrders(market, from, to)
    const hash = reportHash(rows)
    try {
      await market.insert('tax_periods', { month, report: JSON.stringify({ rows, orders } satisfies StoredPeriod), report_hash: hash, closed_by: staffId, closed_at: new Date() })
    } catch (error) {
      if (isDuplicate(error)) throw new PeriodClosedError(month)
      throw error
    }
    return { month, hash, totals: { ...totalsOf(rows), orders }, rows: rows.length }
  }
}
