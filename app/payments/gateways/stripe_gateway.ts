import Stripe from 'stripe'
import type { MarketContext } from '#markets/market_context'
import type { PaymentGateway as GatewayConfig } from '#markets/define_market'
import { WebhookRejectedError, type Gateway, type GatewayEvent, type PaymentRequest } from '#payments/gateways/gateway'
import { fromProviderAmount, toProviderAmount } from '#payments/gateways/provider_amounts'
import { webhookSecrets } from '#http/webhook_secrets'
import { providerKey } from '#payments/gateways/provider_keys'

/** Stripe's own tolerance for a webhook's timestamp is 5 minutes; ours too. */
const TOLERANCE_SECONDS = 300

/**
 * Cards through Stripe PaymentIntents (official SDK). The storefront
 * collects the card with Stripe's SDK and the intent's client secret;
 * Stripe tells Pasar the outcome with a signed event
 * (`stripe.webhooks.constructEvent`). Amounts cross in Stripe's units
 * (provider_amounts.ts); every create and refund carries an idempotency key.
 * `STRIPE_API_BASE` points the SDK elsewhere (tests: a local stand-in).
 */
export class StripeGateway implements Gateway {
  readonly provider = 'stripe'

  client(gateway: GatewayConfig | null) {
    const base = new URL(process.env.STRIPE_API_BASE || 'https://api.stripe.com')
    return new Stripe(providerKey(gateway, 'STRIPE_SECRET_KEY'), {
      protocol: base.protocol.replace(':', '') as 'http' | 'https',
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      maxNetworkRetries: 2,
      timeout: 10_000,
    })
  }

  async createPayment(market: MarketContext, gateway: GatewayConfig, request: PaymentRequest) {
    const intent = await this.client(gateway).paymentIntents.create(
      {
        amount: toProviderAmount('stripe', request.currency, request.amount),
        currency: request.currency.toLowerCase(),
        allowed_payment_method_types: ['card'],
        description: request.description,
        metadata: { pasar_payment: request.paymentId, pasar_checkout: request.checkoutId, pasar_market: market.code },
      },
      { idempotencyKey: request.idempotencyKey }
    )
    return { providerReference: intent.id, action: { type: 'card_form' as const, provider: 'stripe', clientSecret: intent.client_secret ?? '' } }
  }

  async parseWebhook(_market: MarketContext, gateway: GatewayConfig | null, rawBody: string, headers: Record<string, string | undefined>): Promise<GatewayEvent> {
    const signature = headers['stripe-signature']
    if (!signature) throw new WebhookRejectedError('no Stripe-Signature header')
    const stripe = new Stripe('sk_verify_only')
    let event: Stripe.Event | undefined
    let lastError: unknown
    for (const secret of webhookSecrets(gateway?.settings?.webhookSecretEnv ?? 'STRIPE_WEBHOOK_SECRET', 'payments:stripe')) {
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, secret, TOLERANCE_SECONDS)
        break
      } catch (error) {
        lastError = error
      }
    }
    if (!event) throw new WebhookRejectedError(`signature or timestamp not valid (${(lastError as Error)?.message ?? 'no secret'})`)
    if (event.type === 'payment_intent.succeeded' || event.type === 'payment_intent.payment_failed' || event.type === 'payment_intent.canceled') {
      const intent = event.data.object
      const currency = intent.currency.toUpperCase()
      return {
        id: event.id,
        type: event.type === 'payment_intent.succeeded' ? 'payment.captured' : 'payment.failed',
        paymentId: intent.metadata?.pasar_payment,
        providerReference: intent.id,
        amount: fromProviderAmount('stripe', currency, event.type === 'payment_intent.succeeded' ? intent.amount_received : intent.amount),
        currency,
        raw: event,
      }
    }
    return { id: event.id, type: 'other', raw: event }
  }

  async refund(_market: MarketContext, gateway: GatewayConfig, payment: { providerReference: string | null; currency: string }, amount: number, idempotencyKey: string) {
    if (!payment.providerReference) throw new Error('a Stripe refund needs the PaymentIntent id')
    await this.client(gateway).refunds.create(
      { payment_intent: payment.providerReference, amount: toProviderAmount('stripe', payment.currency, amount), reason: 'requested_by_customer' },
      { idempotencyKey }
    )
  }
}
