import type { HttpContext } from '@adonisjs/core/http'
import { ProductService } from '#catalog/services/product_service'
import { banProductValidator, productIdParam } from '#catalog/validators/product'
import { AuditLog, originOf } from '#audit/services/audit_log'
import { emptyBodyValidator } from '#http/empty_body'

/** Ops and support take listings down (and back) in the markets they cover. */
export default class OpsProductsController {
  #products = new ProductService()

  async ban(ctx: HttpContext) {
    const { id } = await productIdParam.validate(ctx.params)
    const { reason } = await ctx.request.validateUsing(banProductValidator)
    const product = await this.#products.setBan(ctx.market, id, reason)
    await AuditLog.record({ action: 'catalog.product_banned', actor: AuditLog.staffOf(ctx), target: { type: 'product', id }, marketCode: ctx.market.code, details: { reason } }, originOf(ctx))
    return { data: { id: product.publicId, status: product.status, banReason: product.banReason } }
  }

  async unban(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const { id } = await productIdParam.validate(ctx.params)
    const product = await this.#products.setBan(ctx.market, id, null)
    await AuditLog.record({ action: 'catalog.product_unbanned', actor: AuditLog.staffOf(ctx), target: { type: 'product', id }, marketCode: ctx.market.code }, originOf(ctx))
    return { data: { id: product.publicId, status: product.status, banReason: product.banReason } }
  }
}
