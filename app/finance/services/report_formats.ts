import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import type { TaxReport } from '#finance/services/tax_report'
import { majorUnits } from '#money/money'

export type ReportFormat = 'json' | 'csv' | 'xlsx'

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Minor units as a decimal string of major units, from the digits (12345 at exponent 2 is "123.45"): no float. */
export { majorUnits } from '#money/money'

export interface Column {
  key: string
  title: string
  amount?: boolean
}

/** A report as a table any format can write: header lines, columns, rows, a totals row. */
export interface ReportTable {
  header: string[][]
  columns: Column[]
  rows: Record<string, unknown>[]
  totals: Record<string, unknown>
  currency: string
  exponent: number
  sheet: string
}

export const TAX_COLUMNS: Column[] = [
  { key: 'day', title: 'day' },
  { key: 'category', title: 'tax_category' },
  { key: 'rate', title: 'rate_percent' },
  { key: 'taxableBase', title: 'taxable_base' },
  { key: 'adjusts', title: 'adjustment_of_period' },
  { key: 'orders', title: 'orders' },
  { key: 'net', title: 'net', amount: true },
  { key: 'tax', title: 'tax', amount: true },
  { key: 'gross', title: 'gross', amount: true },
  { key: 'refundedNet', title: 'refunded_net', amount: true },
  { key: 'refundedTax', title: 'refunded_tax', amount: true },
  { key: 'refundedGross', title: 'refunded_gross', amount: true },
  { key: 'discountShop', title: 'discount_shop_funded', amount: true },
  { key: 'discountPlatform', title: 'discount_platform_funded', amount: true },
]

/** The tax report as a table. */
export function taxTable(report: TaxReport): ReportTable {
  const { header } = report
  return {
    header: [
      ['report', `${header.taxLabel} report of ${header.name} (${header.market})`],
      ['tax_registration_id', header.registrationId],
      ['period', `${header.from} to ${header.to} (${header.timezone})`],
      ['currency', `${header.currency} (minor unit exponent ${header.exponent}); amounts below in major units`],
      ['tax_point', header.taxPoint],
      ['closed_periods', header.periods.filter((period) => period.closed).map((period) => `${period.month} sha256:${period.hash}`).join('; ') || 'none'],
    ],
    columns: TAX_COLUMNS,
    rows: report.rows as unknown as Record<string, unknown>[],
    totals: report.totals as unknown as Record<string, unknown>,
    currency: header.currency,
    exponent: header.exponent,
    sheet: `${header.taxLabel} ${header.market}`,
  }
}

function cellOf(table: ReportTable, row: Record<string, unknown>, column: Column) {
  const value = row[column.key]
  if (value === null || value === undefined) return ''
  return column.amount ? majorUnits(value as number, table.exponent) : value
}

/**
 * A report as CSV, streamed: its header lines (market, registration,
 * period, currency...), the column titles, the rows and a totals row.
 * Amounts are decimal strings of major units, exact.
 */
export async function writeTableCsv(table: ReportTable, out: Writable) {
  const csv = stringify()
  csv.pipe(out)
  const write = (record: unknown[]) => new Promise<void>((resolve) => (csv.write(record) ? resolve() : csv.once('drain', () => resolve())))
  for (const line of table.header) await write(line)
  await write([])
  await write(table.columns.map((column) => column.title))
  for (const row of table.rows) await write(table.columns.map((column) => cellOf(table, row, column)))
  await write(table.columns.map((column, index) => (index === 0 ? 'TOTAL' : column.key in table.totals ? cellOf(table, table.totals, column) : '')))
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve)
    out.once('error', reject)
    csv.end()
  })
}

/** An Excel number format of the currency's decimals (`#,##0.00 "SGD"`). */
function currencyFormat(currency: string, exponent: number) {
  return `#,##0${exponent ? '.' + '0'.repeat(exponent) : ''} "${currency}"`
}

/**
 * A report as XLSX through exceljs's streaming writer: the header block,
 * the rows with amounts as numbers in major units formatted in the
 * market's currency, and a totals row.
 */
export async function writeTableXlsx(table: ReportTable, out: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31))
  for (const line of table.header) sheet.addRow(line).commit()
  sheet.addRow([]).commit()
  sheet.addRow(table.columns.map((column) => column.title)).commit()
  const format = currencyFormat(table.currency, table.exponent)
  const addRow = (values: Record<string, unknown>, first?: string) => {
    const row = sheet.addRow(
      table.columns.map((column, index) => {
        if (index === 0 && first) return first
        const value = values[column.key]
        if (value === null || value === undefined) return null
        // A number for the spreadsheet, read from the exact decimal string.
        return column.amount ? Number(majorUnits(value as number, table.exponent)) : value
      })
    )
    table.columns.forEach((column, index) => {
      if (column.amount) row.getCell(index + 1).numFmt = format
    })
    row.commit()
  }
  for (const row of table.rows) addRow(row)
  addRow(table.totals, 'TOTAL')
  sheet.commit()
  await workbook.commit()
}

export const writeCsv = (report: TaxReport, out: Writable) => writeTableCsv(taxTable(report), out)
export const writeXlsx = (report: TaxReport, out: Writable) => writeTableXlsx(taxTable(report), out)
