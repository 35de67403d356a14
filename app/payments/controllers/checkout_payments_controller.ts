import type { HttpContext } from '@adonisjs/core/http'
import { PaymentService } from '#payments/services/payment_service'
import { checkoutParam, startPaymentValidator } from '#payments/validators/payments'
import { checkoutResource, paymentResource } from '#payments/transformers/checkout_resource'
import { idempotencyKeyValidator } from '#http/idempotency'

export default class CheckoutPaymentsController {
  #payments = new PaymentService()

  async show(ctx: HttpContext) {
    const { params } = await ctx.request.validateUsing(checkoutParam)
    const { orders, payment } = await this.#payments.checkout(ctx.market, ctx.auth.use('storefront').getUserOrFail(), params.id)
    return { data: checkoutResource(ctx.market, params.id, orders, payment) }
  }

  async store(ctx: HttpContext) {
    const buyer = ctx.auth.use('storefront').getUserOrFail()
    const { 'idempotency-key': key } = await idempotencyKeyValidator.validate({ 'idempotency-key': ctx.request.header('idempotency-key') })
    const { params, gateway } = await ctx.request.validateUsing(startPaymentValidator)
    const { paymentId } = await this.#payments.start(ctx.market, buyer, params.id, { gateway }, key)
    return ctx.response.created({ data: paymentResource(ctx.market, await this.#payments.findByPublicId(ctx.market, paymentId)) })
  }
}
