import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { TaxReportService } from '#finance/services/tax_report'
import { TaxPeriods } from '#finance/services/tax_periods'
import { FinanceExports, syncMaxRows } from '#finance/services/finance_exports'
import { ReportFiles, sendFile } from '#finance/services/report_files'
import { exportRequestValidator, taxReportQuery, closePeriodParams } from '#finance/validators/tax_report'
import { exportResource } from '#finance/transformers/export_resource'
import { ExportLinkError, ExportNotReadyError } from '#finance/errors'
import { isoDay } from '#tax/services/tax_journal'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { formOf, refusal } from '#console/forms'
import { marketTime, marketToday } from '#console/presenters'

const AMOUNTS = ['net', 'tax', 'gross', 'refundedNet', 'refundedTax', 'refundedGross', 'discountShop', 'discountPlatform'] as const
const downloadFormat = vine.create(vine.object({ format: vine.enum(['csv', 'xlsx'] as const) }))

/**
 * Finance pages of a market: the tax report of a period on screen with its
 * CSV and XLSX, export jobs with their progress, closing a month. Every
 * read and download is audited as through the API.
 */
export default class ConsoleFinanceController {
  #reports = new TaxReportService()
  #periods = new TaxPeriods()
  #exports = new FinanceExports()
  #files = new ReportFiles()

  async report(ctx: HttpContext) {
    const { market } = ctx
    const { today, monthStart } = marketToday(market)
    const asked = { from: String(ctx.request.qs().from ?? monthStart), to: String(ctx.request.qs().to ?? today) }
    try {
      const query = await taxReportQuery.validate(asked)
      const report = await this.#reports.report(market, query.from, query.to)
      await AuditLog.record({ action: 'finance.tax_report_read', actor: AuditLog.actorOf(ctx.staff), target: { type: 'tax_report', id: `${market.code}:${query.from}:${query.to}` }, marketCode: market.code, details: { ...query, format: 'html' } }, originOf(ctx))
      const show = (amount: number) => market.moneyView(amount).formatted
      return ctx.view.render('console/finance/report', {
        query,
        errors: {},
        header: report.header,
        rows: report.rows.map((row) => ({ ...row, shown: Object.fromEntries(AMOUNTS.map((key) => [key, show(row[key])])) })),
        totals: { orders: report.totals.orders, ...Object.fromEntries(AMOUNTS.map((key) => [key, show(report.totals[key])])) },
        raw: report.totals,
      })
    } catch (error) {
      const { message, fields } = refusal(ctx, error)
      ctx.response.status(422)
      return ctx.view.render('console/finance/report', { query: asked, errors: fields, message, header: null, rows: [], totals: null, raw: null })
    }
  }

