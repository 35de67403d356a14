import type { HttpContext } from '@adonisjs/core/http'
import { VoucherService } from '#promotions/services/voucher_service'
import { platformVoucherValidator, shopVoucherValidator } from '#promotions/validators/vouchers'
import { voucherResource } from '#promotions/transformers/voucher_resource'
import { idFromCursor, nextIdCursor, pageQueryValidator } from '#http/pagination'
import { sellerShop } from '#identity/seller_shop'
import { AuditLog, originOf } from '#audit/services/audit_log'

/** Vouchers: ops of a market create platform ones (staff host), a seller its shop's. */
export default class VouchersController {
  #vouchers = new VoucherService()

  async platformIndex(ctx: HttpContext) {
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#vouchers.list(ctx.market, { scope: 'platform', limit, beforeId: idFromCursor(cursor) })
    return { data: rows.slice(0, limit).map((row) => voucherResource(ctx.market, row)), meta: { nextCursor: nextIdCursor(rows, limit) } }
  }

  async platformStore(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(platformVoucherValidator)
    const staff = AuditLog.staffOf(ctx)
    const row = await this.#vouchers.create(ctx.market, 'platform', input, { actor: staff.id })
    await AuditLog.record({ action: 'promotions.voucher_created', actor: staff, target: { type: 'voucher', id: row.public_id }, marketCode: ctx.market.code, details: input }, originOf(ctx))
    return ctx.response.created({ data: voucherResource(ctx.market, row) })
  }

  async shopIndex(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#vouchers.list(ctx.market, { scope: 'shop', shopId: shop.id, limit, beforeId: idFromCursor(cursor) })
    return { data: rows.slice(0, limit).map((row) => voucherResource(ctx.market, row)), meta: { nextCursor: nextIdCursor(rows, limit) } }
  }

  async shopStore(ctx: HttpContext) {
    const { shop, seller } = await sellerShop(ctx)
    const input = await ctx.request.validateUsing(shopVoucherValidator)
    const row = await this.#vouchers.create(ctx.market, 'shop', input, { shopId: shop.id, actor: `seller:${seller.publicId}` })
    return ctx.response.created({ data: voucherResource(ctx.market, row) })
  }
}
