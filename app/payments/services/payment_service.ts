import { requestHash } from '#http/idempotency'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import type Account from '#identity/models/account'
import type { PaymentGateway as GatewayConfig } from '#markets/define_market'
import { OrderService } from '#orders/services/order_service'
import { EscrowService, escrowOrderOf } from '#escrow/services/escrow_service'
import { Accounts, type AccountSpec } from '#escrow/ledger_accounts'
import { Outbox } from '#messaging/services/outbox'
import { gatewayProvider, providerFor } from '#payments/gateways/gateways'
import { WebhookRejectedError, type GatewayEvent } from '#payments/gateways/gateway'
import { fieldError } from '#exceptions/field_error'
import { NotFoundError } from '#exceptions/not_found_error'
import { DomainError } from '#exceptions/domain_error'
import { TaxJournal } from '#tax/services/tax_journal'

export class NothingToPayError extends DomainError {
  static status = 409
  static code = 'E_NOTHING_TO_PAY'
  constructor(checkoutId: string) {
    super(`Checkout ${checkoutId} has no order waiting for payment`, { checkout: checkoutId })
  }
}

export class WebhookSignatureError extends DomainError {
  static status = 400
  static code = 'E_WEBHOOK_REJECTED'
  constructor(reason: string) {
    super(`Webhook rejected: ${reason}`, { reason })
  }
}

export class ProviderUnavailableError extends DomainError {
  static status = 503
  static code = 'E_DEPENDENCY_UNAVAILABLE'
  constructor(provider: string, cause?: unknown) {
    super(`The payment provider ${provider} did not answer`, { dependency: provider }, { details: { dependency: provider }, headers: { 'Retry-After': '5' }, cause })
  }
}

export class RefundExceedsError extends DomainError {
  static status = 409
  static code = 'E_REFUND_EXCEEDS_CAPTURED'
  constructor(number: string, refundable: number) {
    super(`Order ${number} has only ${refundable} left to refund`, { number, refundable }, { details: { refundable } })
  }
}

/** Failed gateway refunds are sent again by the worker this many times, then left to support (logged). */
const REFUND_ATTEMPTS = 10

export type PaymentStatus = 'pending' | 'authorized' | 'captured' | 'failed' | 'expired' | 'superseded' | 'refunded' | 'partially_refunded'

/** Where a payment may go from each status: a late, duplicate or out-of-order event never moves it back. */
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['authorized', 'captured', 'failed', 'expired', 'superseded'],
  authorized: ['captured', 'failed', 'expired'],
  // Money that arrived is never lost: a capture after a failure, an expiry or a newer attempt is still recorded (and refunded if nothing is left to pay).
  failed: ['captured'],
  expired: ['captured'],
  superseded: ['captured'],
  captured: ['refunded', 'partially_refunded'],
  partially_refunded: ['refunded', 'partially_refunded'],
  refunded: [],
}

/**
 * Paying a checkout (DESIGN.md §7): one payment for all of its orders,
 * started with the market's default gateway or a chosen one, and captured
 * only by a verified webhook (never by the buyer's redirect back). Each
 * provider event is applied once, in the transaction that records it.
 */
export class PaymentService {
  #journal = new TaxJournal()
  #orders = new OrderService()
  #escrow = new EscrowService()

  gatewayConfig(market: MarketContext, id: string, field = 'gateway'): GatewayConfig {
    const gateway = market.config.payments.gateways.find((candidate) => candidate.id === id)
    if (!gateway) throw fieldError(field, 'exists', `${field} "${id}" is not a payment gateway of ${market.code}`)
    return gateway
  }

