import { createHmac, timingSafeEqual } from 'node:crypto'
import { DateTime } from 'luxon'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import type { Writable } from 'node:stream'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import { stringify } from 'csv-stringify'
import type { MarketContext } from '#markets/market_context'
import { Outbox } from '#messaging/services/outbox'
import { NotFoundError } from '#exceptions/not_found_error'
import { ExportLinkError } from '#finance/errors'
import { TaxReportService } from '#finance/services/tax_report'
import { majorUnits, writeCsv, writeXlsx, type ReportFormat } from '#finance/services/report_formats'
import { isoDay } from '#tax/services/tax_journal'

/** A download link lives a day. */
export const LINK_HOURS = 24
const LINES_PAGE = 1000

export function exportsFolder() {
  const folder = env.get('EXPORTS_PATH') ?? 'tmp/exports'
  return isAbsolute(folder) ? folder : join(app.appRoot.pathname, folder)
}

/** Above this many journal rows a report is an export job on the worker, not an answer. */
export function syncMaxRows() {
  return Number(env.get('TAX_REPORT_SYNC_MAX_ROWS') ?? 200_000)
}

function signature(publicId: string, expires: number) {
  return createHmac('sha256', env.get('APP_KEY').release()).update(`finance-export:${publicId}:${expires}`).digest('base64url')
}

/** The link of a ready export: signed with the app key, valid until `expires` (epoch seconds). */
export function signedLink(publicId: string, expires: number) {
  return `/api/v1/finance/exports/${publicId}/download?expires=${expires}&signature=${signature(publicId, expires)}`
}

export function checkLink(publicId: string, expires: number, given: string) {
  const wanted = Buffer.from(signature(publicId, expires))
  const actual = Buffer.from(given)
  if (!Number.isSafeInteger(expires) || expires * 1000 < Date.now() || wanted.length !== actual.length || !timingSafeEqual(wanted, actual)) throw new ExportLinkError()
}

const LINE_COLUMNS = ['entry', 'kind', 'day', 'occurred_at', 'order_number', 'refund', 'tax_category', 'rate_percent', 'taxable_base', 'quantity', 'net', 'tax', 'gross', 'sale_day']

/**
 * Every taxed and refunded line of a range as CSV, read from the journal
 * by a keyset cursor (id order, a page at a time) and written as the
 * stream drains: constant memory for any size. `progress` hears the rows
 * written so far.
 */
export async function writeLinesCsv(market: MarketContext, from: string, to: string, out: Writable, progress?: (rows: number) => Promise<void>) {
  const csv = stringify()
  csv.pipe(out)
  // A promise only when the stream asks to wait: no garbage per line beyond the line itself.
  const write = async (record: unknown[]) => {
    if (!csv.write(record)) await once(csv, 'drain')
  }
  await write(LINE_COLUMNS)
  const exponent = market.currencyExponent
  // Day by day, and within a day by id: an equality on the (market_code, tax_day) index plus a range on the
  // id it carries, so every page is an index range (a range over the days with ORDER BY makes MariaDB scan).
  let rows = 0
  for (let day = DateTime.fromISO(from, { zone: 'utc' }); day.toISODate()! <= to; day = day.plus({ days: 1 })) {
    let after = 0
    for (;;) {
      const page: Record<string, any>[] = await market
        .table('tax_entries')
        .where('tax_day', day.toISODate()!)
        .where('id', '>', after)
        .orderBy('id')
        .limit(LINES_PAGE)
        // Dates as the text they are written as: no Date objects to build and throw away per line.
        .select(
          'id',
          'kind',
          market.db.raw("DATE_FORMAT(tax_day, '%Y-%m-%d') AS day"),
          market.db.raw("DATE_FORMAT(occurred_at, '%Y-%m-%dT%H:%i:%sZ') AS at"),
          'order_number',
          'refund_key',
          'tax_category',
          'tax_rate',
          'taxable_base_numerator',
          'taxable_base_denominator',
          'quantity',
          'net',
          'tax',
          'gross',
          market.db.raw("DATE_FORMAT(sale_day, '%Y-%m-%d') AS sold")
        )
      for (const row of page) {
        await write([
          row.id,
          row.kind,
          row.day,
          row.at,
          row.order_number,
          row.refund_key,
          row.tax_category,
          String(row.tax_rate),
          row.taxable_base_numerator ? `${row.taxable_base_numerator}/${row.taxable_base_denominator}` : '',
          row.quantity,
          majorUnits(Number(row.net), exponent),
          majorUnits(Number(row.tax), exponent),
          majorUnits(Number(row.gross), exponent),
          row.sold,
        ])
      }
      rows += page.length
      if (progress && page.length) await progress(rows)
      if (page.length < LINES_PAGE) break
      after = Number(page[page.length - 1].id)
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve)
    out.once('error', reject)
    csv.end()
  })
  return rows
}

