import { timingSafeEqual } from 'node:crypto'
import { Xendit } from 'xendit-node'
import type { PaymentRequestParameters } from 'xendit-node/payment_request/models/index.js'
import type { MarketContext } from '#markets/market_context'
import type { PaymentGateway as GatewayConfig } from '#markets/define_market'
import { WebhookRejectedError, type Gateway, type GatewayEvent, type PaymentAction, type PaymentRequest } from '#payments/gateways/gateway'
import { fromProviderAmount, toProviderAmount } from '#payments/gateways/provider_amounts'
import { providerKey } from '#payments/gateways/provider_keys'

/** What Xendit posts for a Payment Request (snake_case, as its API speaks). */
interface XenditCallback {
  event: string
  business_id?: string
  created?: string
  data: { id: string; payment_request_id?: string; reference_id: string; amount: number; currency: string; status: string; failure_code?: string }
}

const same = (a: string, b: string) => {
  const [left, right] = [Buffer.from(a), Buffer.from(b)]
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Virtual accounts, e-wallets and QRIS through Xendit Payment Requests
 * (official `xendit-node` SDK), for ID and PH. The market file names the
 * channel (`settings.channelCode`: BCA, QRIS, OVO, GCASH, PAYMAYA...).
 * Callbacks are verified by their `x-callback-token` (the token the
 * dashboard shows, in `settings.callbackTokenEnv`; two accepted during a
 * rotation) before anything else. Amounts cross in Xendit's units (whole
 * rupiah); every create and refund carries an idempotency key.
 * `XENDIT_API_BASE` points the SDK elsewhere (tests: a local stand-in).
 */
export class XenditGateway implements Gateway {
  readonly provider = 'xendit'

  client(gateway: GatewayConfig | null) {
    return new Xendit({ secretKey: providerKey(gateway, 'XENDIT_SECRET_KEY'), xenditURL: process.env.XENDIT_API_BASE || undefined })
  }

  async createPayment(market: MarketContext, gateway: GatewayConfig, request: PaymentRequest) {
    const channelCode = gateway.settings?.channelCode
    if (!channelCode) throw new Error(`gateway ${gateway.id} names no Xendit channelCode`)
    const expiresAt = new Date(Date.now() + market.config.payments.paymentWindowMinutes * 60_000)
    const method: PaymentRequestParameters['paymentMethod'] =
      gateway.method === 'virtual_account'
        ? { type: 'VIRTUAL_ACCOUNT', reusability: 'ONE_TIME_USE', virtualAccount: { channelCode: channelCode as any, channelProperties: { customerName: 'Pasar buyer', expiresAt } } }
        : gateway.method === 'qr'
          ? { type: 'QR_CODE', reusability: 'ONE_TIME_USE', qrCode: { channelCode: channelCode as any, channelProperties: { expiresAt } } }
          : { type: 'EWALLET', reusability: 'ONE_TIME_USE', ewallet: { channelCode: channelCode as any, channelProperties: { successReturnUrl: `https://${market.config.domains[0]}/checkouts/${request.checkoutId}` } } }
    const created = await this.client(gateway).PaymentRequest.createPaymentRequest({
      idempotencyKey: request.idempotencyKey,
      data: {
        referenceId: request.paymentId,
        amount: toProviderAmount('xendit', request.currency, request.amount),
        currency: request.currency as any,
        description: request.description,
        metadata: { pasar_checkout: request.checkoutId, pasar_market: market.code },
        paymentMethod: method,
      },
    })
    let action: PaymentAction = { type: 'none' }
    const va = created.paymentMethod?.virtualAccount?.channelProperties?.virtualAccountNumber
    const qr = created.paymentMethod?.qrCode?.channelProperties?.qrString
    const url = created.actions?.find((candidate) => candidate.url)?.url
    if (va) action = { type: 'virtual_account', bank: channelCode, number: va }
    else if (qr) action = { type: 'qr', payload: qr }
    else if (url) action = { type: 'redirect', url }
    return { providerReference: created.id, action }
  }

  async parseWebhook(_market: MarketContext, gateway: GatewayConfig | null, rawBody: string, headers: Record<string, string | undefined>): Promise<GatewayEvent> {
    const token = headers['x-callback-token'] ?? ''
    const envName = gateway?.settings?.callbackTokenEnv ?? 'XENDIT_CALLBACK_TOKEN'
    const accepted = (process.env[envName] ?? '').split(/[\s,]+/).filter(Boolean)
    if (accepted.length === 0) throw new WebhookRejectedError(`${envName} is not set`)
    if (!accepted.some((candidate) => same(candidate, token))) throw new WebhookRejectedError('callback token not valid')
    let body: XenditCallback
    try {
      body = JSON.parse(rawBody)
    } catch {
      throw new WebhookRejectedError('not JSON')
    }
    if (!body?.data?.id || typeof body.event !== 'string') throw new WebhookRejectedError('not a Xendit payment callback')
    // Xendit retries a callback with the same webhook-id; older callbacks have none, so event and payment id name it.
    const id = headers['webhook-id'] ?? `${body.event}:${body.data.id}`
    const currency = String(body.data.currency)
    const base = { id, paymentId: body.data.reference_id, providerReference: body.data.payment_request_id ?? body.data.id, currency, raw: body }
    if (body.event === 'payment.succeeded' || body.event === 'payment.capture') return { ...base, type: 'payment.captured', amount: fromProviderAmount('xendit', currency, body.data.amount) }
    if (body.event === 'payment.failed') return { ...base, type: 'payment.failed', amount: fromProviderAmount('xendit', currency, body.data.amount) }
    return { ...base, type: 'other' }
  }

  async refund(_market: MarketContext, gateway: GatewayConfig, payment: { paymentId: string; providerReference: string | null; currency: string }, amount: number, idempotencyKey: string) {
    await this.client(gateway).Refund.createRefund({
      idempotencyKey,
      data: { paymentRequestId: payment.providerReference ?? undefined, referenceId: idempotencyKey, amount: toProviderAmount('xendit', payment.currency, amount), currency: payment.currency, reason: 'CANCELLATION' },
    })
  }
}
