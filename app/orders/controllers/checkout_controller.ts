import type { HttpContext } from '@adonisjs/core/http'
import { priceCheckout } from '#orders/services/checkout_pricing'
import { OrderPlacement } from '#orders/services/order_placement'
import { OrderService } from '#orders/services/order_service'
import { CartService } from '#cart/services/cart_service'
import { quoteResource } from '#orders/transformers/quote_resource'
import { idempotencyKeyValidator, orderNumberParam, placeOrderValidator, quoteValidator } from '#orders/validators/checkout'
import { idFromCursor, nextIdCursor, pageQueryValidator } from '#http/pagination'

export default class CheckoutController {
  #orders = new OrderService()

  async quote(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const input = await ctx.request.validateUsing(quoteValidator)
    const lines =
      input.lines ??
      (await new CartService().lines(ctx.market, buyer)).map((line) => ({ sku: line.sku as string, quantity: Number(line.quantity) }))
    const quote = await priceCheckout(ctx.market, { ...input, lines }, ctx.locale)
    return { data: quoteResource(ctx.market, ctx.locale, quote) }
  }

  async store(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const { 'idempotency-key': key } = await idempotencyKeyValidator.validate({ 'idempotency-key': ctx.request.header('idempotency-key') })
    const input = await ctx.request.validateUsing(placeOrderValidator)
    const response = await new OrderPlacement().place(ctx.market, buyer, input, key, ctx.locale)
    return ctx.response.status(response.status).json(response.body)
  }

  async index(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const { limit = 20, cursor } = await pageQueryValidator.validate(ctx.request.qs())
    const rows = await this.#orders.listForBuyer(ctx.market, buyer, { limit, beforeId: idFromCursor(cursor) })
    const page = rows.slice(0, limit)
    return {
      data: await Promise.all(page.map((order) => this.#orders.present(ctx.market, order, ctx.locale))),
      meta: { nextCursor: nextIdCursor(rows, limit) },
    }
  }

  async show(ctx: HttpContext) {
    const { number } = await orderNumberParam.validate(ctx.params)
    const order = await this.#orders.forBuyer(ctx.market, ctx.auth.use('storefront').getUserOrFail(), number)
    return { data: await this.#orders.present(ctx.market, order, ctx.locale) }
  }

  async cancel(ctx: HttpContext) {
    const { number } = await orderNumberParam.validate(ctx.params)
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    await this.#orders.cancel(ctx.market, number, { type: 'buyer', id: buyer.publicId }, 'cancelled by the buyer', buyer.id)
    const order = await this.#orders.forBuyer(ctx.market, buyer, number)
    return { data: await this.#orders.present(ctx.market, order, ctx.locale) }
  }
}
