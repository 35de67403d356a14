import { DateTime } from 'luxon'
import type { MarketContext } from '#markets/market_context'
import { divideRounded, percentOf, percentUnits } from '#money/money'
import { rateOn } from '#tax/services/tax_calculator'
import { Accounts } from '#escrow/ledger_accounts'
import type { ReportTable } from '#finance/services/report_formats'

export interface SellerMonthRow {
  month: string
  shop: string
  shopName: string
  orders: number
  sales: number
  refunds: number
  turnover: number
  /** Turnover from the withholding's first day on: what it is computed on. */
  withholdingBase: number
  withheld: number
}

export interface PlatformMonthRow {
  month: string
  commission: number
  fees: number
  income: number
  taxRate: string | null
  outputTax: number
}

const sum = <T>(rows: T[], field: keyof T) => rows.reduce((total, row) => total + (row[field] as unknown as number), 0)

/** The local month (`2026-11`) of an instant in the market. */
const monthOf = (market: MarketContext, at: Date) => DateTime.fromJSDate(at).setZone(market.timezone).toFormat('yyyy-MM')

/**
 * The two reports beside the tax report (DESIGN.md §10): per seller and
 * month, the seller's turnover (gross sales less refunds, from the tax
 * journal) and, where the market declares a marketplace withholding (ID:
 * PPh 22 of 0.5 % from 2025-07-14), the amount withheld, rounded once per
 * seller and month; and per month the platform's own income (commission
 * and fees, from the ledger) with the output tax it contains where the
 * market taxes it (`tax.platformServicesCategory`).
 */
export class SellerReports {
  async sellers(market: MarketContext, from: string, to: string): Promise<SellerMonthRow[]> {
    const withholding = market.config.tax.withholding
    const since = withholding?.effectiveFrom ?? '9999-12-31'
    const rows = await market
      .table('tax_entries as e')
      .join('shops as s', 's.id', 'e.shop_id')
      .whereBetween('e.tax_day', [from, to])
      .groupByRaw("DATE_FORMAT(e.tax_day, '%Y-%m'), e.shop_id")
      .orderByRaw("DATE_FORMAT(e.tax_day, '%Y-%m'), s.public_id")
      .select(
        market.db.raw("DATE_FORMAT(e.tax_day, '%Y-%m') AS month"),
        market.db.raw('MIN(s.public_id) AS shop'),
        market.db.raw('MIN(s.name) AS shop_name'),
        market.db.raw("COUNT(DISTINCT CASE WHEN e.kind = 'sale' THEN e.order_id END) AS orders"),
        market.db.raw("SUM(CASE WHEN e.kind = 'sale' THEN e.gross ELSE 0 END) AS sales"),
        market.db.raw("SUM(CASE WHEN e.kind = 'refund' THEN e.gross ELSE 0 END) AS refunds"),
        market.db.raw("SUM(CASE WHEN e.tax_day >= ? THEN (CASE WHEN e.kind = 'sale' THEN e.gross ELSE -e.gross END) ELSE 0 END) AS base", [since])
      )
    return rows.map((row) => {
      const base = Number(row.base)
      return {
        month: row.month,
        shop: row.shop,
        shopName: row.shop_name,
        orders: Number(row.orders),
        sales: Number(row.sales),
        refunds: Number(row.refunds),
        turnover: Number(row.sales) - Number(row.refunds),
        withholdingBase: withholding ? base : 0,
        withheld: withholding && base > 0 ? percentOf(base, withholding.rate, market.tax.rounding) : 0,
      }
    })
  }