export interface ExportInput {
  from: string
  to: string
  format: 'csv' | 'xlsx'
  detail?: 'summary' | 'lines'
}

/**
 * Large reports as jobs on the worker: requested here, rendered by the
 * `finance.exports` consumer into a file with its progress on the row,
 * downloaded through a signed link that expires after a day, by finance
 * staff of the market only (the route's access rule).
 */
export class FinanceExports {
  #reports = new TaxReportService()

  async request(market: MarketContext, staffId: string, input: ExportInput) {
    const detail = input.detail ?? 'summary'
    const estimated = await this.#reports.estimate(market, input.from, input.to)
    const publicId = market.publicId()
    await market.transaction(async (market) => {
      await market.insert('finance_exports', {
        public_id: publicId,
        kind: detail === 'lines' ? 'tax_lines' : 'tax_report',
        format: detail === 'lines' ? 'csv' : input.format,
        from_day: input.from,
        to_day: input.to,
        status: 'queued',
        rows_estimated: estimated,
        requested_by: staffId,
        created_at: new Date(),
      })
      await Outbox.record(market, { domain: 'finance', name: 'export_requested', data: { export: publicId } })
    })
    return this.find(market, publicId)
  }

  async find(market: MarketContext, publicId: string) {
    const row = await market.table('finance_exports').where('public_id', publicId).first()
    if (!row) throw new NotFoundError('export')
    return row
  }

  /** The worker's side: render the file, with progress, once (a redelivered message finds it done). */
  async run(market: MarketContext, publicId: string) {
    // Claimed once: a redelivered message (or a second worker) finds it running or done and leaves it.
    const claimed = await market.table('finance_exports').where('public_id', publicId).where('status', 'queued').update({ status: 'running' })
    if (Number(claimed) !== 1) return
    const job = await this.find(market, publicId)
    const folder = exportsFolder()
    await mkdir(folder, { recursive: true })
    const extension = job.format === 'xlsx' ? 'xlsx' : 'csv'
    const file = `${publicId}.${extension}`
    const partial = join(folder, `${file}.part`)
    try {
      const out = createWriteStream(partial)
      const from = isoDay(job.from_day)
      const to = isoDay(job.to_day)
      let rows: number
      if (job.kind === 'tax_lines') {
        rows = await writeLinesCsv(market, from, to, out, async (done) => {
          await market.table('finance_exports').where('id', job.id).update({ rows_done: done })
        })
      } else {
        const report = await this.#reports.report(market, from, to)
        if ((job.format as ReportFormat) === 'xlsx') {
          await writeXlsx(report, out)
          await new Promise<void>((resolve) => (out.writableFinished ? resolve() : out.once('finish', () => resolve())))
        } else await writeCsv(report, out)
        rows = report.rows.length
      }
      await rename(partial, join(folder, file))
      const { size } = await stat(join(folder, file))
      const finished = new Date()
      await market
        .table('finance_exports')
        .where('id', job.id)
        .update({ status: 'ready', rows_done: rows, file, bytes: size, finished_at: finished, expires_at: new Date(finished.getTime() + LINK_HOURS * 3_600_000) })
    } catch (error) {
      // Failed for good (the status says why; finance asks again): a redelivery would find it claimed anyway.
      await market.table('finance_exports').where('id', job.id).update({ status: 'failed', error: String((error as Error).message).slice(0, 500), finished_at: new Date() })
      await rm(partial, { force: true })
      logger.error({ err: error, export: publicId }, 'finance export failed')
    }
  }

  path(file: string) {
    return join(exportsFolder(), file)
  }
}