  /**
   * Starts (or restarts with another gateway) the payment of a checkout's
   * unpaid orders. Idempotent by key: the same key and body answer the
   * same payment; a key reused for another body is a 422.
   */
  async start(market: MarketContext, buyer: Account, checkoutId: string, input: { gateway?: string }, idempotencyKey: string) {
    const hash = requestHash({ route: 'checkout.payments', checkoutId, ...input })
    return market.transaction(async (market) => {
      const orders = await this.#orders.checkoutOrders(market, checkoutId, { buyerId: buyer.id, lock: true })
      if (orders.length === 0) throw new NotFoundError('checkout')
      const stored = await market.table('idempotency_keys').where('buyer_id', buyer.id).where('idempotency_key', idempotencyKey).first()
      if (stored) {
        if (stored.request_hash !== hash) throw fieldError('Idempotency-Key', 'idempotencyReused', 'Idempotency-Key was used with a different request')
        return JSON.parse(stored.response_body) as { paymentId: string }
      }
      const payable = orders.filter((order) => order.status === 'pending_payment')
      if (payable.length === 0) throw new NothingToPayError(checkoutId)
      const gateway = this.gatewayConfig(market, input.gateway ?? payable[0].payment_gateway)
      if (gateway.enabled === false) throw fieldError('gateway', 'exists', `gateway "${gateway.id}" is switched off in ${market.code}: choose another`)
      const provider = providerFor(gateway)
      if (!provider) throw fieldError('gateway', 'provider', `gateway "${gateway.id}" is not available in this deployment (its provider has no API key)`)
      const amount = payable.reduce((sum, order) => sum + Number(order.total), 0)
      if (gateway.settings?.maxAmount !== undefined && amount > gateway.settings.maxAmount) {
        throw fieldError('gateway', 'maxAmount', `gateway: ${gateway.name} takes payments up to its maximum amount`)
      }
      if (gateway.method === 'cod') {
        const couriers = new Set(payable.map((order) => order.courier_id))
        for (const courierId of couriers) {
          const courier = market.config.couriers.list.find((candidate) => candidate.id === courierId)
          if (!courier?.supportsCod) throw fieldError('gateway', 'cod', `gateway: ${courierId} does not collect cash on delivery`)
        }
      }

      await market.table('payments').where('checkout_id', checkoutId).whereIn('status', ['pending', 'authorized']).update({ status: 'superseded', updated_at: new Date() })
      const publicId = market.publicId()
      const paymentRowId = await market.insert('payments', {
        public_id: publicId,
        checkout_id: checkoutId,
        buyer_id: buyer.id,
        order_numbers: JSON.stringify(payable.map((order) => order.number)),
        gateway: gateway.id,
        // The provider that really takes it (the sandbox, where it stands in).
        provider: provider.provider,
        method: gateway.method,
        status: 'pending',
        amount,
        currency: market.currency,
        config_revision: market.revision,
        created_at: new Date(),
        updated_at: new Date(),
      })
      if (gateway.method === 'cod') {
        const created = await provider.createPayment(market, gateway, { paymentId: publicId, checkoutId, amount, currency: market.currency, idempotencyKey: publicId, description: '' })
        await market.table('payments').where('id', paymentRowId).update({ action: JSON.stringify(created.action) })
      }
      if (gateway.method === 'cod') {
        // Nothing to pay now: the orders go to the seller to ship, paid on delivery.
        for (const order of payable) await this.#orders.confirmCashOnDelivery(market, order.number, { type: 'buyer', id: buyer.publicId })
      }
      await Outbox.record(market, { domain: 'payments', name: 'started', correlationId: checkoutId, data: { payment: publicId, checkoutId, gateway: gateway.id, amount, currency: market.currency } })
      const answer = { paymentId: publicId }
      await market.insert('idempotency_keys', {
        buyer_id: buyer.id,
        idempotency_key: idempotencyKey,
        request_hash: hash,
        response_status: 201,
        response_body: JSON.stringify(answer),
        created_at: new Date(),
      })
      return answer
    }).then(async (answer) => {
      await this.requestAtProvider(market, answer.paymentId)
      return answer
    })
  }

  /**
   * Asks the provider for the payment (outside the transaction: no order
   * row stays locked while a provider answers). Idempotent by the payment's
   * id, so a retry of the buyer's request, with the same Idempotency-Key,
   * completes a payment whose provider call failed before.
   */
  private async requestAtProvider(market: MarketContext, paymentId: string) {
    const payment = await this.findByPublicId(market, paymentId)
    if (payment.action || payment.status !== 'pending') return
    const gateway = this.gatewayConfig(market, payment.gateway)
    const provider = gatewayProvider(payment.provider)!
    let created
    try {
      created = await provider.createPayment(market, gateway, {
        paymentId,
        checkoutId: payment.checkout_id,
        amount: Number(payment.amount),
        currency: payment.currency,
        idempotencyKey: paymentId,
        description: `Pasar ${market.code} checkout ${payment.checkout_id}`,
      })
    } catch (error) {
      logger.warn({ err: error, market: market.code, payment: paymentId, provider: payment.provider }, 'payment provider did not take the payment; a retry with the same Idempotency-Key tries again')
      throw new ProviderUnavailableError(payment.provider, error)
    }
    await market.table('payments').where('id', payment.id).whereNull('action').update({ provider_reference: created.providerReference, action: JSON.stringify(created.action), updated_at: new Date() })
  }

