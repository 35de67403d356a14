import type { HttpContext } from '@adonisjs/core/http'
import { FulfilmentService } from '#orders/services/fulfilment_service'
import { OrderService } from '#orders/services/order_service'
import { ShipmentService } from '#logistics/services/shipment_service'
import { orderResource } from '#orders/transformers/order_resource'
import { shipmentResource } from '#logistics/transformers/shipment_resource'
import { orderNumberParam } from '#orders/validators/checkout'
import { emptyBodyValidator } from '#http/empty_body'
import { NotFoundError } from '#exceptions/not_found_error'

/** The buyer's side of delivery: where the parcel is, and the end of the escrow. */
export default class OrderFulfilmentController {
  #fulfilment = new FulfilmentService()
  #orders = new OrderService()
  #shipments = new ShipmentService()

  async tracking(ctx: HttpContext) {
    const { number } = await orderNumberParam.validate(ctx.params)
    const order = await this.#orders.forBuyer(ctx.market, ctx.auth.use('storefront').getUserOrFail(), number)
    const tracking = await this.#shipments.forOrder(ctx.market, order.id)
    if (!tracking) throw new NotFoundError('shipment')
    return { data: shipmentResource(ctx.market, tracking) }
  }

  async confirmReceipt(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const { number } = await orderNumberParam.validate(ctx.params)
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    await this.#fulfilment.confirmReceipt(ctx.market, buyer, number)
    return { data: orderResource(ctx.market, await this.#orders.parts(ctx.market, await this.#orders.forBuyer(ctx.market, buyer, number))) }
  }

  async extendGuarantee(ctx: HttpContext) {
    await ctx.request.validateUsing(emptyBodyValidator)
    const { number } = await orderNumberParam.validate(ctx.params)
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    await this.#fulfilment.extendGuarantee(ctx.market, buyer, number)
    return { data: orderResource(ctx.market, await this.#orders.parts(ctx.market, await this.#orders.forBuyer(ctx.market, buyer, number))) }
  }
}
