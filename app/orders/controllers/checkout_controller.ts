import type { HttpContext } from '@adonisjs/core/http'
import { priceCheckout } from '#orders/services/checkout_pricing'
import { OrderPlacement } from '#orders/services/order_placement'
import { OrderService } from '#orders/services/order_service'
import { CartService } from '#cart/services/cart_service'
import { quoteResource } from '#orders/transformers/quote_resource'
import { orderResource } from '#orders/transformers/order_resource'
import { orderNumberParam, placeOrderValidator, quoteValidator } from '#orders/validators/checkout'
import { idempotencyKeyValidator } from '#http/idempotency'
import { idFromCursor, nextIdCursor, pageQueryValidator } from '#http/pagination'
import { emptyBodyValidator } from '#http/empty_body'
import { assertVerified } from '#identity/services/account_recovery'

export default class CheckoutController {
  #orders = new OrderService()
  #cart = new CartService()
  #placement = new OrderPlacement()

  async quote(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const input = await ctx.request.validateUsing(quoteValidator)
    const lines = input.lines ?? (await this.#cart.checkoutLines(ctx.market, buyer))
    const quote = await priceCheckout(ctx.market, { ...input, lines }, undefined, buyer.id)
    return { data: quoteResource(ctx.market, quote) }
  }

  async store(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const { 'idempotency-key': key } = await idempotencyKeyValidator.validate({ 'idempotency-key': ctx.request.header('idempotency-key') })
    const input = await ctx.request.validateUsing(placeOrderValidator)
    assertVerified(buyer)
    const response = await this.#placement.place(ctx.market, buyer, input, key)
    return ctx.response.status(response.status).json(response.body)
  }

  async index(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#orders.listForBuyer(ctx.market, buyer, { limit, beforeId: idFromCursor(cursor) })
    const page = rows.slice(0, limit)
    return {
      data: await Promise.all(page.map(async (order) => orderResource(ctx.market, await this.#orders.parts(ctx.market, order)))),
      meta: { nextCursor: nextIdCursor(rows, limit) },
    }
  }

  async show(ctx: HttpContext) {
    const { number } = await orderNumberParam.validate(ctx.params)
    const order = await this.#orders.forBuyer(ctx.market, ctx.auth.use('storefront').getUserOrFail(), number)
    return { data: orderResource(ctx.market, await this.#orders.parts(ctx.market, order)) }
  }

  async cancel(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const { number } = await orderNumberParam.validate(ctx.params)
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    await this.#orders.cancel(ctx.market, number, { type: 'buyer', id: buyer.publicId }, 'cancelled by the buyer', buyer.id)
    const order = await this.#orders.forBuyer(ctx.market, buyer, number)
    return { data: orderResource(ctx.market, await this.#orders.parts(ctx.market, order)) }
  }
}