  async findByPublicId(market: MarketContext, publicId: string) {
    const payment = await market.table('payments').where('public_id', publicId).first()
    if (!payment) throw new NotFoundError('payment')
    return payment
  }

  /** Support's view of an order's money: every payment of its checkout (newest first) and the order's refunds. */
  async forOrder(market: MarketContext, order: { number: string; checkout_id: string }) {
    const payments = await market.table('payments').where('checkout_id', order.checkout_id).orderBy('id', 'desc')
    const refunds = await market.table('refunds').where('order_number', order.number).orderBy('id')
    return { payments, refunds }
  }

  /** The checkout as its buyer sees it: orders, what is left to pay, the latest payment and its next action. */
  async checkout(market: MarketContext, buyer: Account, checkoutId: string) {
    const orders = await this.#orders.checkoutOrders(market, checkoutId, { buyerId: buyer.id })
    if (orders.length === 0) throw new NotFoundError('checkout')
    const payment = await market.table('payments').where('checkout_id', checkoutId).orderBy('id', 'desc').first()
    return { orders, payment: payment ?? null }
  }

  /**
   * A provider's webhook: verified before anything else (400 otherwise),
   * then applied once per provider event id, in one transaction with its
   * effect. Answers what happened (a replay is `duplicate`, changing nothing).
   */
  async applyWebhook(market: MarketContext, provider: string, rawBody: string, headers: Record<string, string | undefined>) {
    const gateway = gatewayProvider(provider)
    if (!gateway) throw new NotFoundError('payment_provider')
    const config = market.config.payments.gateways.find((candidate) => candidate.provider === provider) ?? null
    let event: GatewayEvent
    try {
      event = await gateway.parseWebhook(market, config, rawBody, headers)
    } catch (error) {
      if (error instanceof WebhookRejectedError) throw new WebhookSignatureError(error.message)
      throw error
    }
    const refunds: number[] = []
    const outcome = await market.transaction(async (market) => {
      try {
        await market.insert('payment_events', { provider, provider_event_id: event.id, type: event.type, payload: JSON.stringify(event.raw), outcome: 'received', received_at: new Date() })
      } catch (error) {
        if ((error as { code?: string }).code === 'ER_DUP_ENTRY') return 'duplicate'
        throw error
      }
      if (event.type === 'other') {
        await market.table('payment_events').where('provider', provider).where('provider_event_id', event.id).update({ outcome: 'ignored' })
        return 'ignored'
      }
      const query = market.table('payments').forUpdate()
      if (event.paymentId) query.where('public_id', event.paymentId)
      else query.where('provider', provider).where('provider_reference', event.providerReference ?? '')
      const payment = await query.first()
      // A provider speaks only of its own payments.
      const result = payment && payment.provider === provider ? await this.apply(market, payment, event, refunds) : 'unknown_payment'
      await market.table('payment_events').where('provider', provider).where('provider_event_id', event.id).update({ outcome: result, payment_id: payment?.id ?? null })
      return result
    })
    // Money back to the buyer once the decision is committed (the gateway call is idempotent by key).
    await market.afterCommit(() => this.sendRefunds(market, refunds))
    return { event: event.id, outcome }
  }