  /** The report as CSV or XLSX; a period too large to answer at once becomes an export job to follow. */
  async download(ctx: HttpContext) {
    const { market } = ctx
    const query = await taxReportQuery.validate(ctx.request.qs())
    const { format } = await downloadFormat.validate(ctx.request.qs())
    const staff = AuditLog.actorOf(ctx.staff)
    if ((query.report ?? 'tax') === 'tax' && (await this.#reports.estimate(market, query.from, query.to)) > syncMaxRows()) {
      return this.startExport(ctx, { from: query.from, to: query.to, format, detail: query.detail })
    }
    await AuditLog.record({ action: 'finance.tax_report_read', actor: staff, target: { type: 'tax_report', id: `${market.code}:${query.from}:${query.to}` }, marketCode: market.code, details: { ...query, format } }, originOf(ctx))
    return sendFile(ctx.response, await this.#files.of(market, { ...query, format }))
  }

  async requestExport(ctx: HttpContext) {
    const input = await exportRequestValidator.validate(formOf(ctx))
    return this.startExport(ctx, input)
  }

  async export(ctx: HttpContext) {
    return ctx.view.render('console/finance/export', { job: this.present(ctx, await this.#exports.find(ctx.market, String(ctx.params.id))) })
  }

  /** The progress bar alone (htmx swaps it in place until the file is ready). */
  async progress(ctx: HttpContext) {
    return ctx.view.render('console/partials/export_progress', { job: this.present(ctx, await this.#exports.find(ctx.market, String(ctx.params.id))) })
  }

  async downloadExport(ctx: HttpContext) {
    const job = await this.#exports.find(ctx.market, String(ctx.params.id))
    if (job.status !== 'ready') throw new ExportNotReadyError(job.status)
    // As the API's signed link: a file is downloadable for LINK_HOURS after it is ready.
    if (!exportResource(job).download) throw new ExportLinkError()
    await AuditLog.record(
      { action: 'finance.export_downloaded', actor: AuditLog.actorOf(ctx.staff), target: { type: 'finance_export', id: job.public_id }, marketCode: ctx.market.code, details: { bytes: Number(job.bytes), from: isoDay(job.from_day), to: isoDay(job.to_day), via: 'console' } },
      originOf(ctx)
    )
    return sendFile(ctx.response, this.#files.ofExport(ctx.market, job))
  }

  /** Closed months with their hash, and the last twelve months to close. */
  async periods(ctx: HttpContext) {
    const closed = await this.#periods.list(ctx.market)
    const byMonth = new Map(closed.map((period) => [period.month, period]))
    const now = DateTime.now().setZone(ctx.market.timezone).startOf('month')
    const months = Array.from({ length: 12 }, (_, index) => now.minus({ months: index + 1 }).toFormat('yyyy-LL'))
    const show = (amount: number) => ctx.market.moneyView(amount).formatted
    return ctx.view.render('console/finance/periods', {
      months: months.map((month) => {
        const period = byMonth.get(month)
        return period
          ? { month, closed: true, hash: period.hash, closedBy: period.closedBy, closedAt: marketTime(ctx.market, period.closedAt), orders: period.totals.orders, tax: show(period.totals.tax), gross: show(period.totals.gross) }
          : { month, closed: false }
      }),
    })
  }

  async close(ctx: HttpContext) {
    const { month } = await closePeriodParams.validate({ month: ctx.params.month })
    const staff = AuditLog.actorOf(ctx.staff)
    const closed = await this.#periods.close(ctx.market, month, staff.id)
    await AuditLog.record({ action: 'finance.period_closed', actor: staff, target: { type: 'tax_period', id: `${ctx.market.code}:${month}` }, marketCode: ctx.market.code, details: { hash: closed.hash, rows: closed.rows, totals: closed.totals } }, originOf(ctx))
    ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:periods.closed', { month, hash: closed.hash }) })
    return ctx.response.redirect().toPath(`/console/markets/${ctx.market.code}/periods`)
  }

  private async startExport(ctx: HttpContext, input: { from: string; to: string; format: 'csv' | 'xlsx'; detail?: 'summary' | 'lines' }) {
    const staff = AuditLog.actorOf(ctx.staff)
    const job = await this.#exports.request(ctx.market, staff.id, input)
    await AuditLog.record({ action: 'finance.export_requested', actor: staff, target: { type: 'finance_export', id: job.public_id }, marketCode: ctx.market.code, details: { ...input, via: 'console' } }, originOf(ctx))
    return ctx.response.redirect().toPath(`/console/exports/${job.public_id}`)
  }

  private present(ctx: HttpContext, row: Record<string, any>) {
    const job = exportResource(row)
    const { rowsDone, rowsEstimated } = job.progress
    const percent = job.status === 'ready' ? 100 : rowsEstimated > 0 ? Math.min(99, Math.floor((rowsDone * 100) / rowsEstimated)) : 0
    return { ...job, percent, createdAt: marketTime(ctx.market, job.createdAt), finishedAt: marketTime(ctx.market, job.finishedAt) }
  }
}
