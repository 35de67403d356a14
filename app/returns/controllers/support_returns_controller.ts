import type { HttpContext } from '@adonisjs/core/http'
import { ReturnService } from '#returns/services/return_service'
import { decideValidator, returnIdParam, returnListQuery, supportOpenReturnValidator } from '#returns/validators/returns'
import { returnResource } from '#returns/transformers/return_resource'
import { idFromCursor, nextIdCursor } from '#http/pagination'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { NotFoundError } from '#exceptions/not_found_error'

/** Support of a market (staff host): the cases, opening one for a buyer, deciding disputes. Every decision is audited. */
export default class SupportReturnsController {
  #returns = new ReturnService()

  async index(ctx: HttpContext) {
    const { status, limit = 20, cursor } = await returnListQuery.validate(ctx.request.qs())
    const rows = await this.#returns.list(ctx.market, { status, limit, beforeId: idFromCursor(cursor) })
    return { data: rows.slice(0, limit).map((row) => returnResource(ctx.market, row)), meta: { nextCursor: nextIdCursor(rows.map((row) => ({ id: Number(row.return.id) })), limit) } }
  }

  async show(ctx: HttpContext) {
    const { id } = await returnIdParam.validate(ctx.params)
    const found = await ctx.market.table('returns').where('public_id', id).first()
    if (!found) throw new NotFoundError('return')
    return { data: returnResource(ctx.market, await this.#returns.parts(ctx.market, found)) }
  }

  async store(ctx: HttpContext) {
    const { order: number, ...input } = await ctx.request.validateUsing(supportOpenReturnValidator)
    const staff = AuditLog.staffOf(ctx)
    const buyer = await ctx.market.table('orders as o').join('users as u', 'u.id', 'o.buyer_id').where('o.number', number).select('u.id', 'u.public_id').first()
    if (!buyer) throw new NotFoundError('order')
    const id = await this.#returns.open(ctx.market, { id: Number(buyer.id), publicId: buyer.public_id }, number, input, { type: 'staff', id: staff.id })
    await AuditLog.record({ action: 'returns.opened_for_buyer', actor: staff, target: { type: 'return', id }, marketCode: ctx.market.code, details: { order: number, reason: input.reason } }, originOf(ctx))
    const found = await ctx.market.table('returns').where('public_id', id).first()
    return ctx.response.created({ data: returnResource(ctx.market, await this.#returns.parts(ctx.market, found)) })
  }

  async decide(ctx: HttpContext) {
    const { id } = await returnIdParam.validate(ctx.params)
    const input = await ctx.request.validateUsing(decideValidator)
    const staff = AuditLog.staffOf(ctx)
    await this.#returns.decide(ctx.market, staff.id, id, input)
    await AuditLog.record({ action: 'returns.decided', actor: staff, target: { type: 'return', id }, marketCode: ctx.market.code, details: input }, originOf(ctx))
    const found = await ctx.market.table('returns').where('public_id', id).first()
    return { data: returnResource(ctx.market, await this.#returns.parts(ctx.market, found)) }
  }
}
