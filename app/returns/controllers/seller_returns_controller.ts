import type { HttpContext } from '@adonisjs/core/http'
import { ReturnService } from '#returns/services/return_service'
import { respondValidator, returnIdParam, returnListQuery } from '#returns/validators/returns'
import { returnResource } from '#returns/transformers/return_resource'
import { sellerShop } from '#identity/seller_shop'
import { idFromCursor, nextIdCursor } from '#http/pagination'

/** A seller's returns: the cases on its orders, and its answer to each. */
export default class SellerReturnsController {
  #returns = new ReturnService()

  async index(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { status, limit = 20, cursor } = await returnListQuery.validate(ctx.request.qs())
    const rows = await this.#returns.list(ctx.market, { shopId: shop.id, status, limit, beforeId: idFromCursor(cursor) })
    return { data: rows.slice(0, limit).map((row) => returnResource(ctx.market, row)), meta: { nextCursor: nextIdCursor(rows.map((row) => ({ id: Number(row.return.id) })), limit) } }
  }

  async show(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { id } = await returnIdParam.validate(ctx.params)
    return { data: returnResource(ctx.market, await this.#returns.forShop(ctx.market, shop.id, id)) }
  }

  async respond(ctx: HttpContext) {
    const { shop, seller } = await sellerShop(ctx)
    const { id } = await returnIdParam.validate(ctx.params)
    const input = await ctx.request.validateUsing(respondValidator)
    await this.#returns.respond(ctx.market, shop.id, seller.publicId, id, input.action === 'dispute' ? { action: 'dispute', note: input.note! } : { action: 'accept' })
    return { data: returnResource(ctx.market, await this.#returns.forShop(ctx.market, shop.id, id)) }
  }
}
