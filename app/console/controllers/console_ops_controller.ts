import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { MarketConfigService } from '#ops/services/market_config_service'
import { configApprovalValidator, configRollbackValidator } from '#ops/validators/market_config'
import { configRevisionResource } from '#ops/transformers/config_revision_resource'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { flashSaleResource } from '#flash_sales/transformers/flash_sale_resource'
import { scheduleFlashSaleValidator } from '#flash_sales/validators/flash_sale'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { ConfigForm, inputName } from '#console/services/config_form'
import { sideBySide } from '#console/services/side_by_side'
import { formOf, refusal } from '#console/forms'
import { decimalToMinor } from '#money/money'
import { fieldError } from '#exceptions/field_error'
import { marketTime } from '#console/presenters'

const revisionNumber = () => vine.number().withoutDecimals().min(0).max(1_000_000_000)
const reasonField = () => vine.string().trim().minLength(5).maxLength(1000)
const configFormValidator = vine.create(vine.object({ reason: reasonField(), expectedRevision: revisionNumber() }))
const diffQuery = vine.create(vine.object({ from: revisionNumber(), to: revisionNumber() }))
const revisionParam = vine.create(vine.object({ n: revisionNumber() }))
/** The flash-sale form: the price typed in the currency's units, times in the market's timezone. */
const flashSaleForm = vine.create(
  vine.object({
    sku: vine.string().trim(),
    startsAt: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    endsAt: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    price: vine.string().trim(),
    stock: vine.number().withoutDecimals(),
    perBuyerLimit: vine.number().withoutDecimals(),
  })
)

/**
 * Ops pages of a market: the effective config as a form (a bad value is
 * shown beside its field and nothing is saved), revisions, a side-by-side
 * diff of two revisions, approval, rollback, flash sales. The same services
 * and rules as the ops API; every write is audited by them.
 */
export default class ConsoleOpsController {
  #configs = new MarketConfigService()
  #sales = new FlashSaleService()

  async config(ctx: HttpContext) {
    return this.renderConfig(ctx, { values: {}, fields: {}, message: null, reason: '' })
  }

  async update(ctx: HttpContext) {
    const form = formOf(ctx)
    const { config } = await this.#configs.effective(ctx.market.code)
    const { changes, problems } = new ConfigForm(config).changesOf(form)
    try {
      const { reason, expectedRevision } = await configFormValidator.validate(form)
      if (Object.keys(problems).length) return this.refused(ctx, form, { message: ctx.t('console:config.invalid'), fields: problems })
      if (Object.keys(changes).length === 0) throw fieldError('changes', 'required', 'names no field to change')
      const row = await this.#configs.propose(ctx.market.code, AuditLog.actorOf(ctx.staff), { changes, reason, expectedRevision }, originOf(ctx))
      ctx.session.flash('notice', { kind: 'success', message: ctx.t(row.status === 'pending' ? 'console:config.pending' : 'console:config.applied', { number: row.number }) })
      return ctx.response.redirect().toPath(`/console/markets/${ctx.market.code}/revisions`)
    } catch (error) {
      const { message, fields } = refusal(ctx, error)
      const byField: Record<string, string> = { ...problems }
      for (const [field, text] of Object.entries(fields)) byField[ConfigForm.fieldOf(field)] = text
      return this.refused(ctx, form, { message, fields: byField })
    }
  }

  async revisions(ctx: HttpContext) {
    const rows = await this.#configs.list(ctx.market.code, { limit: 50 })
    const { revision } = await this.#configs.effective(ctx.market.code)
    return ctx.view.render('console/ops/revisions', {
      revisions: rows.slice(0, 50).map((row) => ({ ...configRevisionResource(row), createdAt: marketTime(ctx.market, row.created_at), mine: row.author_id === ctx.staff.publicId })),
      current: revision,
    })
  }

