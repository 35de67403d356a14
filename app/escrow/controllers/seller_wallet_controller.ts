import type { HttpContext } from '@adonisjs/core/http'
import { PayoutService } from '#escrow/services/payout_service'
import { payoutValidator } from '#escrow/validators/payouts'
import { payoutResource, walletEntryResource, walletResource } from '#escrow/transformers/wallet_resources'
import { idempotencyKeyValidator } from '#http/idempotency'
import { idFromCursor, nextIdCursor, pageQueryValidator } from '#http/pagination'
import { sellerShop } from '#identity/seller_shop'
import { assertVerified } from '#identity/services/account_recovery'

/** A seller's money: the wallet, its entries and payouts. */
export default class SellerWalletController {
  #payouts = new PayoutService()

  async show(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    return { data: walletResource(ctx.market, await this.#payouts.wallet(ctx.market, shop)) }
  }

  async entries(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#payouts.entries(ctx.market, shop.publicId, { limit, beforeId: idFromCursor(cursor) })
    return { data: rows.slice(0, limit).map((entry) => walletEntryResource(ctx.market, entry)), meta: { nextCursor: nextIdCursor(rows, limit) } }
  }

  async payouts(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#payouts.list(ctx.market, shop.id, { limit, beforeId: idFromCursor(cursor) })
    return { data: rows.slice(0, limit).map((payout) => payoutResource(ctx.market, payout)), meta: { nextCursor: nextIdCursor(rows, limit) } }
  }

  async requestPayout(ctx: HttpContext) {
    const { shop, seller } = await sellerShop(ctx)
    const { 'idempotency-key': key } = await idempotencyKeyValidator.validate({ 'idempotency-key': ctx.request.header('idempotency-key') })
    const { amount } = await ctx.request.validateUsing(payoutValidator)
    assertVerified(seller)
    const { status, payout } = await this.#payouts.request(ctx.market, { id: shop.id, publicId: shop.publicId, accountId: seller.id }, amount, key)
    return ctx.response.status(status).json({ data: payoutResource(ctx.market, payout) })
  }
}
