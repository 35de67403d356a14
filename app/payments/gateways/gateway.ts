import type { MarketContext } from '#markets/market_context'
import type { PaymentGateway as GatewayConfig } from '#markets/define_market'

/** What the buyer does next to pay. */
export type PaymentAction =
  | { type: 'redirect'; url: string }
  | { type: 'qr'; payload: string }
  | { type: 'virtual_account'; bank: string; number: string }
  /** Card details are collected by the provider's own SDK in the storefront (never by Pasar), which confirms with this secret. */
  | { type: 'card_form'; provider: string; clientSecret: string }
  | { type: 'none' }

export interface PaymentRequest {
  /** Our payment's public id: the provider's reference to us. */
  paymentId: string
  checkoutId: string
  amount: number
  currency: string
  /** Sent as the provider's idempotency key: a retried create never charges twice. */
  idempotencyKey: string
  description: string
}

/** A provider event, verified and in our words. */
export interface GatewayEvent {
  /** The provider's id of the event: applied once. */
  id: string
  /** `other`: genuine, but nothing Pasar acts on (recorded and answered 200). */
  type: 'payment.captured' | 'payment.failed' | 'payment.refunded' | 'other'
  /** Our payment public id, or the provider's reference to find it by. */
  paymentId?: string
  providerReference?: string
  amount?: number
  currency?: string
  raw: unknown
}

export class WebhookRejectedError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'WebhookRejectedError'
  }
}

/**
 * A payment provider as Pasar uses it (DESIGN.md §7). Providers are chosen
 * per market and gateway in the market's file; amounts cross to a provider
 * through its own exponent map (see provider_amounts.ts).
 */
export interface Gateway {
  readonly provider: string
  createPayment(market: MarketContext, gateway: GatewayConfig, request: PaymentRequest): Promise<{ providerReference: string | null; action: PaymentAction }>
  /** Verifies signature and timestamp first; throws WebhookRejectedError for anything not genuine. */
  parseWebhook(market: MarketContext, gateway: GatewayConfig | null, rawBody: string, headers: Record<string, string | undefined>): Promise<GatewayEvent>
  refund(market: MarketContext, gateway: GatewayConfig, payment: { paymentId: string; providerReference: string | null; amount: number; currency: string }, amount: number, idempotencyKey: string): Promise<void>
}