  async diff(ctx: HttpContext) {
    const { from, to } = await diffQuery.validate(ctx.request.qs())
    const [left, right] = await Promise.all([this.#configs.configOf(ctx.market.code, from), this.#configs.configOf(ctx.market.code, to)])
    return ctx.view.render('console/ops/diff', { from, to, rows: sideBySide(left, right) })
  }

  async approve(ctx: HttpContext) {
    const { n } = await revisionParam.validate(ctx.params)
    const form = formOf(ctx)
    const { note } = await configApprovalValidator.validate({ note: form.note ?? undefined })
    const row = await this.#configs.approve(ctx.market.code, n, AuditLog.actorOf(ctx.staff), originOf(ctx), note ?? null)
    ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:revisions.approved', { number: row.number }) })
    return ctx.response.redirect().toPath(`/console/markets/${ctx.market.code}/revisions`)
  }

  async rollback(ctx: HttpContext) {
    const { n } = await revisionParam.validate(ctx.params)
    const form = formOf(ctx)
    const input = await configRollbackValidator.validate({ ...form, expectedRevision: Number(form.expectedRevision) })
    const row = await this.#configs.rollback(ctx.market.code, n, AuditLog.actorOf(ctx.staff), input, originOf(ctx))
    ctx.session.flash('notice', { kind: 'success', message: ctx.t(row.status === 'pending' ? 'console:config.pending' : 'console:config.applied', { number: row.number }) })
    return ctx.response.redirect().toPath(`/console/markets/${ctx.market.code}/revisions`)
  }

  async flashSales(ctx: HttpContext) {
    return this.renderFlashSales(ctx, { values: {}, fields: {}, message: null })
  }

  async scheduleFlashSale(ctx: HttpContext) {
    const { market } = ctx
    const form = formOf(ctx)
    try {
      const input = await flashSaleForm.validate(form)
      const amount = decimalToMinor(input.price, market.config.currency)
      if (amount === null) throw fieldError('price', 'amount', `price must be an amount in ${market.config.currency}`)
      const sale = {
        sku: input.sku,
        startsAt: DateTime.fromISO(input.startsAt, { zone: market.timezone }).toISO()!,
        endsAt: DateTime.fromISO(input.endsAt, { zone: market.timezone }).toISO()!,
        price: { amount, currency: market.config.currency },
        stock: input.stock,
        perBuyerLimit: input.perBuyerLimit,
      }
      // The API's rules for a sale, on what the form said.
      const checked = await scheduleFlashSaleValidator.validate(sale)
      const staff = AuditLog.actorOf(ctx.staff)
      const scheduled = await this.#sales.schedule(market, staff.id, { ...checked, startsAt: DateTime.fromISO(checked.startsAt).toUTC(), endsAt: DateTime.fromISO(checked.endsAt).toUTC() })
      await AuditLog.record({ action: 'orders.flash_sale_scheduled', actor: staff, target: { type: 'flash_sale', id: scheduled.publicId }, marketCode: market.code, details: checked }, originOf(ctx))
      ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:flash_sales.scheduled', { id: scheduled.publicId }) })
      return ctx.response.redirect().toPath(`/console/markets/${market.code}/flash-sales`)
    } catch (error) {
      const { message, fields } = refusal(ctx, error)
      ctx.response.status(422)
      return this.renderFlashSales(ctx, { values: form, fields, message })
    }
  }

  private async refused(ctx: HttpContext, form: Record<string, unknown>, refused: { message: string; fields: Record<string, string> }) {
    ctx.response.status(422)
    return this.renderConfig(ctx, { values: form, fields: refused.fields, message: refused.message, reason: typeof form.reason === 'string' ? form.reason : '' })
  }

  private async renderConfig(ctx: HttpContext, state: { values: Record<string, unknown>; fields: Record<string, string>; message: string | null; reason: string }) {
    const { config, revision, hash } = await this.#configs.effective(ctx.market.code)
    const pending = await this.#configs.list(ctx.market.code, { limit: 100, status: 'pending' })
    const sections = new ConfigForm(config).sections()
    const known = new Set(sections.flatMap((section) => section.groups.flatMap((group) => group.fields.map((field) => field.name))))
    // What the staff member typed stays in the form; a message the form has no field for goes on top.
    for (const section of sections) {
      for (const group of section.groups) {
        for (const field of group.fields) {
          const typed = state.values[inputName(field.name)]
          if (typed !== undefined) field.value = Array.isArray(typed) ? String(typed.at(-1) ?? '') : typed === null ? '' : String(typed)
        }
      }
    }
    const others = Object.entries(state.fields).filter(([field]) => !known.has(field)).map(([field, text]) => `${field}: ${text}`)
    return ctx.view.render('console/ops/config', {
      sections,
      errors: state.fields,
      message: state.message,
      others,
      reason: state.reason,
      revision,
      hash,
      pending: pending.map((row) => Number(row.number)),
      currency: config.currency,
    })
  }

  private async renderFlashSales(ctx: HttpContext, state: { values: Record<string, unknown>; fields: Record<string, string>; message: string | null }) {
    const rows = await this.#sales.list(ctx.market)
    return ctx.view.render('console/ops/flash_sales', {
      sales: rows.map((row) => {
        const sale = flashSaleResource(ctx.market, row)
        return { ...sale, startsAt: marketTime(ctx.market, sale.startsAt), endsAt: marketTime(ctx.market, sale.endsAt) }
      }),
      values: state.values,
      errors: state.fields,
      message: state.message,
      currency: ctx.market.config.currency,
      limits: { maxPerBuyerLimit: ctx.market.config.flashSales?.maxPerBuyerLimit ?? 100 },
    })
  }
}
