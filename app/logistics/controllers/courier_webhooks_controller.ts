import type { HttpContext } from '@adonisjs/core/http'
import { ShipmentService } from '#logistics/services/shipment_service'
import { webhookRequest } from '#http/webhook_request'

/** Couriers post tracking here, verified before anything else. */
export default class CourierWebhooksController {
  #shipments = new ShipmentService()

  async handle(ctx: HttpContext) {
    const { provider, rawBody, headers } = await webhookRequest(ctx)
    return { data: await this.#shipments.applyTracking(ctx.market, provider, rawBody, headers) }
  }
}
