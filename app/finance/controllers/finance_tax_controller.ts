import type { HttpContext } from '@adonisjs/core/http'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { TaxReportService } from '#finance/services/tax_report'
import { TaxPeriods } from '#finance/services/tax_periods'
import { FinanceExports, checkLink, syncMaxRows } from '#finance/services/finance_exports'
import { ReportFiles, sendFile } from '#finance/services/report_files'
import { SellerReports } from '#finance/services/seller_reports'
import { closePeriodParams, downloadQuery, exportRequestValidator, taxReportQuery } from '#finance/validators/tax_report'
import { emptyBodyValidator } from '#http/empty_body'
import { ExportNotReadyError } from '#finance/errors'
import { exportResource } from '#finance/transformers/export_resource'
import { isoDay } from '#tax/services/tax_journal'

/**
 * Finance's tax reports of a market (staff host, DESIGN.md §10): the report
 * in JSON, CSV or XLSX (or every line, CSV), export jobs for large periods,
 * and closing a month. Every read and download is audited.
 */
export default class FinanceTaxController {
  #reports = new TaxReportService()
  #periods = new TaxPeriods()
  #exports = new FinanceExports()
  #sellers = new SellerReports()
  #files = new ReportFiles()

  async report(ctx: HttpContext) {
    const { market } = ctx
    const query = await ctx.request.validateUsing(taxReportQuery, { data: ctx.request.qs() })
    const format = query.format ?? 'json'
    const detail = query.detail ?? 'summary'
    const staff = AuditLog.staffOf(ctx)
    // A period too large to answer at once becomes an export job: 202 with where to follow it.
    const estimated = await this.#reports.estimate(market, query.from, query.to)
    if ((query.report ?? 'tax') === 'tax' && estimated > syncMaxRows() && (detail === 'lines' || format !== 'json')) {
      const job = await this.#exports.request(market, staff.id, { from: query.from, to: query.to, format: format === 'xlsx' ? 'xlsx' : 'csv', detail })
      await AuditLog.record({ action: 'finance.export_requested', actor: staff, target: { type: 'finance_export', id: job.public_id }, marketCode: market.code, details: { ...query, estimatedRows: estimated } }, originOf(ctx))
      return ctx.response.accepted({ data: exportResource(job) })
    }
    await AuditLog.record({ action: 'finance.tax_report_read', actor: staff, target: { type: 'tax_report', id: `${market.code}:${query.from}:${query.to}` }, marketCode: market.code, details: { ...query, format, detail } }, originOf(ctx))
    if (format !== 'json') return sendFile(ctx.response, await this.#files.of(market, { ...query, format }))
    if (query.report === 'sellers' || query.report === 'platform') {
      const table =
        query.report === 'sellers'
          ? this.#sellers.sellersTable(market, query.from, query.to, await this.#sellers.sellers(market, query.from, query.to))
          : this.#sellers.platformTable(market, query.from, query.to, await this.#sellers.platform(market, query.from, query.to))
      return { data: { header: Object.fromEntries(table.header), rows: table.rows, totals: table.totals } }
    }
    if (detail === 'lines') return sendFile(ctx.response, await this.#files.of(market, { ...query, format: 'csv' }))
    return { data: await this.#reports.report(market, query.from, query.to) }
  }

  async requestExport(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(exportRequestValidator)
    const staff = AuditLog.staffOf(ctx)
    const job = await this.#exports.request(ctx.market, staff.id, input)
    await AuditLog.record({ action: 'finance.export_requested', actor: staff, target: { type: 'finance_export', id: job.public_id }, marketCode: ctx.market.code, details: input }, originOf(ctx))
    return ctx.response.accepted({ data: exportResource(job) })
  }

  async showExport(ctx: HttpContext) {
    return { data: exportResource(await this.#exports.find(ctx.market, String(ctx.params.id))) }
  }

  async download(ctx: HttpContext) {
    const job = await this.#exports.find(ctx.market, String(ctx.params.id))
    const { expires, signature } = await downloadQuery.validate(ctx.request.qs())
    checkLink(job.public_id, expires, signature)
    if (job.status !== 'ready') throw new ExportNotReadyError(job.status)
    await AuditLog.record(
      { action: 'finance.export_downloaded', actor: AuditLog.staffOf(ctx), target: { type: 'finance_export', id: job.public_id }, marketCode: ctx.market.code, details: { bytes: Number(job.bytes), from: isoDay(job.from_day), to: isoDay(job.to_day) } },
      originOf(ctx)
    )
    return sendFile(ctx.response, this.#files.ofExport(ctx.market, job))
  }

  async periods(ctx: HttpContext) {
    return { data: await this.#periods.list(ctx.market) }
  }

  async close(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const { month } = await closePeriodParams.validate({ month: ctx.params.month })
    const staff = AuditLog.staffOf(ctx)
    const closed = await this.#periods.close(ctx.market, month, staff.id)
    await AuditLog.record({ action: 'finance.period_closed', actor: staff, target: { type: 'tax_period', id: `${ctx.market.code}:${month}` }, marketCode: ctx.market.code, details: { hash: closed.hash, rows: closed.rows, totals: closed.totals } }, originOf(ctx))
    return ctx.response.created({ data: closed })
  }
}
