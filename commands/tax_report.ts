import { createWriteStream } from 'node:fs'
import { PassThrough } from 'node:stream'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors as vineErrors } from '@vinejs/vine'

export default class TaxReport extends BaseCommand {
  static commandName = 'tax:report'
  static description = 'A market\'s tax report for a range of local days (JSON, CSV or XLSX; every line with --detail=lines), to stdout or --out'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Market code', required: true })
  declare market: string

  @flags.string({ description: 'First local day (YYYY-MM-DD)', required: true })
  declare from: string

  @flags.string({ description: 'Last local day (YYYY-MM-DD), inclusive', required: true })
  declare to: string

  @flags.string({ description: 'json (default), csv or xlsx' })
  declare format?: string

  @flags.string({ description: 'summary (default) or lines (CSV of every taxed and refunded line)' })
  declare detail?: string

  @flags.string({ description: 'File to write (default: stdout; xlsx needs a file)' })
  declare out?: string

  async run() {
    const { taxReportQuery } = await import('#finance/validators/tax_report')
    const { TaxReportService } = await import('#finance/services/tax_report')
    const { writeCsv, writeXlsx } = await import('#finance/services/report_formats')
    const { writeLinesCsv } = await import('#finance/services/finance_exports')
    const markets = await this.app.container.make('markets')
    if (!markets.find(this.market)) {
      this.logger.error(`no market ${this.market} (markets: ${markets.codes().join(', ')})`)
      this.exitCode = 1
      return
    }
    const market = markets.context(this.market)
    let query
    try {
      query = await taxReportQuery.validate({ from: this.from, to: this.to, format: this.format, detail: this.detail })
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        for (const message of error.messages as { field: string; message: string }[]) this.logger.error(`--${message.field}: ${message.message}`)
        this.exitCode = 1
        return
      }
      throw error
    }
    const format = query.format ?? 'json'
    if (format === 'xlsx' && !this.out) {
      this.logger.error('--format=xlsx needs --out=<file>')
      this.exitCode = 1
      return
    }
    // Standard output never finishes: the report goes through a stream that does.
    const out = this.out ? createWriteStream(this.out) : new PassThrough()
    if (!this.out) (out as PassThrough).pipe(process.stdout, { end: false })
    if (query.detail === 'lines') {
      const rows = await writeLinesCsv(market, query.from, query.to, out)
      if (this.out) this.logger.success(`${rows} lines written to ${this.out}`)
      return
    }
    const report = await new TaxReportService().report(market, query.from, query.to)
    if (format === 'json') {
      out.write(JSON.stringify(report, null, 2) + '\n')
      await new Promise<void>((resolve) => out.end(() => resolve()))
    } else if (format === 'csv') await writeCsv(report, out)
    else await writeXlsx(report, out)
    if (this.out) this.logger.success(`${report.rows.length} rows written to ${this.out}`)
  }
}
