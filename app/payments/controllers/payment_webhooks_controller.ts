import type { HttpContext } from '@adonisjs/core/http'
import { PaymentService } from '#payments/services/payment_service'
import { webhookRequest } from '#http/webhook_request'

/** Gateways call back here, verified before anything else. */
export default class PaymentWebhooksController {
  #payments = new PaymentService()

  async handle(ctx: HttpContext) {
    const { provider, rawBody, headers } = await webhookRequest(ctx)
    return { data: await this.#payments.applyWebhook(ctx.market, provider, rawBody, headers) }
  }
}
