import type { HttpContext } from '@adonisjs/core/http'
import { CartService } from '#cart/services/cart_service'
import { addCartLineValidator, cartLineParam, updateCartLineValidator } from '#cart/validators/cart'
import { cartResource } from '#cart/transformers/cart_resource'

export default class CartController {
  #cart = new CartService()

  private async show({ auth, market }: HttpContext) {
    return { data: cartResource(await this.#cart.lines(market, auth.use('storefront').getUserOrFail())) }
  }

  async index(ctx: HttpContext) {
    return this.show(ctx)
  }

  async store(ctx: HttpContext) {
    const { sku, quantity } = await ctx.request.validateUsing(addCartLineValidator)
    await this.#cart.add(ctx.market, ctx.auth.use('storefront').getUserOrFail(), sku, quantity)
    ctx.response.status(201)
    return this.show(ctx)
  }

  async update(ctx: HttpContext) {
    const { params, quantity } = await ctx.request.validateUsing(updateCartLineValidator)
    await this.#cart.update(ctx.market, ctx.auth.use('storefront').getUserOrFail(), params.id, quantity)
    return this.show(ctx)
  }

  async destroy(ctx: HttpContext) {
    const { params } = await ctx.request.validateUsing(cartLineParam)
    await this.#cart.remove(ctx.market, ctx.auth.use('storefront').getUserOrFail(), params.id)
    return this.show(ctx)
  }
}
