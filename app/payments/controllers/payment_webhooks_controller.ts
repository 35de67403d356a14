import type { HttpContext } from '@adonisjs/core/http'
import { PaymentService } from '#payments/services/payment_service'
import { providerParam } from '#payments/validators/payments'

/** Gateways call back here; the raw body is what their signatures cover. */
export default class PaymentWebhooksController {
  #payments = new PaymentService()

  async handle(ctx: HttpContext) {
    const { provider } = await providerParam.validate(ctx.params)
    const headers = Object.fromEntries(Object.entries(ctx.request.headers()).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]))
    const result = await this.#payments.applyWebhook(ctx.market, provider, ctx.request.raw() ?? '', headers)
    return { data: result }
  }
}