  /**
   * An order cancelled or refunded before release (not shipped in time,
   * cancelled by its buyer, returned to its seller): the money it holds in
   * escrow goes back through the gateway that took it. Once per order, by
   * the ledger's key; the gateway call follows the commit.
   */
  async refundOrder(market: MarketContext, number: string) {
    const refund = await market.transaction(async (market) => {
      // The payment whose money is in the order (not a copy refunded at capture).
      const { payment } = await this.refundable(market, number, { lock: true })
      const held = await this.#escrow.escrowHeld(market, number)
      if (!payment || payment.method === 'cod' || held <= 0) return null
      const { created } = await this.#escrow.refundBeforeRelease(market, { number, total: held }, payment.gateway)
      if (!created) return null
      const refundId = await this.recordRefund(market, payment, { key: `refund:${number}`, orderNumber: number, amount: held, destination: 'gateway' })
      // The whole order goes back: every line leaves the tax of the period it is refunded in.
      const order = await market.table('orders').where('number', number).select('id').first()
      if (order) await this.#journal.refundAll(market, Number(order.id), `refund:${number}`, new Date())
      const refunded = Number(payment.refunded_amount ?? 0) + held
      await market
        .table('payments')
        .where('id', payment.id)
        .update({ status: refunded >= Number(payment.amount) ? 'refunded' : 'partially_refunded', refunded_amount: refunded, updated_at: new Date() })
      await Outbox.record(market, { domain: 'payments', name: 'refunded', correlationId: payment.checkout_id, data: { payment: payment.public_id, order: number, amount: held } })
      return { id: refundId, amount: held }
    })
    // After the commit (the consumer's, when a consumer refunds): money never leaves for a refund that did not happen.
    if (refund?.id) await market.afterCommit(() => this.sendRefunds(market, [refund.id!]))
    return refund?.amount ?? 0
  }

  /**
   * The courier collected the cash of a COD order at the door: it lands in
   * the order's escrow (once), and the checkout's payment is captured when
   * the cash of all its orders is in.
   */
  async cashCollected(market: MarketContext, number: string, amount: number) {
    await market.transaction(async (market) => {
      const order = await market.table('orders as o').join('shops as s', 's.id', 'o.shop_id').where('o.number', number).select('o.*', 's.public_id as shop_public_id').first()
      if (!order) return
      if (amount !== Number(order.total)) logger.error({ market: market.code, order: number, amount, total: Number(order.total) }, 'courier collected another amount than the order total; escrow takes the order total, the courier owes the difference')
      await this.#escrow.codCollected(market, escrowOrderOf(order))
      const payment = await market.table('payments').whereRaw('JSON_CONTAINS(order_numbers, ?)', [JSON.stringify(number)]).where('method', 'cod').where('status', 'pending').forUpdate().first()
      if (!payment) return
      const numbers = (typeof payment.order_numbers === 'string' ? JSON.parse(payment.order_numbers) : payment.order_numbers) as string[]
      const collected = await market.table('ledger_transfers').whereIn('transfer_key', numbers.map((candidate) => `cod:${candidate}`)).count('* as n').first()
      if (Number(collected?.n) === numbers.length) {
        await market.table('payments').where('id', payment.id).update({ status: 'captured', captured_at: new Date(), updated_at: new Date() })
        await Outbox.record(market, { domain: 'payments', name: 'captured', correlationId: payment.checkout_id, data: { payment: payment.public_id, checkoutId: payment.checkout_id, amount: Number(payment.amount), refunded: 0 } })
      }
    })
  }

  /**
   * What is left to refund of an order: what its payment captured for it,
   * less every refund recorded for it (sent or not yet), read under the
   * payment's row lock by the caller's transaction.
   */
  async refundable(market: MarketContext, orderNumber: string, options: { lock?: boolean } = {}) {
    const order = await market.table('orders').where('number', orderNumber).select('total', 'checkout_id', 'status').first()
    if (!order) return { payment: null, refundable: 0 }
    // The checkout's payments only (indexed): the lock never reaches other checkouts' rows.
    const query = market
      .table('payments')
      .where('checkout_id', order.checkout_id)
      .whereRaw('JSON_CONTAINS(order_numbers, ?)', [JSON.stringify(orderNumber)])
      .whereIn('status', ['captured', 'partially_refunded', 'refunded', 'pending'])
      .orderByRaw("FIELD(status, 'captured', 'partially_refunded', 'pending', 'refunded')")
      .orderBy('id', 'desc')
    if (options.lock) query.forUpdate()
    const candidates = await query
    // The payment whose money is in the order: captured (a later copy was refunded at capture), or COD whose cash for this order came in.
    let payment = candidates.find((row) => row.status !== 'pending' && row.method !== 'cod') ?? null
    if (!payment) {
      const cod = candidates.find((row) => row.method === 'cod')
      if (cod && (await market.table('ledger_transfers').where('transfer_key', `cod:${orderNumber}`).select('id').first())) payment = cod
    }
    if (!payment) return { payment: null, refundable: 0 }
    const refunded = await market.table('refunds').where('order_number', orderNumber).where('payment_id', payment.id).sum('amount as total').first()
    const left = Number(order.total) - Number(refunded?.total ?? 0)
    const refundable = Math.max(0, payment.method === 'cod' ? left : Math.min(left, Number(payment.amount) - Number(payment.refunded_amount ?? 0)))
    return { payment, refundable }
  }

