import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { FlashSaleService } from '#flash_sales/services/flash_sale_service'
import { scheduleFlashSaleValidator } from '#flash_sales/validators/flash_sale'
import { flashSaleResource } from '#flash_sales/transformers/flash_sale_resource'
import { AuditLog, originOf } from '#audit/services/audit_log'

/** Ops schedule flash sales in the markets they cover (staff host). */
export default class OpsFlashSalesController {
  #sales = new FlashSaleService()

  async index({ market }: HttpContext) {
    const rows = await this.#sales.list(market)
    return { data: rows.map((row) => flashSaleResource(market, row)) }
  }

  async store(ctx: HttpContext) {
    const { market } = ctx
    const input = await ctx.request.validateUsing(scheduleFlashSaleValidator)
    const staff = AuditLog.staffOf(ctx)
    const sale = await this.#sales.schedule(market, staff.id, {
      ...input,
      // Times with their offset, or in the market's timezone at the edge.
      startsAt: DateTime.fromISO(input.startsAt, { zone: market.timezone }).toUTC(),
      endsAt: DateTime.fromISO(input.endsAt, { zone: market.timezone }).toUTC(),
    })
    await AuditLog.record(
      { action: 'orders.flash_sale_scheduled', actor: staff, target: { type: 'flash_sale', id: sale.publicId }, marketCode: market.code, details: input },
      originOf(ctx)
    )
    return ctx.response.created({ data: { id: sale.publicId } })
  }
}