  async platform(market: MarketContext, from: string, to: string): Promise<PlatformMonthRow[]> {
    const start = DateTime.fromISO(from, { zone: market.timezone }).toUTC().toJSDate()
    const end = DateTime.fromISO(to, { zone: market.timezone }).plus({ days: 1 }).toUTC().toJSDate()
    const codes = [Accounts.platformCommission().code, Accounts.platformFees().code]
    const legs = await market
      .table('ledger_legs as l')
      .join('ledger_transfers as t', 't.id', 'l.transfer_id')
      .join('ledger_accounts as a', 'a.id', 'l.account_id')
      .whereIn('a.code', codes)
      .where('t.occurred_at', '>=', start)
      .where('t.occurred_at', '<', end)
      .select('a.code', 't.occurred_at', 'l.amount')
    // Income accounts are credited (negative legs); a commission given back on a refund is a debit.
    const months = new Map<string, { commission: number; fees: number }>()
    for (const leg of legs) {
      const month = monthOf(market, new Date(leg.occurred_at))
      const entry = months.get(month) ?? { commission: 0, fees: 0 }
      if (leg.code === codes[0]) entry.commission -= Number(leg.amount)
      else entry.fees -= Number(leg.amount)
      months.set(month, entry)
    }
    const category = market.config.tax.platformServicesCategory
    return [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, { commission, fees }]) => {
        const income = commission + fees
        if (!category) return { month, commission, fees, income, taxRate: null, outputTax: 0 }
        // The rate in force at the month's end; income is taken as including its tax (the platform deducts one amount).
        const last = DateTime.fromISO(`${month}-01`, { zone: market.timezone }).endOf('month').toISODate()!
        const rate = rateOn(market, category, last)
        const units = percentUnits(rate.rate, 4) * BigInt(rate.taxableBase?.numerator ?? 1)
        const denominator = BigInt(rate.taxableBase?.denominator ?? 1)
        const outputTax = Number(divideRounded(BigInt(income) * units, 1_000_000n * denominator + units, market.tax.rounding))
        return { month, commission, fees, income, taxRate: rate.taxableBase ? `${rate.rate} on ${rate.taxableBase.numerator}/${rate.taxableBase.denominator}` : String(rate.rate), outputTax }
      })
  }

  sellersTable(market: MarketContext, from: string, to: string, rows: SellerMonthRow[]): ReportTable {
    const withholding = market.config.tax.withholding
    return {
      header: [
        ['report', `Seller turnover of ${market.config.name} (${market.code})`],
        ['period', `${from} to ${to} (${market.timezone})`],
        ['currency', `${market.currency} (minor unit exponent ${market.currencyExponent}); amounts below in major units`],
        ['withholding', withholding ? `${withholding.label}: ${withholding.rate} % of turnover from ${withholding.effectiveFrom}, rounded per seller and month` : 'none in this market'],
      ],
      columns: [
        { key: 'month', title: 'month' },
        { key: 'shop', title: 'shop' },
        { key: 'shopName', title: 'shop_name' },
        { key: 'orders', title: 'orders' },
        { key: 'sales', title: 'sales', amount: true },
        { key: 'refunds', title: 'refunds', amount: true },
        { key: 'turnover', title: 'turnover', amount: true },
        { key: 'withholdingBase', title: 'withholding_base', amount: true },
        { key: 'withheld', title: 'withheld', amount: true },
      ],
      rows: rows as unknown as Record<string, unknown>[],
      totals: { orders: sum(rows, 'orders'), sales: sum(rows, 'sales'), refunds: sum(rows, 'refunds'), turnover: sum(rows, 'turnover'), withholdingBase: sum(rows, 'withholdingBase'), withheld: sum(rows, 'withheld') },
      currency: market.currency,
      exponent: market.currencyExponent,
      sheet: `Sellers ${market.code}`,
    }
  }

  platformTable(market: MarketContext, from: string, to: string, rows: PlatformMonthRow[]): ReportTable {
    return {
      header: [
        ['report', `Platform income of ${market.config.name} (${market.code})`],
        ['period', `${from} to ${to} (${market.timezone})`],
        ['currency', `${market.currency} (minor unit exponent ${market.currencyExponent}); amounts below in major units`],
        ['output_tax', market.config.tax.platformServicesCategory ? `${market.config.tax.label} contained in commission and fees, at the "${market.config.tax.platformServicesCategory}" rate in force at each month's end` : 'not reported in this market'],
      ],
      columns: [
        { key: 'month', title: 'month' },
        { key: 'commission', title: 'commission', amount: true },
        { key: 'fees', title: 'fees', amount: true },
        { key: 'income', title: 'income', amount: true },
        { key: 'taxRate', title: 'tax_rate' },
        { key: 'outputTax', title: 'output_tax', amount: true },
      ],
      rows: rows as unknown as Record<string, unknown>[],
      totals: { commission: sum(rows, 'commission'), fees: sum(rows, 'fees'), income: sum(rows, 'income'), outputTax: sum(rows, 'outputTax') },
      currency: market.currency,
      exponent: market.currencyExponent,
      sheet: `Platform ${market.code}`,
    }
  }
}
