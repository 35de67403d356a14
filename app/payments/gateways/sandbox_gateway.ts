import { Webhook } from 'standardwebhooks'
import type { MarketContext } from '#markets/market_context'
import type { PaymentGateway as GatewayConfig } from '#markets/define_market'
import { WebhookRejectedError, type Gateway, type GatewayEvent, type PaymentAction, type PaymentRequest } from '#payments/gateways/gateway'
import { webhookSecrets } from '#http/webhook_secrets'

/** What the sandbox sends: the Standard Webhooks envelope of one payment event. */
export interface SandboxEventBody {
  type: GatewayEvent['type']
  data: { paymentId: string; reference: string; amount: number; currency: string }
}

export const sandboxSecrets = (gateway: GatewayConfig | null) => webhookSecrets(gateway?.settings?.webhookSecretEnv ?? 'PAYMENT_SANDBOX_WEBHOOK_SECRET', 'payments:sandbox')

/**
 * The embedded default gateway. Pasar serves its "hosted page"
 * (`/sandbox/pay/:paymentId`, approve or decline); the decision comes back
 * as a webhook signed per Standard Webhooks (webhook-id, webhook-timestamp,
 * webhook-signature; 5-minute tolerance; every configured secret accepted
 * during a rotation), delivered by the worker and retried until a 2xx.
 */
export class SandboxGateway implements Gateway {
  readonly provider = 'sandbox'

  async createPayment(_market: MarketContext, gateway: GatewayConfig, request: PaymentRequest) {
    const page = `/sandbox/pay/${request.paymentId}`
    let action: PaymentAction = { type: 'redirect', url: page }
    if (gateway.method === 'qr') action = { type: 'qr', payload: `SANDBOXQR|${request.paymentId}|${request.currency}|${request.amount}` }
    if (gateway.method === 'virtual_account' || gateway.method === 'bank_transfer') {
      action = { type: 'virtual_account', bank: 'SANDBOX BANK', number: `8808${request.paymentId.slice(-10).replace(/[^0-9]/g, '7').padStart(10, '0')}` }
    }
    return { providerReference: `sbx_${request.paymentId}`, action }
  }

  async parseWebhook(_market: MarketContext, gateway: GatewayConfig | null, rawBody: string, headers: Record<string, string | undefined>): Promise<GatewayEvent> {
    const signed = { 'webhook-id': headers['webhook-id'] ?? '', 'webhook-timestamp': headers['webhook-timestamp'] ?? '', 'webhook-signature': headers['webhook-signature'] ?? '' }
    let body: SandboxEventBody | undefined
    let lastError: unknown
    for (const secret of sandboxSecrets(gateway)) {
      try {
        body = new Webhook(secret).verify(rawBody, signed) as SandboxEventBody
        break
      } catch (error) {
        lastError = error
      }
    }
    if (!body) throw new WebhookRejectedError(`signature or timestamp not valid (${(lastError as Error)?.message ?? 'no secret'})`)
    if (!['payment.captured', 'payment.failed', 'payment.refunded'].includes(body.type) || !body.data?.paymentId) {
      throw new WebhookRejectedError('not a sandbox payment event')
    }
    return { id: signed['webhook-id'], type: body.type, paymentId: body.data.paymentId, providerReference: body.data.reference, amount: body.data.amount, currency: body.data.currency, raw: body }
  }

  async refund() {
    // The sandbox pays back at once; its refund webhooks come with returns.
  }

  /** Signs an event as the sandbox's servers would (the worker sends it). */
  static sign(gateway: GatewayConfig | null, eventId: string, body: SandboxEventBody, at = new Date()) {
    const payload = JSON.stringify(body)
    const [secret] = sandboxSecrets(gateway)
    return {
      payload,
      headers: { 'webhook-id': eventId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(eventId, at, payload) },
    }
  }
}
