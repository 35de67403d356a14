import type { HttpContext } from '@adonisjs/core/http'
import { ReturnService } from '#returns/services/return_service'
import { openReturnValidator, returnIdParam } from '#returns/validators/returns'
import { returnResource } from '#returns/transformers/return_resource'
import { orderNumberParam } from '#orders/validators/checkout'

/** The buyer's side of a return: ask for one, follow it. */
export default class ReturnsController {
  #returns = new ReturnService()

  async store(ctx: HttpContext) {
    const { number } = await orderNumberParam.validate(ctx.params)
    const input = await ctx.request.validateUsing(openReturnValidator)
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const id = await this.#returns.open(ctx.market, buyer, number, input)
    return ctx.response.created({ data: returnResource(ctx.market, await this.#returns.forBuyer(ctx.market, buyer.id, id)) })
  }

  async show(ctx: HttpContext) {
    const { id } = await returnIdParam.validate(ctx.params)
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    return { data: returnResource(ctx.market, await this.#returns.forBuyer(ctx.market, buyer.id, id)) }
  }
}
