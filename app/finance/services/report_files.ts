import { createReadStream } from 'node:fs'
import { PassThrough, pipeline, type Writable } from 'node:stream'
import type { HttpResponse } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import { TaxReportService } from '#finance/services/tax_report'
import { SellerReports } from '#finance/services/seller_reports'
import { FinanceExports, writeLinesCsv } from '#finance/services/finance_exports'
import { CONTENT_TYPES, writeCsv, writeTableCsv, writeTableXlsx, writeXlsx } from '#finance/services/report_formats'
import { isoDay } from '#tax/services/tax_journal'

export interface ReportQuery {
  from: string
  to: string
  format: 'csv' | 'xlsx'
  detail?: 'summary' | 'lines'
  report?: 'tax' | 'sellers' | 'platform'
}

/** A report as a file: its name, its type and how to write it. */
export interface ReportFile {
  name: string
  type: string
  write(out: Writable): Promise<void>
}

/** A report file's name: market, range and format. */
const fileName = (market: MarketContext, from: string, to: string, extension: string, detail = 'tax-report') => `${market.code.toLowerCase()}-${detail}-${from}-${to}.${extension}`

/**
 * Finance's report files, for the API and the console alike: the tax
 * report, every line (CSV), turnover per seller, the platform's income, and
 * the file of a finished export job.
 */
export class ReportFiles {
  #reports = new TaxReportService()
  #sellers = new SellerReports()
  #exports = new FinanceExports()

  /**
   * The file of a query. Its data is read here, before the answer starts
   * (a failure is then an error answer, not a broken download); only every
   * line of a period is read as it is written.
   */
  async of(market: MarketContext, query: ReportQuery): Promise<ReportFile> {
    const { from, to, format } = query
    if (query.report === 'sellers' || query.report === 'platform') {
      const table = query.report === 'sellers' ? this.#sellers.sellersTable(market, from, to, await this.#sellers.sellers(market, from, to)) : this.#sellers.platformTable(market, from, to, await this.#sellers.platform(market, from, to))
      return { name: fileName(market, from, to, format, query.report), type: CONTENT_TYPES[format], write: (out) => (format === 'csv' ? writeTableCsv(table, out) : writeTableXlsx(table, out)) }
    }
    if (query.detail === 'lines') {
      return { name: fileName(market, from, to, 'csv', 'tax-lines'), type: CONTENT_TYPES.csv, write: async (out) => void (await writeLinesCsv(market, from, to, out)) }
    }
    const report = await this.#reports.report(market, from, to)
    return { name: fileName(market, from, to, format), type: CONTENT_TYPES[format], write: (out) => (format === 'csv' ? writeCsv(report, out) : writeXlsx(report, out)) }
  }

  /** The file a ready export job wrote. */
  ofExport(market: MarketContext, job: Record<string, any>): ReportFile {
    const extension = job.format === 'xlsx' ? 'xlsx' : 'csv'
    return {
      name: fileName(market, isoDay(job.from_day), isoDay(job.to_day), extension, job.kind === 'tax_lines' ? 'tax-lines' : 'tax-report'),
      type: CONTENT_TYPES[extension],
      write: (out) =>
        new Promise<void>((resolve, reject) => pipeline(createReadStream(this.#exports.path(job.file)), out, (error) => (error ? reject(error) : resolve()))),
    }
  }
}

/** Sends a report file as a download, written as it streams (a failure mid-way ends the stream in error). */
export function sendFile(response: HttpResponse, file: ReportFile) {
  const out = new PassThrough()
  response.header('Content-Type', file.type).header('Content-Disposition', `attachment; filename="${file.name}"`)
  void file.write(out).catch((error) => {
    logger.error({ err: error, file: file.name }, 'report file failed while it was sent')
    out.destroy(error)
  })
  return response.stream(out)
}
