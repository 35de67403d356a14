import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { OrderLookup } from '#console/services/order_lookup'
import { ReturnService } from '#returns/services/return_service'
import { decideValidator, returnIdParam, returnListQuery } from '#returns/validators/returns'
import { returnResource } from '#returns/transformers/return_resource'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { NotFoundError } from '#exceptions/not_found_error'
import { formOf, refusal } from '#console/forms'
import { decimalToMinor } from '#money/money'
import { fieldError } from '#exceptions/field_error'
import { MARKET_PUBLIC_ID } from '#validation/rules'

const numberQuery = vine.create(vine.object({ number: vine.string().trim().toUpperCase().maxLength(40) }))

/**
 * Support pages: an order found by its number (the number names its market,
 * hence its shard), with its history, money, shipment and ledger; the
 * return cases of a market and their decisions, audited as through the API.
 */
export default class ConsoleSupportController {
  #lookup = new OrderLookup()
  #returns = new ReturnService()

  /** The order-number search: straight to the order's page (a number of no market is no order). */
  async find(ctx: HttpContext) {
    const { number } = await numberQuery.validate(ctx.request.qs())
    if (!MARKET_PUBLIC_ID.test(number)) throw new NotFoundError('order')
    return ctx.response.redirect().toPath(`/console/orders/${encodeURIComponent(number)}`)
  }

  async order(ctx: HttpContext) {
    return ctx.view.render('console/support/order', await this.#lookup.find(ctx.market, String(ctx.params.number)))
  }

  async returns(ctx: HttpContext) {
    const { status } = await returnListQuery.validate(ctx.request.qs())
    const rows = await this.#returns.list(ctx.market, { status, limit: 50 })
    return ctx.view.render('console/support/returns', { status: status ?? '', cases: rows.slice(0, 50).map((parts) => returnResource(ctx.market, parts)) })
  }

  async returnCase(ctx: HttpContext) {
    return this.renderCase(ctx, { values: {}, errors: {}, message: null })
  }

  async decide(ctx: HttpContext) {
    const { id } = await returnIdParam.validate(ctx.params)
    const form = formOf(ctx)
    try {
      const amountText = typeof form.amount === 'string' ? form.amount.trim() : ''
      const amount = amountText ? decimalToMinor(amountText, ctx.market.config.currency) : undefined
      if (amount === null) throw fieldError('amount', 'amount', `amount must be an amount in ${ctx.market.config.currency}`)
      const input = await decideValidator.validate({ decision: form.decision, reason: form.reason, ...(form.decision === 'refund_partial' && { amount }) })
      const staff = AuditLog.actorOf(ctx.staff)
      await this.#returns.decide(ctx.market, staff.id, id, input)
      await AuditLog.record({ action: 'returns.decided', actor: staff, target: { type: 'return', id }, marketCode: ctx.market.code, details: { ...input, via: 'console' } }, originOf(ctx))
      ctx.session.flash('notice', { kind: 'success', message: ctx.t('console:returns.decided', { id }) })
      return ctx.response.redirect().toPath(`/console/markets/${ctx.market.code}/returns/${id}`)
    } catch (error) {
      const { message, fields } = refusal(ctx, error)
      ctx.response.status(422)
      return this.renderCase(ctx, { values: form, errors: fields, message })
    }
  }

  private async renderCase(ctx: HttpContext, state: { values: Record<string, unknown>; errors: Record<string, string>; message: string | null }) {
    const { id } = await returnIdParam.validate(ctx.params)
    const returnCase = returnResource(ctx.market, await this.#returns.byPublicId(ctx.market, id))
    return ctx.view.render('console/support/return', { returnCase, ...state, currency: ctx.market.config.currency })
  }
}
