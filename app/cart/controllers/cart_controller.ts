import type { HttpContext } from '@adonisjs/core/http'
import { CartService } from '#cart/services/cart_service'
import { addCartLineValidator, cartLineParam, updateCartLineValidator } from '#orders/validators/checkout'

export default class CartController {
  #cart = new CartService()

  private async show({ auth, market }: HttpContext) {
    const lines = await this.#cart.lines(market, auth.use('storefront').getUserOrFail())
    return { data: { lines: lines.map((line) => ({ id: Number(line.id), sku: line.sku, quantity: Number(line.quantity) })) } }
  }

  async index(ctx: HttpContext) {
    return this.show(ctx)
  }

  async store(ctx: HttpContext) {
    const { sku, quantity } = await ctx.request.validateUsing(addCartLineValidator)
    await this.#cart.add(ctx.market, ctx.auth.use('storefront').getUserOrFail(), sku, quantity, ctx.locale)
    ctx.response.status(201)
    return this.show(ctx)
  }

  async update(ctx: HttpContext) {
    const { id } = await cartLineParam.validate(ctx.params)
    const { quantity } = await ctx.request.validateUsing(updateCartLineValidator)
    await this.#cart.update(ctx.market, ctx.auth.use('storefront').getUserOrFail(), id, quantity)
    return this.show(ctx)
  }

  async destroy(ctx: HttpContext) {
    const { id } = await cartLineParam.validate(ctx.params)
    await this.#cart.remove(ctx.market, ctx.auth.use('storefront').getUserOrFail(), id)
    return this.show(ctx)
  }
}
