import env from '#start/env'
import { postWithHost } from '#http/outbound'
import type { ConsumerDefinition } from '#messaging/consumer'
import { SandboxGateway } from '#payments/gateways/sandbox_gateway'

/** Where the sandbox delivers its webhooks: this deployment's own web process. */
function webhookBase() {
  return env.get('SANDBOX_WEBHOOK_URL') ?? `http://127.0.0.1:${env.get('PORT', 3333)}`
}

/**
 * The sandbox gateway's servers: a decision taken on its hosted page
 * becomes a webhook signed per Standard Webhooks, POSTed to Pasar. Until
 * Pasar answers 2xx the message fails and goes round the retry queue (then
 * parks, for a human). The event id is the decision's, so a webhook sent
 * twice is applied once.
 */
export const sandboxWebhooks: ConsumerDefinition = {
  name: 'payments.sandbox-webhooks',
  bindings: ['*.payments.sandbox_decided'],
  maxAttempts: 10,
  retryDelayMs: 1000,
  async handle(envelope, market) {
    const { payment: paymentId, outcome, eventId } = envelope.data as { payment: string; outcome: 'approved' | 'declined'; eventId: string }
    const payment = await market.table('payments').where('public_id', paymentId).first()
    if (!payment) return
    const gateway = market.config.payments.gateways.find((candidate) => candidate.id === payment.gateway) ?? null
    const { payload, headers } = SandboxGateway.sign(gateway, eventId, {
      type: outcome === 'approved' ? 'payment.captured' : 'payment.failed',
      data: { paymentId, reference: payment.provider_reference, amount: Number(payment.amount), currency: payment.currency },
    })
    const host = market.config.domains.find((domain) => domain.endsWith('.localhost')) ?? market.config.domains[0]
    const response = await postWithHost(new URL('/api/v1/payments/sandbox/webhook', webhookBase()), { 'content-type': 'application/json', host, ...headers }, payload)
    if (response.status < 200 || response.status >= 300) throw new Error(`Pasar answered the sandbox webhook ${response.status}: ${response.body.slice(0, 200)}`)
  },
}