  /**
   * A return's refund (decided by the returns domain, in its transaction):
   * checked against what is refundable under the payment's row lock (so
   * parallel decisions cannot refund twice), booked in the ledger by `post`
   * towards the gateway's clearing account or, for cash on delivery, the
   * buyer's platform wallet, recorded once by its key, and sent to the
   * gateway after the commit.
   */
  async refundForReturn(market: MarketContext, input: { orderNumber: string; buyerPublicId: string; amount: number; key: string; returnId: string; post: (to: AccountSpec) => Promise<unknown> }) {
    return market.transaction(async (market) => {
      const { payment, refundable } = await this.refundable(market, input.orderNumber, { lock: true })
      if (!payment) throw new RefundExceedsError(input.orderNumber, 0)
      if (await market.table('refunds').where('refund_key', input.key).first()) return { destination: null, created: false }
      if (input.amount > refundable) throw new RefundExceedsError(input.orderNumber, refundable)
      const destination = payment.method === 'cod' ? ('wallet' as const) : ('gateway' as const)
      await input.post(destination === 'wallet' ? Accounts.buyerWallet(input.buyerPublicId) : Accounts.gatewayClearing(payment.gateway))
      const id = await this.recordRefund(market, payment, { key: input.key, orderNumber: input.orderNumber, amount: input.amount, destination, returnId: input.returnId })
      const refunded = Number(payment.refunded_amount ?? 0) + input.amount
      const status = payment.status === 'pending' ? 'pending' : refunded >= Number(payment.amount) ? 'refunded' : 'partially_refunded'
      await market.table('payments').where('id', payment.id).update({ status, refunded_amount: refunded, updated_at: new Date() })
      await Outbox.record(market, { domain: 'payments', name: 'refunded', correlationId: payment.checkout_id, data: { payment: payment.public_id, order: input.orderNumber, amount: input.amount, return: input.returnId, destination } })
      if (id && destination === 'gateway') await market.afterCommit(() => this.sendRefunds(market, [id]))
      return { destination, created: true }
    })
  }

  /** A refund decided: one row per key (null when it was recorded before). A wallet refund is settled at once. */
  private async recordRefund(market: MarketContext, payment: Record<string, any>, input: { key: string; orderNumber: string; amount: number; destination: 'gateway' | 'wallet'; returnId?: string }) {
    try {
      return await market.insert('refunds', {
        public_id: market.publicId(),
        refund_key: input.key,
        order_number: input.orderNumber,
        payment_id: payment.id,
        return_public_id: input.returnId ?? null,
        destination: input.destination,
        amount: input.amount,
        currency: payment.currency,
        status: input.destination === 'wallet' ? 'settled' : 'pending',
        created_at: new Date(),
        updated_at: new Date(),
      })
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY') return null
      throw error
    }
  }

  /**
   * Sends committed refunds to their gateway (idempotent at the provider by
   * the refund's key): `sent` once the provider took it, `failed` with the
   * error otherwise, for the worker to send again (retryRefunds).
   */
  async sendRefunds(context: MarketContext, ids: number[]) {
    // Called after a commit: never on the finished transaction.
    const market = context.outside()
    for (const id of ids) {
      const refund = await market.table('refunds').where('id', id).whereIn('status', ['pending', 'failed']).first()
      if (!refund) continue
      const payment = await market.table('payments').where('id', refund.payment_id).first()
      const provider = gatewayProvider(payment.provider)
      try {
        await provider!.refund(market, this.gatewayConfig(market, payment.gateway), { paymentId: payment.public_id, providerReference: payment.provider_reference, amount: Number(payment.amount), currency: payment.currency }, Number(refund.amount), refund.refund_key)
        await market.table('refunds').where('id', id).update({ status: 'sent', attempts: Number(refund.attempts) + 1, last_error: null, updated_at: new Date() })
      } catch (error) {
        const attempts = Number(refund.attempts) + 1
        await market.table('refunds').where('id', id).update({ status: 'failed', attempts, last_error: String((error as Error).message).slice(0, 500), updated_at: new Date() })
        const log = attempts >= REFUND_ATTEMPTS ? logger.error.bind(logger) : logger.warn.bind(logger)
        log({ err: error, market: market.code, refund: refund.public_id, attempts }, attempts >= REFUND_ATTEMPTS ? 'gateway refund failed for the last time: owed in the ledger, for support to settle' : 'gateway refund failed; the worker sends it again')
      }
    }
  }

