import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import markets from '#markets/services/main'
import { MarketContext } from '#markets/market_context'
import { ProductService } from '#catalog/services/product_service'
import { banProductValidator } from '#catalog/validators/product'
import { AuditLog, originOf } from '#audit/services/audit_log'

const params = vine.create(
  vine.object({
    code: vine.string().toUpperCase().regex(/^[A-Z]{2}$/),
    id: vine.string().regex(/^[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{26}$/),
  })
)

/** Ops and support take listings down (and back) in the markets they cover. */
export default class OpsProductsController {
  #products = new ProductService()

  async ban(ctx: HttpContext) {
    const { code, id } = await params.validate(ctx.params)
    const { reason } = await ctx.request.validateUsing(banProductValidator)
    const market = MarketContext.of(markets.find(code)!)
    const product = await this.#products.setBan(market, id, reason)
    const staff = ctx.auth.use('staff').getUserOrFail()
    await AuditLog.record(
      { action: 'catalog.product_banned', actor: { type: 'staff', id: staff.publicId, email: staff.email }, target: { type: 'product', id }, marketCode: code, details: { reason } },
      originOf(ctx)
    )
    return { data: { id: product.publicId, status: product.status, banReason: product.banReason } }
  }

  async unban(ctx: HttpContext) {
    const { code, id } = await params.validate(ctx.params)
    const market = MarketContext.of(markets.find(code)!)
    const product = await this.#products.setBan(market, id, null)
    const staff = ctx.auth.use('staff').getUserOrFail()
    await AuditLog.record(
      { action: 'catalog.product_unbanned', actor: { type: 'staff', id: staff.publicId, email: staff.email }, target: { type: 'product', id }, marketCode: code },
      originOf(ctx)
    )
    return { data: { id: product.publicId, status: product.status, banReason: product.banReason } }
  }
}
