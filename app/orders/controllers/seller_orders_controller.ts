import type { HttpContext } from '@adonisjs/core/http'
import { FulfilmentService } from '#orders/services/fulfilment_service'
import { OrderService } from '#orders/services/order_service'
import { ShipmentService } from '#logistics/services/shipment_service'
import { orderResource } from '#orders/transformers/order_resource'
import { shipmentResource } from '#logistics/transformers/shipment_resource'
import { orderNumberParam } from '#orders/validators/checkout'
import { sellerCancelValidator, sellerOrdersQuery, shipOrderValidator } from '#orders/validators/fulfilment'
import { idFromCursor, nextIdCursor } from '#http/pagination'
import { sellerShop } from '#identity/seller_shop'

/** A seller's orders: what to ship, and the shipments booked. */
export default class SellerOrdersController {
  #fulfilment = new FulfilmentService()
  #orders = new OrderService()
  #shipments = new ShipmentService()

  async index(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { status, limit = 20, cursor } = await sellerOrdersQuery.validate(ctx.request.qs())
    const rows = await this.#fulfilment.sellerOrders(ctx.market, shop, { status, limit, beforeId: idFromCursor(cursor) })
    const page = rows.slice(0, limit)
    return {
      data: await Promise.all(page.map(async (order) => orderResource(ctx.market, await this.#orders.parts(ctx.market, order)))),
      meta: { nextCursor: nextIdCursor(rows, limit) },
    }
  }

  async show(ctx: HttpContext) {
    const { shop } = await sellerShop(ctx)
    const { number } = await orderNumberParam.validate(ctx.params)
    const order = await this.#fulfilment.forSeller(ctx.market, shop, number)
    const tracking = await this.#shipments.forOrder(ctx.market, order.id)
    return { data: { ...orderResource(ctx.market, await this.#orders.parts(ctx.market, order)), shipment: tracking ? shipmentResource(ctx.market, tracking) : null } }
  }

  async ship(ctx: HttpContext) {
    const { shop, seller } = await sellerShop(ctx)
    const { params, pickup } = await ctx.request.validateUsing(shipOrderValidator, { meta: { market: ctx.market } })
    await this.#fulfilment.ship(ctx.market, shop, seller, params.number, pickup?.date ?? null)
    const order = await this.#fulfilment.forSeller(ctx.market, shop, params.number)
    const tracking = await this.#shipments.forOrder(ctx.market, order.id)
    return ctx.response.created({ data: shipmentResource(ctx.market, tracking!) })
  }

  async cancel(ctx: HttpContext) {
    const { shop, seller } = await sellerShop(ctx)
    const { params, reason, note } = await ctx.request.validateUsing(sellerCancelValidator)
    await this.#fulfilment.sellerCancel(ctx.market, shop, seller, params.number, note ? `${reason}: ${note}` : reason)
    return { data: orderResource(ctx.market, await this.#orders.parts(ctx.market, await this.#fulfilment.forSeller(ctx.market, shop, params.number))) }
  }
}