  /** The worker's retry of refunds the gateway did not take (or never got, after a crash between commit and call). */
  async retryRefunds(market: MarketContext, now = new Date(), batch = 50) {
    const due = await market
      .table('refunds')
      .whereIn('status', ['pending', 'failed'])
      .where('destination', 'gateway')
      .where('attempts', '<', REFUND_ATTEMPTS)
      .where('updated_at', '<', new Date(now.getTime() - 60_000))
      .orderBy('id')
      .limit(batch)
      .select('id')
    await this.sendRefunds(market, due.map((row) => Number(row.id)))
    return due.length
  }

  private async apply(market: MarketContext, payment: Record<string, any>, event: GatewayEvent, refunds: number[]) {
    if (event.amount !== undefined && (event.amount !== Number(payment.amount) || event.currency !== payment.currency)) return 'amount_mismatch'
    const status = payment.status as PaymentStatus
    if (event.type === 'payment.failed') {
      if (!NEXT[status].includes('failed')) return 'ignored'
      await market.table('payments').where('id', payment.id).update({ status: 'failed', updated_at: new Date() })
      await Outbox.record(market, { domain: 'payments', name: 'failed', correlationId: payment.checkout_id, data: { payment: payment.public_id, checkoutId: payment.checkout_id } })
      return 'failed'
    }
    if (event.type !== 'payment.captured') return 'ignored'
    if (!NEXT[status].includes('captured')) return 'ignored'

    const orders = await this.#orders.checkoutOrders(market, payment.checkout_id, { lock: true })
    const shops = new Map((await market.table('shops').whereIn('id', orders.map((order) => order.shop_id)).select('id', 'public_id')).map((row) => [Number(row.id), row.public_id as string]))
    const numbers = (typeof payment.order_numbers === 'string' ? JSON.parse(payment.order_numbers) : payment.order_numbers) as string[]
    const covered = orders.filter((order) => numbers.includes(order.number))
    await this.#escrow.capture(market, { publicId: payment.public_id, gateway: payment.gateway, amount: Number(payment.amount) }, covered.map((order) => escrowOrderOf(order, shops.get(Number(order.shop_id))!)))
    let refunded = 0
    for (const order of covered) {
      if (order.status === 'pending_payment') {
        await this.#orders.markPaid(market, order.number, { type: 'system', id: null }, `paid by ${payment.public_id}`)
      } else {
        // Cancelled (its payment window passed) or already paid by another attempt: its money goes back at once.
        // Keyed by this payment: a later cancellation of the order still refunds the payment that did pay it.
        const key = `refund:${payment.public_id}:${order.number}`
        const { created } = await this.#escrow.refundBeforeRelease(market, { number: order.number, total: Number(order.total) }, payment.gateway, key)
        if (created) {
          refunded += Number(order.total)
          const id = await this.recordRefund(market, payment, { key, orderNumber: order.number, amount: Number(order.total), destination: 'gateway' })
          if (id) refunds.push(id)
        }
      }
    }
    const next: PaymentStatus = refunded === 0 ? 'captured' : refunded === Number(payment.amount) ? 'refunded' : 'partially_refunded'
    await market.table('payments').where('id', payment.id).update({ status: next, refunded_amount: refunded, captured_at: new Date(), updated_at: new Date() })
    await Outbox.record(market, { domain: 'payments', name: 'captured', correlationId: payment.checkout_id, data: { payment: payment.public_id, checkoutId: payment.checkout_id, amount: Number(payment.amount), refunded } })
    return refunded === 0 ? 'captured' : 'captured_and_refunded'
  }
}
